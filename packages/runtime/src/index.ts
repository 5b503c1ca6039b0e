export { CertkitError, isCertkitError, type CertkitErrorCode, type CertkitErrorInit } from "./certkit-error.js";
export {
  createApiClient,
  type ApiClient,
  type ApiClientConfig,
  type ApiMethod,
  type ApiResult,
  type FetchLike,
  type HttpError,
} from "./api-client.js";
export type { DescribeProviderError, ProviderErrorDetails } from "./http-error.js";
export { createRedactor, type Redactor } from "./redact.js";
export { assertCredential } from "./options.js";
