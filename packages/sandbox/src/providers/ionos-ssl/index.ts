// The public exports of the sandbox's ionos-ssl simulator, re-exported by the sandbox's entry (src/generated/).
export {
  DEFAULT_IONOS_SLOTS,
  IonosSimulator,
  type IonosSimulatorOptions,
} from "./ionos-ssl-simulator.js";
export type { IonosOrder, IonosState } from "./ionos-ssl-state.js";
export type { IonosAuthentication, IonosCertificateType } from "./ionos-ssl-spec-types.js";
