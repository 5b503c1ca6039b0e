// openapi-fetch constrains its generics with `any`; these types repeat its constraints so they stay assignable.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { FetchResponse, MaybeOptionalInit, Middleware } from "openapi-fetch";
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import type { FetchLike, Step, Transport } from "./call.js";
import type { CertkitError } from "./certkit-error.js";
import type { ClientEventListener } from "./client-events.js";
import type { Clock } from "./clock.js";
import { composeApiClient, type ClientSteps } from "./compose-api-client.js";
import type { DescribeProviderError } from "./http-error.js";
import type { RateLimitState } from "./rate-limit.js";
import type { RetryOptions } from "./retry-policy.js";
import { concurrencyStep } from "./steps/concurrency.js";
import { eventsStep } from "./steps/events.js";
import { rateLimitStep } from "./steps/rate-limit-gate.js";
import { retryStep } from "./steps/retry.js";

/**
 * The error half of a call's result: a {@link CertkitError} that always has the HTTP `status`, and whose `body`
 * is the provider's error body typed from the spec (or text, when the provider sent something else).
 */
export type HttpError<Body = unknown> = CertkitError<Body> & { readonly status: number };

type WithHttpError<Result> = Result extends { error: infer Body }
  ? { data?: never; error: HttpError<[Body] extends [never] ? unknown : Body>; response: Response }
  : Result;

/**
 * What every call resolves to: `{ data, response }` for a 2xx answer, `{ error, response }` otherwise, so `data`
 * can only be used after checking `error`. Transport failures (no answer at all) are thrown as {@link CertkitError}.
 */
export type ApiResult<
  Operation extends Record<string | number, any>,
  Init,
  Media extends MediaType = MediaType,
> = WithHttpError<FetchResponse<Operation, Init, Media>>;

/** Options of one call, beside its params and body. */
export interface CallOptions {
  /** Aborts the call: it then rejects with `CertkitError` `ABORTED`. */
  signal?: AbortSignal | undefined;
  /** The limit on each try of this call, in ms (see {@link HttpPolicyOptions.timeoutMs}). */
  timeoutMs?: number | undefined;
  /** Retry settings for this call, merged over the client's; `false` sends it once. */
  retry?: RetryOptions | false | undefined;
}

// openapi-fetch's rule for the optional/required `init` argument (not exported by it).
type InitParam<Init> =
  RequiredKeysOf<Init> extends never
    ? [(Init & CallOptions & Record<string, unknown>)?]
    : [Init & CallOptions & Record<string, unknown>];

/** One HTTP method of an {@link ApiClient}: a path of the spec, then the typed params and body for it. */
export type ApiMethod<
  Paths extends Record<string, any>,
  Method extends HttpMethod,
  Media extends MediaType = MediaType,
> = <Path extends PathsWithMethod<Paths, Method>, Init extends MaybeOptionalInit<Paths[Path], Method>>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<ApiResult<Paths[Path][Method], Init, Media>>;

/**
 * An openapi-fetch client whose errors are {@link CertkitError}s. Every path, parameter, body and answer is
 * typed from the provider's spec (`Paths`); middleware is added with `use` as in openapi-fetch.
 */
export interface ApiClient<Paths extends Record<string, any>, Media extends MediaType = MediaType> {
  GET: ApiMethod<Paths, "get", Media>;
  PUT: ApiMethod<Paths, "put", Media>;
  POST: ApiMethod<Paths, "post", Media>;
  DELETE: ApiMethod<Paths, "delete", Media>;
  PATCH: ApiMethod<Paths, "patch", Media>;
  HEAD: ApiMethod<Paths, "head", Media>;
  OPTIONS: ApiMethod<Paths, "options", Media>;
  /** Adds openapi-fetch middleware (runs on every request and answer). */
  use(...middleware: Middleware[]): void;
  /** Removes middleware added with `use`. */
  eject(...middleware: Middleware[]): void;
  /** The rate-limit figures of the provider's last answer that carried them; `undefined` before any did. */
  readonly rateLimit: RateLimitState | undefined;
}

/**
 * How a client treats the network: timeouts, retries, a cap on calls in flight, and an event hook. Every provider
 * package's options include these.
 */
export interface HttpPolicyOptions {
  /**
   * The limit on each try, from sending the request to the last byte of the answer, in ms. Default 30 000.
   * A try that runs out fails the call with `TIMEOUT` (it is not retried: the limit is the caller's to set).
   */
  timeoutMs?: number | undefined;
  /**
   * How reads are retried on network errors, 408, 429, 500, 502, 503 and 504 (and any call on 429). Default
   * 3 tries, backoff from 500 ms, waits up to 30 s, retries started within 60 s; `false` turns retries off.
   */
  retry?: RetryOptions | false | undefined;
  /**
   * How many tries may be in flight at once; the rest queue in order, so a burst of calls (polling many orders)
   * does not trip the provider's rate limit. Default 10; `Infinity` for no cap.
   */
  maxConcurrency?: number | undefined;
  /** Receives an event for each try sent, each answer, each retry and each failed call (redacted). Default: none. */
  onEvent?: ClientEventListener | undefined;
  /**
   * The most bytes an answer may have, counted as they arrive (and checked up front against `Content-Length`); a
   * longer one stops the try and fails the call with `PROVIDER`. Default 16 MiB.
   */
  maxResponseBytes?: number | undefined;
}

/** How a provider package sets up its {@link ApiClient}. */
export interface ApiClientConfig extends HttpPolicyOptions {
  /** The package's provider name, carried by every error: `"ionos-ssl"`. */
  provider: string;
  /** Human name of the API, used at the start of error messages: `"IONOS SSL API"`. */
  apiName: string;
  /** npm name and version of the provider package, sent in `User-Agent`. */
  packageName: string;
  packageVersion: string;
  /**
   * The API's base URL; checked, and used without a trailing slash. It must be https, except for a loopback host
   * (`localhost`, `127.0.0.1`, `[::1]`) or with {@link allowInsecureHttp}.
   */
  baseUrl: string;
  /** Lets `baseUrl` use plain http to another host, which sends the credentials unencrypted. Default `false`. */
  allowInsecureHttp?: boolean | undefined;
  /** The caller's own product token, sent before the package's in `User-Agent`. */
  userAgent?: string | undefined;
  /**
   * Authentication: fixed headers, and every secret value the client sends anywhere (they never appear in an error,
   * an event or a URL shown); and, for credentials that are not fixed headers, the `step` that sets them on each try:
   * `dynamicAuthStep(source)` for credentials that change while the client lives (an expiring access token), or
   * `queryAuthStep({ access_key })` for a key carried in the query string. A client that needs neither ships neither.
   */
  auth: { headers: Record<string, string>; secrets: readonly string[]; step?: Step | undefined };
  /** The fetch to send requests with; defaults to the global `fetch`, looked up at each call. */
  fetch?: FetchLike | undefined;
  /**
   * What sends each try instead of `fetch`: `undiciTransport()` from `@certkit/runtime/undici` (Node only) sends on
   * undici's Dispatcher API, at a fraction of fetch's cost. Not with `fetch`.
   */
  transport?: Transport | undefined;
  /** Reads the provider's error body into a provider code and message. */
  describeError?: DescribeProviderError | undefined;
}

/** The steps of a client made by {@link createApiClient}: all of them. */
const EVERY_STEP: ClientSteps = {
  retry: retryStep,
  concurrency: concurrencyStep,
  rateLimit: rateLimitStep,
  events: eventsStep,
};

/**
 * Creates an {@link ApiClient}: openapi-fetch with the given headers, the network policy of
 * {@link HttpPolicyOptions}, and every non-2xx answer turned into a redacted {@link HttpError}. Provider packages
 * call this; applications call the provider's own factory. To ship fewer bytes, `composeApiClient` takes only the
 * steps you name.
 *
 * @throws CertkitError `INVALID_INPUT` when an option is malformed; nothing is sent.
 */
export function createApiClient<Paths extends Record<string, any>, Media extends MediaType = MediaType>(
  config: ApiClientConfig,
): ApiClient<Paths, Media> {
  return composeApiClient<Paths, Media>(config, EVERY_STEP);
}

/** {@link createApiClient} with a replaceable clock, for tests of waits and jitter. */
export function createClientWithClock<Paths extends Record<string, any>, Media extends MediaType = MediaType>(
  config: ApiClientConfig,
  clock: Clock,
): ApiClient<Paths, Media> {
  return composeApiClient<Paths, Media>(config, EVERY_STEP, clock);
}
