/**
 * The certkit adapter for the IONOS SSL API: `createCertificateClient(ionos({ apiKey }))`.
 *
 * @packageDocumentation
 */
export { ionos, IONOS_CAPABILITIES, IONOS_DEFAULT_PAGE_SIZE, type IonosAdapterOptions } from "./ionos-adapter.js";
export {
  mapIonosStatus,
  mapIonosValidationStatus,
  IONOS_STATUS_NOTES,
  IONOS_STATUS_TABLE,
  IONOS_VALIDATION_STATUS_TABLE,
  type IonosStatusMapping,
} from "./map-ionos-status.js";
export { ionosOrderView, ionosValidation } from "./ionos-order-view.js";
export { IONOS_DEFAULT_PRODUCT, IONOS_PRODUCTS, ionosProductLimits } from "./ionos-products.js";
