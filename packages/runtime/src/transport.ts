import { abortReason } from "./abort-reason.js";
import { CertkitError } from "./certkit-error.js";
import type { ClientEvent } from "./client-events.js";
import type { ConcurrencyLimiter } from "./concurrency-limiter.js";
import type { AuthHeaders, DynamicAuth } from "./dynamic-auth.js";
import { readRateLimit, type RateLimitState } from "./rate-limit.js";
import type { RateLimitGate } from "./rate-limit-gate.js";
import { backoffDelay, DEFAULT_RETRY, serverDelay, type RetryPolicy } from "./retry-policy.js";
import {
  abortedError,
  isReadMethod,
  networkError,
  timeoutError,
  unusableAnswerError,
  type FailedCall,
} from "./transport-error.js";

/** A fetch implementation as openapi-fetch calls it: one `Request` in, one `Response` out. */
export type FetchLike = (request: Request) => Promise<Response>;

/** Time and chance, replaceable in tests. */
export interface TransportClock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason if it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1), for jitter. */
  random(): number;
}

/** The real clock. */
export const systemClock: TransportClock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

/** What a client's transport shares between its calls. */
export interface TransportConfig {
  provider: string;
  apiName: string;
  redact: (text: string) => string;
  limiter: ConcurrencyLimiter;
  /** Credentials asked for before every try, when they change while the client lives. */
  auth: DynamicAuth | undefined;
  /** Tells the client's redactor about secrets learnt at run time (a fresh access token). */
  learnSecrets: (secrets: readonly string[]) => void;
  emit: (event: ClientEvent) => void;
  /** Keeps the client's tries within the provider's rate limit, and the last figures it sent. */
  rateLimit: RateLimitGate;
  clock: TransportClock;
}

/** One call: what it is, its policy, and (filled in as it goes) how many tries it sent and the last status. */
export interface CallState extends FailedCall {
  fetch: FetchLike;
  retry: Readonly<RetryPolicy> | false;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  startedAt: number;
  attempts: number;
  lastStatus: number | undefined;
}

// Statuses worth sending a read again for: the request timed out, was refused for rate, or the server failed.
const RETRY_READ_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
// Statuses that cannot carry a body, which `new Response` refuses one for.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

type Attempt =
  | { kind: "answer"; response: Response; bytes: ArrayBuffer; durationMs: number }
  | { kind: "network"; error: unknown }
  | { kind: "timeout" }
  | { kind: "aborted" };

/**
 * The fetch a call gives openapi-fetch: below the middleware chain (as openapi-fetch advises for retries), it waits
 * for a free slot and the rate-limit window, sends each try with its own timeout, reads the whole answer inside that
 * timeout, records rate-limit headers, and retries reads (and any 429) with backoff. It throws {@link CertkitError}
 * for every failure without an answer; answers with an error status are returned for the client to describe.
 */
export function createCallFetch(config: TransportConfig, call: CallState): FetchLike {
  const { clock } = config;
  return async (request) => {
    // Read once, so that every try (a 429 may repeat a write) sends the same bytes.
    const body = request.body === null ? undefined : await request.arrayBuffer();
    for (;;) {
      await waitForTurn(config, call);
      let attempt: Attempt;
      let observed: RateLimitState | undefined;
      try {
        const outgoing = new Request(request, { body });
        await authorize(config, call, outgoing);
        call.attempts++;
        config.emit({ type: "request", ...event(config, call), url: config.redact(request.url), attempt: call.attempts });
        attempt = await sendOnce(config, call, outgoing);
        if (attempt.kind === "answer") observed = readRateLimit(attempt.response.headers, clock.now());
      } finally {
        config.rateLimit.leave(observed);
        config.limiter.release();
      }

      if (attempt.kind === "aborted") throw abortedError(call, call.signal, true);
      if (attempt.kind === "timeout") throw timeoutError(call, call.timeoutMs);
      // A custom fetch may fail with a CertkitError of its own: it is the answer, not a network failure.
      if (attempt.kind === "network" && attempt.error instanceof CertkitError) throw attempt.error;
      if (attempt.kind === "network") {
        const delay = isReadMethod(call.method) ? nextDelay(call, clock, undefined) : undefined;
        if (delay === undefined) throw networkError(call, attempt.error, call.attempts, config.redact);
        await pause(config, call, delay, "network error");
        continue;
      }

      const { response, bytes } = attempt;
      call.lastStatus = response.status;
      // The credentials may have been revoked or expired early: the next call asks for fresh ones.
      if (response.status === 401) config.auth?.invalidate?.();
      config.emit({
        type: "response",
        ...event(config, call),
        attempt: call.attempts,
        status: response.status,
        durationMs: attempt.durationMs,
      });
      if (shouldRetryStatus(call.method, response.status)) {
        const delay = nextDelay(call, clock, serverDelay(response.headers, config.rateLimit.current, clock.now()));
        if (delay !== undefined) {
          await pause(config, call, delay, `HTTP ${response.status}`);
          continue;
        }
      }
      if (call.method === "GET" && response.ok && !NULL_BODY_STATUSES.has(response.status) && bytes.byteLength === 0) {
        // A 200 to a GET carries the resource (RFC 9110 §15.3.1); an empty one is a provider fault, not "no data".
        throw unusableAnswerError(call, response.status, "with an empty body");
      }
      return rebuild(response, bytes);
    }
  };
}

function event(config: TransportConfig, call: CallState) {
  return { provider: config.provider, method: call.method, path: call.path };
}

function shouldRetryStatus(method: string, status: number): boolean {
  // A 429 is refused before it is processed, so even a write may be sent again; other statuses only for reads.
  return status === 429 || (isReadMethod(method) && RETRY_READ_STATUSES.has(status));
}

/** The wait before the next try, or `undefined` when the call must not be tried again. */
function nextDelay(call: CallState, clock: TransportClock, askedFor: number | undefined): number | undefined {
  const policy = call.retry;
  if (policy === false || call.attempts >= policy.maxAttempts) return undefined;
  if (askedFor !== undefined && askedFor > policy.maxDelayMs) return undefined;
  const delay = askedFor ?? backoffDelay(call.attempts, policy, () => clock.random());
  if (clock.now() + delay - call.startedAt > policy.maxElapsedMs) return undefined;
  return delay;
}

async function pause(config: TransportConfig, call: CallState, delayMs: number, reason: string): Promise<void> {
  config.emit({ type: "retry", ...event(config, call), attempt: call.attempts, delayMs, reason });
  try {
    await config.clock.sleep(delayMs, call.signal);
  } catch {
    throw abortedError(call, call.signal, false);
  }
}

/** Sets the dynamic credentials' headers on the try, and makes their secrets known to the redactor first. */
async function authorize(config: TransportConfig, call: CallState, request: Request): Promise<void> {
  if (!config.auth) return;
  let auth: AuthHeaders;
  try {
    auth = await config.auth.headers(call.signal);
  } catch (error) {
    if (error instanceof CertkitError) throw error;
    throw abortedError(call, call.signal, false);
  }
  config.learnSecrets(auth.secrets);
  for (const [name, value] of Object.entries(auth.headers)) request.headers.set(name, value);
}

/**
 * Takes a concurrency slot, then holds the try while the rate limit has no request left for it (up to the longest
 * wait allowed). Both are released after the try, in {@link createCallFetch}.
 */
async function waitForTurn(config: TransportConfig, call: CallState): Promise<void> {
  const longest = call.retry === false ? DEFAULT_RETRY.maxDelayMs : call.retry.maxDelayMs;
  try {
    await config.limiter.acquire(call.signal);
  } catch {
    throw abortedError(call, call.signal, false);
  }
  try {
    await config.rateLimit.enter(call.signal, longest);
  } catch {
    config.limiter.release();
    throw abortedError(call, call.signal, false);
  }
}

/**
 * Sends one try and reads its whole answer, under a timer and the caller's signal. The race means an answer that
 * never comes (or a fetch that ignores its signal) cannot hold the caller past the timeout.
 */
async function sendOnce(config: TransportConfig, call: CallState, request: Request): Promise<Attempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException("The try timed out", "TimeoutError"));
  }, call.timeoutMs);
  const forwardAbort = () => controller.abort(call.signal?.reason);
  if (call.signal?.aborted) forwardAbort();
  call.signal?.addEventListener("abort", forwardAbort, { once: true });
  const stopped = new Promise<never>((_, reject) => {
    const fail = () => reject(abortReason(controller.signal));
    if (controller.signal.aborted) fail();
    controller.signal.addEventListener("abort", fail, { once: true });
  });
  const started = config.clock.now();
  const answer = (async () => {
    const response = await call.fetch(new Request(request, { signal: controller.signal }));
    return { response, bytes: await response.arrayBuffer() };
  })();
  // Whichever of the two loses the race settles later, unobserved: keep it from becoming an unhandled rejection.
  answer.catch(() => {
    // Lost the race to the timer or the caller's abort: the call has already failed.
  });
  stopped.catch(() => {
    // Lost the race to the answer: there is nothing left to stop.
  });
  try {
    const { response, bytes } = await Promise.race([answer, stopped]);
    return { kind: "answer", response, bytes, durationMs: config.clock.now() - started };
  } catch (error) {
    if (call.signal?.aborted) return { kind: "aborted" };
    if (timedOut) return { kind: "timeout" };
    return { kind: "network", error };
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener("abort", forwardAbort);
  }
}

/** The answer again, from the bytes already read, with headers that describe those bytes. */
function rebuild(response: Response, bytes: ArrayBuffer): Response {
  const headers = new Headers(response.headers);
  // fetch has already decoded the body: these would describe the bytes on the wire, not the ones kept.
  headers.delete("content-encoding");
  headers.delete("transfer-encoding");
  const init = { status: response.status, statusText: response.statusText, headers };
  let copy: Response;
  if (NULL_BODY_STATUSES.has(response.status)) {
    copy = new Response(null, init);
  } else {
    headers.set("content-length", String(bytes.byteLength));
    copy = new Response(bytes, init);
  }
  // `new Response` cannot set these; keep them for callers who log where an answer came from.
  Object.defineProperties(copy, { url: { value: response.url }, redirected: { value: response.redirected } });
  return copy;
}
