// openapi-fetch constrains its generics with `any`; these types repeat its constraints so they stay assignable.
/* eslint-disable @typescript-eslint/no-explicit-any */
import createClient, { type Middleware } from "openapi-fetch";
import type { MediaType } from "openapi-typescript-helpers";
import type { ApiClient, ApiClientConfig } from "./api-client.js";
import { BuiltRequest } from "./built-request.js";
import { startCall, type Call, type ClientContext, type Send, type Step, type Transport } from "./call.js";
import { abortedError, timeoutError, unexpectedError } from "./call-errors.js";
import { CertkitError } from "./certkit-error.js";
import { createEventEmitter } from "./client-events.js";
import { systemClock, type Clock } from "./clock.js";
import { createHttpError } from "./http-error.js";
import { checkCount, checkFunction, checkServerUrl, checkUserAgent, invalidOption } from "./options.js";
import { checkPathParams } from "./path-params.js";
import { createRedactor } from "./redact.js";
import {
  checkTimeout,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  resolveRetryPolicy,
  type RetryOptions,
} from "./retry-policy.js";
import { DEFAULT_MAX_RESPONSE_BYTES, readBodyStep } from "./steps/read-body.js";
import { refuseRedirectsStep } from "./steps/refuse-redirects.js";
import { sendStep } from "./steps/send.js";
import { timeoutStep } from "./steps/timeout.js";
import { buildUserAgent } from "./user-agent.js";

/** The cap on tries in flight of a client that is given no `maxConcurrency` option. */
export const DEFAULT_MAX_CONCURRENCY = 10;

/**
 * The optional steps of a client's transport. Each goes in its fixed place, so no order can be got wrong:
 * retry › concurrency › rateLimit › auth (the config's `auth.step`) › (timeout) › events › (body reading › redirect
 * refusal › fetch). The steps in brackets are always there: a client never follows a redirect, never reads more than
 * `maxResponseBytes`, and never lets a try run past its timeout.
 */
export interface ClientSteps {
  /** Sends reads (and 429s) again: `retryStep`. */
  retry?: Step | undefined;
  /** Caps tries in flight at `maxConcurrency`: `concurrencyStep`. */
  concurrency?: Step | undefined;
  /** Keeps tries within the provider's rate limit, and fills `client.rateLimit`: `rateLimitStep`. */
  rateLimit?: Step | undefined;
  /** Reports tries and answers to `onEvent`: `eventsStep`. */
  events?: Step | undefined;
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"] as const;

interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The options of a call that openapi-fetch reads to build its request; any other is for fetch, or middleware. */
const REQUEST_OPTIONS = new Set([
  "params",
  "body",
  "headers",
  "parseAs",
  "querySerializer",
  "bodySerializer",
  "pathSerializer",
]);

/** Whether a call's options are only those openapi-fetch builds its request from (then a light one will do). */
function onlyRequestOptions(options: Record<string, unknown>): boolean {
  for (const name in options) if (options[name] !== undefined && !REQUEST_OPTIONS.has(name)) return false;
  return true;
}

/** The bottom of the stack with fetch: the try is sent, a redirect refused, the answer read. */
const FETCH_LAYERS = [readBodyStep, refuseRedirectsStep];

/**
 * `send`, made to fail only by rejecting: a layer (a transport, a step of the user's) that throws at once would
 * otherwise skip the cleanup the layers above do on a rejection, and a concurrency slot would be held for ever.
 */
function rejectingThrows(send: Send): Send {
  return (request, call) => {
    try {
      return send(request, call);
    } catch (error) {
      // Whatever was thrown goes on as it is: the client makes a CertkitError of it, as of any rejection.
      const thrown = error as Error;
      return Promise.reject(thrown);
    }
  };
}

/**
 * Assembles the stack: the chosen steps and the ones every client has, in their one order, over fetch or over the
 * config's transport (which refuses redirects and reads answers itself).
 */
function assemble(
  steps: ClientSteps,
  authorize: Step | undefined,
  transport: Transport | undefined,
  context: ClientContext,
): Send {
  const layers = [
    steps.retry,
    steps.concurrency,
    steps.rateLimit,
    authorize,
    timeoutStep,
    steps.events,
    ...(transport ? [] : FETCH_LAYERS),
  ];
  return layers.reduceRight<Send>(
    (next, step) => (step ? step(rejectingThrows(next), context) : next),
    rejectingThrows(transport?.send ?? sendStep),
  );
}

/**
 * Creates an {@link ApiClient} with only the steps given (`createApiClient` gives it all of them): openapi-fetch
 * with the given headers, every non-2xx answer turned into a redacted `HttpError`, redirects refused, answers capped
 * at `maxResponseBytes`, each try under `timeoutMs`. Steps that are left out cost no bytes in a bundle. `clock`
 * replaces time and chance, for tests.
 *
 * @throws CertkitError `INVALID_INPUT` when an option is malformed; nothing is sent.
 * @example
 * ```ts
 * import { composeApiClient, retryStep } from "@certkit/runtime";
 * import { ionosSslClientConfig, type paths } from "@certkit/ionos-ssl";
 * const ionos = composeApiClient<paths>(ionosSslClientConfig({ apiKey }), { retry: retryStep });
 * ```
 */
export function composeApiClient<Paths extends Record<string, any>, Media extends MediaType = MediaType>(
  config: ApiClientConfig,
  steps: ClientSteps = {},
  clock: Clock = systemClock,
): ApiClient<Paths, Media> {
  const { provider, apiName, auth: credentials } = config;
  const baseUrl = checkServerUrl(provider, "baseUrl", config.baseUrl, config.allowInsecureHttp);
  const userAgent = checkUserAgent(provider, config.userAgent);
  const fetch = checkFunction(provider, "fetch", config.fetch);
  const retry = resolveRetryPolicy(provider, DEFAULT_RETRY, config.retry);
  const timeoutMs = config.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout(provider, config.timeoutMs);
  const context: ClientContext = {
    provider,
    apiName,
    clock,
    redactor: createRedactor(credentials.secrets),
    emit: createEventEmitter(checkFunction(provider, "onEvent", config.onEvent)),
    maxResponseBytes: checkCount(
      provider,
      "maxResponseBytes",
      config.maxResponseBytes,
      DEFAULT_MAX_RESPONSE_BYTES,
      false,
    ),
    maxConcurrency: checkCount(provider, "maxConcurrency", config.maxConcurrency, DEFAULT_MAX_CONCURRENCY, true),
    rateLimit: undefined,
  };
  const { emit } = context;
  if (fetch !== undefined && config.transport !== undefined)
    throw invalidOption(provider, `give option "fetch" or "transport", not both`);
  const stack = assemble(steps, credentials.step, config.transport, context);
  // Without middleware, openapi-fetch builds a light request that the transport sends as it is: fetch builds the
  // one `Request` it needs from it, not a second of the first.
  const lightRequest = config.transport ? config.transport.Request : (BuiltRequest as unknown as typeof Request);
  const inner = createClient<Paths, Media>({
    baseUrl,
    headers: {
      ...credentials.headers,
      "User-Agent": buildUserAgent(config.packageName, config.packageVersion, userAgent),
    },
    // What the middleware sees is what is sent: redirects are never followed.
    redirect: "manual",
  });
  // The untyped door into openapi-fetch: the typed surface is ApiClient's, below.
  const request = (inner as unknown as { request: (method: string, path: string, init: unknown) => Promise<RawResult> })
    .request;

  const checkCallFetch = (callFetch: unknown) => {
    if (config.transport !== undefined)
      throw invalidOption(provider, `option "fetch" cannot be given to one call of a client with a transport`);
    return checkFunction(provider, "fetch", callFetch as typeof fetch);
  };

  const fail = (call: Call, error: CertkitError) => {
    emit?.({
      type: "error",
      provider,
      method: call.method,
      path: call.path,
      error,
      attempts: call.attempts,
      durationMs: clock.now() - call.startedAt,
    });
    return error;
  };

  const run = async (method: string, path: string, init: Record<string, unknown> | undefined) => {
    const { signal: given, timeoutMs: callTimeout, retry: callRetry, fetch: callFetch, ...rest } = init ?? {};
    if (given !== undefined && !(given instanceof AbortSignal))
      throw invalidOption(provider, `option "signal" must be an AbortSignal`);
    checkPathParams(provider, method, path, rest.params);
    // A call's own server is held to the client's rule: the credentials go with it.
    if (rest.baseUrl !== undefined)
      rest.baseUrl = checkServerUrl(provider, "baseUrl", rest.baseUrl, config.allowInsecureHttp);
    const call = startCall(context, {
      method,
      path,
      parseAs: (rest.parseAs as string | undefined) ?? "json",
      retry: callRetry === undefined ? retry : resolveRetryPolicy(provider, retry, callRetry as RetryOptions | false),
      timeoutMs: callTimeout === undefined ? timeoutMs : checkTimeout(provider, callTimeout),
      fetch: callFetch === undefined ? fetch : checkCallFetch(callFetch),
    });
    // A call with middleware of its own, or with fetch options (`cache`, `mode`...) or a `baseUrl` of its own, gets a
    // real `Request`, which checks them as it is built: before any try, as openapi-fetch always did.
    if (lightRequest && middlewares.size === 0 && onlyRequestOptions(rest)) rest.Request = lightRequest;
    // openapi-fetch sends through this call's stack; `rest` is this call's own copy of the options.
    rest.fetch = (outgoing: Request) => stack(outgoing, call);
    if (given?.aborted) throw fail(call, abortedError(call, given.reason));
    const forward = given && (() => call.abort(given.reason));
    if (forward) given.addEventListener("abort", forward, { once: true });
    let result: RawResult;
    try {
      result = await request(method, path, rest);
    } catch (error) {
      if (call.signal.aborted) throw fail(call, call.timedOut ? timeoutError(call) : abortedError(call, given?.reason));
      throw fail(call, error instanceof CertkitError ? error : unexpectedError(call, error));
    } finally {
      if (forward) given.removeEventListener("abort", forward);
    }
    if (result.response.ok) return result;
    const error = createHttpError({
      provider,
      apiName,
      method,
      path,
      response: result.response,
      body: result.error,
      redactor: context.redactor,
      describe: config.describeError,
      rateLimit: context.rateLimit,
      now: clock.now(),
    });
    return { error: fail(call, error), response: result.response };
  };

  // With middleware there, every request is a real `Request`, whatever the transport would build otherwise.
  const middlewares = new Set<Middleware>();
  const client = {
    use: (...middleware: Middleware[]) => {
      inner.use(...middleware);
      for (const one of middleware) if (one) middlewares.add(one);
    },
    eject: (...middleware: Middleware[]) => {
      inner.eject(...middleware);
      for (const one of middleware) middlewares.delete(one);
    },
  } as Record<string, unknown>;
  Object.defineProperty(client, "rateLimit", { get: () => context.rateLimit, enumerable: true });
  for (const method of METHODS)
    client[method] = (path: string, init?: Record<string, unknown>) => run(method, path, init);
  return client as unknown as ApiClient<Paths, Media>;
}
