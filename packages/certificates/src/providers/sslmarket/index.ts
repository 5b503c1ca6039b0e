export { sslmarket } from "./sslmarket-adapter.js";
export type { SslmarketAdapterOptions, SslmarketOrderContacts } from "./sslmarket-adapter-options.js";
export { SSLMARKET_CAPABILITIES } from "./sslmarket-capabilities.js";
export {
  mapSslmarketStatus,
  SSLMARKET_DERIVED_STATUSES,
  SSLMARKET_STATUS_NOTES,
  SSLMARKET_STATUS_TABLE,
  type SslmarketStatus,
  type SslmarketStatusContext,
} from "./map-sslmarket-status.js";
export { SSLMARKET_DEFAULT_PRODUCT, SSLMARKET_PRODUCT_LIMITS } from "./sslmarket-products.js";
export {
  SSLMARKET_APPROVER_MAILBOXES,
  SSLMARKET_DCV_FILE_PATH,
  sslmarketOrderView,
  sslmarketValidations,
  type SslmarketRawOrder,
} from "./sslmarket-order-view.js";
export { sslmarketProvider } from "./sslmarket-provider.js";
