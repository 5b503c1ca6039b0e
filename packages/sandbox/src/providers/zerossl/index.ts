// The public exports of the sandbox's zerossl simulator, re-exported by the sandbox's entry (src/generated/).
export { ZerosslSimulator, type ZerosslSimulatorOptions } from "./zerossl-simulator.js";
export type {
  ZerosslCertificateState,
  ZerosslState,
  ZerosslStoredStatus,
  ZerosslValidationMethod,
} from "./zerossl-state.js";
