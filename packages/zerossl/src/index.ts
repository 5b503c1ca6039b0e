export {
  createZerosslClient,
  ZEROSSL_BASE_URL,
  zerosslClientConfig,
  type ZerosslClient,
  type ZerosslClientOptions,
} from "./create-zerossl-client.js";
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
/**
 * The types of ZeroSSL's REST API, generated from `specs/zerossl/openapi.yaml`: `paths` and `operations`, and one
 * named type per schema (`Certificate`, `ErrorResponse`, ...).
 */
export type * from "./generated/schema.js";
