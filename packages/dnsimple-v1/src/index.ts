export {
  createDnsimpleV1Client,
  dnsimpleV1ClientConfig,
  DNSIMPLE_V1_BASE_URL,
  DNSIMPLE_V1_SANDBOX_BASE_URL,
  type DnsimpleV1Client,
  type DnsimpleV1ClientOptions,
} from "./create-dnsimple-v1-client.js";
export { encodeFormBody } from "./encode-form-body.js";
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
