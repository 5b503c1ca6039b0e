// openapi-fetch constrains its generics with `any`; these types repeat its constraints so they stay assignable.
/* eslint-disable @typescript-eslint/no-explicit-any */
import createClient, { type FetchResponse, type MaybeOptionalInit, type Middleware } from "openapi-fetch";
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import { CertkitError } from "./certkit-error.js";
import { createEventEmitter, type ClientEventListener } from "./client-events.js";
import type { DynamicAuth } from "./dynamic-auth.js";
import { createConcurrencyLimiter } from "./concurrency-limiter.js";
import { createHttpError, type DescribeProviderError } from "./http-error.js";
import { checkBaseUrl, checkUserAgent } from "./options.js";
import type { RateLimitState } from "./rate-limit.js";
import { createRateLimitGate } from "./rate-limit-gate.js";
import { createRedactor } from "./redact.js";
import {
  checkTimeout,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  resolveRetryPolicy,
  type RetryOptions,
} from "./retry-policy.js";
import { createCallFetch, systemClock, type CallState, type FetchLike, type TransportClock } from "./transport.js";
import { unexpectedError, unusableAnswerError } from "./transport-error.js";
import { buildUserAgent } from "./user-agent.js";

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
export type ApiResult<Operation extends Record<string | number, any>, Init, Media extends MediaType = MediaType> = WithHttpError<
  FetchResponse<Operation, Init, Media>
>;

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
type InitParam<Init> = RequiredKeysOf<Init> extends never
  ? [(Init & CallOptions & Record<string, unknown>)?]
  : [Init & CallOptions & Record<string, unknown>];

/** One HTTP method of an {@link ApiClient}: a path of the spec, then the typed params and body for it. */
export type ApiMethod<Paths extends Record<string, any>, Method extends HttpMethod, Media extends MediaType = MediaType> = <
  Path extends PathsWithMethod<Paths, Method>,
  Init extends MaybeOptionalInit<Paths[Path], Method>,
>(
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
}

/** The cap on tries in flight of a client that is given no `maxConcurrency` option. */
export const DEFAULT_MAX_CONCURRENCY = 10;

/** How a provider package sets up its {@link ApiClient}. */
export interface ApiClientConfig extends HttpPolicyOptions {
  /** The package's provider name, carried by every error: `"ionos-ssl"`. */
  provider: string;
  /** Human name of the API, used at the start of error messages: `"IONOS SSL API"`. */
  apiName: string;
  /** npm name and version of the provider package, sent in `User-Agent`. */
  packageName: string;
  packageVersion: string;
  /** The API's base URL; checked, and used without a trailing slash. */
  baseUrl: string;
  /** The caller's own product token, sent before the package's in `User-Agent`. */
  userAgent?: string | undefined;
  /**
   * Authentication: fixed headers and the secret values in them, which never appear in an error; and, for
   * credentials that change (an expiring access token), `dynamic`, asked for headers before every try.
   */
  auth: { headers: Record<string, string>; secrets: readonly string[]; dynamic?: DynamicAuth | undefined };
  /** The fetch to send requests with; defaults to the global `fetch`, looked up at each call. */
  fetch?: FetchLike | undefined;
  /** Reads the provider's error body into a provider code and message. */
  describeError?: DescribeProviderError | undefined;
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"] as const;

interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Creates an {@link ApiClient}: openapi-fetch with the given headers, the network policy of
 * {@link HttpPolicyOptions}, and every non-2xx answer turned into a redacted {@link HttpError}. Provider packages
 * call this; applications call the provider's own factory.
 *
 * @throws CertkitError `INVALID_INPUT` when an option is malformed; nothing is sent.
 */
export function createApiClient<Paths extends Record<string, any>, Media extends MediaType = MediaType>(
  config: ApiClientConfig,
): ApiClient<Paths, Media> {
  return createClientWithClock<Paths, Media>(config, systemClock);
}

/** {@link createApiClient} with a replaceable clock, for tests of waits and jitter. */
export function createClientWithClock<Paths extends Record<string, any>, Media extends MediaType = MediaType>(
  config: ApiClientConfig,
  clock: TransportClock,
): ApiClient<Paths, Media> {
  const { provider } = config;
  const baseUrl = checkBaseUrl(provider, config.baseUrl);
  const userAgent = checkUserAgent(provider, config.userAgent);
  checkFunction(provider, "fetch", config.fetch);
  checkFunction(provider, "onEvent", config.onEvent);
  const retry = resolveRetryPolicy(provider, DEFAULT_RETRY, config.retry);
  const timeoutMs = config.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout(provider, config.timeoutMs);
  const maxConcurrency = checkConcurrency(provider, config.maxConcurrency);

  const redactor = createRedactor(config.auth.secrets);
  const emit = createEventEmitter(config.onEvent);
  const rateLimit = createRateLimitGate(clock);
  const transport = {
    provider,
    apiName: config.apiName,
    redact: redactor.text,
    limiter: createConcurrencyLimiter(maxConcurrency),
    auth: config.auth.dynamic,
    learnSecrets: redactor.add,
    emit,
    rateLimit,
    clock,
  };
  // Looked up per call, so a fetch patched after the client was made (msw, instrumentation) is honoured.
  const send: FetchLike = config.fetch ?? ((request) => globalThis.fetch(request));
  const headers = {
    ...config.auth.headers,
    "User-Agent": buildUserAgent(config.packageName, config.packageVersion, userAgent),
  };
  const inner = createClient<Paths, Media>({ baseUrl, headers });
  // The untyped door into openapi-fetch: the typed surface is ApiClient's, below.
  const request = (inner as unknown as { request: (method: string, path: string, init: unknown) => Promise<RawResult> })
    .request;

  const call = async (method: (typeof METHODS)[number], path: string, init: Record<string, unknown> | undefined) => {
    const { signal, timeoutMs: callTimeout, retry: callRetry, fetch: callFetch, ...rest } = init ?? {};
    const state: CallState = {
      provider,
      apiName: config.apiName,
      method,
      path,
      fetch: send,
      retry: resolveRetryPolicy(provider, retry, callRetry as RetryOptions | false | undefined),
      timeoutMs: callTimeout === undefined ? timeoutMs : checkTimeout(provider, callTimeout),
      signal: checkSignal(provider, signal),
      startedAt: clock.now(),
      attempts: 0,
      lastStatus: undefined,
    };
    if (callFetch !== undefined) {
      checkFunction(provider, "fetch", callFetch);
      state.fetch = callFetch as FetchLike;
    }
    const fail = (error: CertkitError) => {
      emit({ type: "error", provider, method, path, error, attempts: state.attempts, durationMs: clock.now() - state.startedAt });
      return error;
    };

    let result: RawResult;
    try {
      result = await request(method, path, { ...rest, fetch: createCallFetch(transport, state) });
    } catch (error) {
      throw fail(describeThrown(state, error, redactor.text));
    }
    if (result.response.ok) return result;
    const error = createHttpError({
      provider,
      apiName: config.apiName,
      method,
      path,
      response: result.response,
      body: result.error,
      redactor,
      describe: config.describeError,
      rateLimit: rateLimit.current,
      now: clock.now(),
    });
    return { error: fail(error), response: result.response };
  };

  const client = {
    use: (...middleware: Middleware[]) => inner.use(...middleware),
    eject: (...middleware: Middleware[]) => inner.eject(...middleware),
  } as Record<string, unknown>;
  Object.defineProperty(client, "rateLimit", { get: () => rateLimit.current, enumerable: true });
  for (const method of METHODS) {
    client[method] = (path: string, init?: Record<string, unknown>) => call(method, path, init);
  }
  return client as unknown as ApiClient<Paths, Media>;
}

/** What a call that threw becomes: the transport's own errors as they are, a body that would not parse, or else. */
function describeThrown(state: CallState, error: unknown, redact: (text: string) => string): CertkitError {
  if (error instanceof CertkitError) return error;
  // openapi-fetch parses a 2xx body after the transport returned it, so this answer arrived but cannot be read.
  if (error instanceof SyntaxError && state.lastStatus !== undefined) {
    return unusableAnswerError(state, state.lastStatus, "with a body that is not valid JSON", new SyntaxError(redact(error.message)));
  }
  return unexpectedError(state, error, redact, state.attempts > 0);
}

function invalid(provider: string, message: string): CertkitError {
  return new CertkitError({ code: "INVALID_INPUT", provider, message: `${provider}: ${message}` });
}

function checkFunction(provider: string, option: string, value: unknown): void {
  if (value !== undefined && typeof value !== "function") throw invalid(provider, `option "${option}" must be a function`);
}

function checkConcurrency(provider: string, value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_CONCURRENCY;
  if (value === Infinity || (typeof value === "number" && Number.isInteger(value) && value >= 1)) return value;
  throw invalid(provider, `option "maxConcurrency" must be a whole number of at least 1, or Infinity`);
}

function checkSignal(provider: string, value: unknown): AbortSignal | undefined {
  if (value === undefined || value instanceof AbortSignal) return value;
  throw invalid(provider, `option "signal" must be an AbortSignal`);
}
