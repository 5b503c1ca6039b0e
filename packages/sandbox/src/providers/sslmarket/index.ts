// The public exports of the sandbox's sslmarket simulator, re-exported by the sandbox's entry (src/generated/).
export { SslmarketSimulator, type SslmarketSimulatorOptions } from "./sslmarket-simulator.js";
export { SSLMARKET_DEMO_CONTACTS } from "./sslmarket-demo-contacts.js";
export type { SslmarketState } from "./sslmarket-state.js";
export type { SslmarketDcvMethod, SslmarketProductType } from "./sslmarket-spec-types.js";
export { DEFAULT_SSLMARKET_PRODUCTS, type SslmarketProductSettings } from "./sslmarket-products.js";
export type {
  SslmarketContactField,
  SslmarketOrder,
  SslmarketOrderStatus,
  SslmarketReissue,
} from "./sslmarket-state.js";
