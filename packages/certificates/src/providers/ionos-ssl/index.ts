/**
 * The certkit adapter for the IONOS SSL API: `createCertificateClient(ionosSsl({ apiKey }))`.
 *
 * @packageDocumentation
 */
export { ionosSsl } from "./ionos-ssl-adapter.js";
export { IONOS_SSL_DEFAULT_PAGE_SIZE, type IonosSslAdapterOptions } from "./ionos-ssl-adapter-options.js";
export { IONOS_SSL_CAPABILITIES } from "./ionos-ssl-capabilities.js";
export {
  mapIonosSslStatus,
  mapIonosSslValidationStatus,
  IONOS_SSL_STATUS_NOTES,
  IONOS_SSL_STATUS_TABLE,
  IONOS_SSL_VALIDATION_STATUS_TABLE,
  type IonosSslStatusMapping,
} from "./map-ionos-ssl-status.js";
export { ionosSslOrderView, ionosSslValidation } from "./ionos-ssl-order-view.js";
export { IONOS_SSL_DEFAULT_PRODUCT, IONOS_SSL_PRODUCTS, ionosSslProductLimits } from "./ionos-ssl-products.js";
export { ionosSslProvider } from "./ionos-ssl-provider.js";
