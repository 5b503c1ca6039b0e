// The public exports of the sandbox's resello simulator, re-exported by the sandbox's entry (src/generated/).
export { ReselloSimulator, type ReselloSimulatorOptions } from "./resello-simulator.js";
export { DEFAULT_RESELLO_PLANS, type ReselloPlan } from "./resello-plans.js";
export { SANDBOX_RESELLO_OIDC_CLIENT } from "./resello-sandbox.js";
export type {
  ReselloCertificateStatus,
  ReselloDomainValidation,
  ReselloOrder,
  ReselloState,
  ReselloToken,
} from "./resello-state.js";
export { RESELLO_TOKEN_PATH, type ReselloOidcClient } from "./resello-tokens.js";
export type { ReselloDcvType } from "./resello-spec-types.js";
export type { ReselloOrganization } from "./resello-state.js";
