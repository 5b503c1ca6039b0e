export {
  createReselloClient,
  reselloClientConfig,
  RESELLO_BASE_URL,
  RESELLO_OTE_BASE_URL,
  type ReselloBasicAuthOptions,
  type ReselloBearerAuthOptions,
  type ReselloOidcAuthOptions,
  type ReselloOidcCredentials,
  type ReselloClient,
  type ReselloClientBaseOptions,
  type ReselloClientOptions,
} from "./create-resello-client.js";
export {
  createCertificateOnce,
  findCertificateByClientReference,
  type CreateCertificateOnceOptions,
  type CreateRequestWithReference,
} from "./create-certificate-once.js";
export { unwrapResello } from "./unwrap-resello.js";
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
