export {
  createIonosSslClient,
  IONOS_SSL_BASE_URL,
  ionosSslClientConfig,
  type IonosSslClient,
  type IonosSslClientOptions,
} from "./create-ionos-ssl-client.js";
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
