/**
 * The certkit adapter for ZeroSSL's REST API: `createCertificateClient(zerossl({ accessKey }))`.
 *
 * @packageDocumentation
 */
export { zerossl } from "./zerossl-adapter.js";
export {
  ZEROSSL_DEFAULT_PAGE_SIZE,
  ZEROSSL_VALIDITY_DAYS,
  type ZerosslAdapterOptions,
} from "./zerossl-adapter-options.js";
export { ZEROSSL_CAPABILITIES } from "./zerossl-capabilities.js";
export {
  mapZerosslStatus,
  mapZerosslValidationStatus,
  ZEROSSL_STATUS_NOTES,
  ZEROSSL_STATUS_TABLE,
  type ZerosslStatusMapping,
} from "./map-zerossl-status.js";
export { ZEROSSL_METHODS, zerosslOrderView, zerosslValidation } from "./zerossl-order-view.js";
export { zerosslProvider } from "./zerossl-provider.js";
