/**
 * The Resello Reseller Platform adapter of `@certkit/certificates`: `createCertificateClient(resello({...}))`.
 *
 * @packageDocumentation
 */
export { resello } from "./resello-adapter.js";
export { RESELLO_CAPABILITIES } from "./resello-capabilities.js";
export type { ReselloAdapterOptions, ReselloAdapterSettings, ReselloOrderDetails } from "./resello-adapter-options.js";
export {
  mapReselloStatus,
  RESELLO_STATUS_NOTES,
  RESELLO_STATUS_TABLE,
  type ReselloStatus,
  type ReselloStatusContext,
} from "./map-resello-status.js";
export { reselloProvider } from "./resello-provider.js";
