// The public exports of the sandbox's dnsimple simulator, re-exported by the sandbox's entry (src/generated/).
export { DnsimpleSimulator, type DnsimpleSimulatorOptions } from "./dnsimple-simulator.js";
export {
  DEFAULT_DNSIMPLE_RATE_LIMIT,
  type DnsimpleRateLimitOptions,
} from "./dnsimple-rate-limit.js";
export type { DnsimpleState } from "./dnsimple-state.js";
export type {
  DnsimpleAcmeChallenge,
  DnsimpleCertificateRecord,
  DnsimpleCertificateState,
  DnsimpleRenewalRecord,
  DnsimpleRenewalState,
  DnsimpleSignatureAlgorithm,
  DnsimpleWebhookRecord,
} from "./dnsimple-state.js";
