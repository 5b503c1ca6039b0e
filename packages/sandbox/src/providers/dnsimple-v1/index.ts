// The public exports of the sandbox's dnsimple-v1 simulator, re-exported by the sandbox's entry (src/generated/).
export {
  DEFAULT_DNSIMPLE_V1_CONTACT_ID,
  DnsimpleV1Simulator,
  type DnsimpleV1SimulatorOptions,
} from "./dnsimple-v1-simulator.js";
export type { DnsimpleV1State } from "./dnsimple-v1-state.js";
export type {
  DnsimpleV1CertificateRecord,
  DnsimpleV1CertificateState,
} from "./dnsimple-v1-state.js";
