export { CertkitError, isCertkitError, type CertkitErrorCode, type CertkitErrorInit } from "./certkit-error.js";
export {
  createApiClient,
  type ApiClient,
  type ApiClientConfig,
  type ApiMethod,
  type ApiResult,
  type CallOptions,
  type HttpError,
  type HttpPolicyOptions,
} from "./api-client.js";
export { composeApiClient, DEFAULT_MAX_CONCURRENCY, type ClientSteps } from "./compose-api-client.js";
export type { Call, ClientContext, FetchLike, OutgoingRequest, Send, Step, Transport } from "./call.js";
export { BuiltRequest } from "./built-request.js";
export { retryStep } from "./steps/retry.js";
export { concurrencyStep } from "./steps/concurrency.js";
export { MAX_RATE_LIMIT_WAIT_MS, rateLimitStep } from "./steps/rate-limit-gate.js";
export { eventsStep } from "./steps/events.js";
export { DEFAULT_MAX_RESPONSE_BYTES } from "./steps/read-body.js";
export { dynamicAuthStep } from "./steps/dynamic-auth.js";
export { queryAuthStep } from "./steps/query-auth.js";
export { MAX_TIMER_MS, systemClock, type Clock } from "./clock.js";
export type {
  ClientEvent,
  ClientEventBase,
  ClientEventListener,
  ErrorEvent,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from "./client-events.js";
export { createClientCredentials, type ClientCredentialsOptions } from "./client-credentials.js";
export type { AuthHeaders, DynamicAuth } from "./dynamic-auth.js";
export { readFieldErrors, type DescribeProviderError, type ProviderErrorDetails } from "./http-error.js";
export type { RateLimitState } from "./rate-limit.js";
export { basicAuthorization, sharedClientOptions, type ProviderClientOptions } from "./provider-client-options.js";
export { createRedactor, credentialsIn, type Redactor } from "./redact.js";
export { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, type RetryOptions } from "./retry-policy.js";
export { writeOnce, type WriteOnceOptions } from "./write-once.js";
export { assertCredential } from "./options.js";
export { unwrap } from "./unwrap.js";
export { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from "./time-units.js";
export type { RetryPolicy } from "./retry-policy.js";
export { MAX_LEARNT_SECRETS, MAX_VALUE_DEPTH } from "./redact.js";
