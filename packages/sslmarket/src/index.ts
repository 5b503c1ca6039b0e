export {
  createSslmarketClient,
  sslmarketClientConfig,
  type SslmarketClient,
  type SslmarketClientOptions,
} from "./create-sslmarket-client.js";
export { SSLMARKET_BASE_URL, SSLMARKET_SITE_BASE_URLS, type SslmarketSite } from "./sslmarket-sites.js";
export { PACKAGE_VERSION } from "./version.js";
export {
  CertkitError,
  isCertkitError,
  type CallOptions,
  type CertkitErrorCode,
  type ClientEvent,
  type HttpError,
  type RateLimitState,
  type RetryOptions,
} from "@certkit/runtime";
export type * from "./generated/schema.js";
