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
export {
  createHttpError,
  errorCodeForStatus,
  isRetryableStatus,
  readRequestId,
  MAX_TEXT_BODY_LENGTH,
  type DescribeProviderError,
  type HttpErrorContext,
  type ProviderErrorDetails,
} from "./http-error.js";
export { createRedactor, type Redactor } from "./redact.js";
export { buildUserAgent } from "./user-agent.js";
export { assertCredential, checkBaseUrl, checkUserAgent } from "./options.js";
