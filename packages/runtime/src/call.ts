import type { BuiltRequest } from "./built-request.js";
import type { ClientEvent } from "./client-events.js";
import type { Clock } from "./clock.js";
import type { RateLimitState } from "./rate-limit.js";
import type { Redactor } from "./redact.js";
import type { RetryPolicy } from "./retry-policy.js";

/** A fetch implementation as openapi-fetch calls it: one `Request` in, one `Response` out. */
export type FetchLike = (request: Request) => Promise<Response>;

/** What a client's steps share between its calls. */
export interface ClientContext {
  /** The package's provider name, carried by every error: `"ionos-ssl"`. */
  readonly provider: string;
  /** Human name of the API, at the start of every message: `"IONOS SSL API"`. */
  readonly apiName: string;
  readonly clock: Clock;
  readonly redactor: Redactor;
  /** Where events go; `undefined` when nobody listens, so that none is built. */
  readonly emit: ((event: ClientEvent) => void) | undefined;
  /** The most bytes an answer may have. */
  readonly maxResponseBytes: number;
  /** How many tries may be in flight at once. */
  readonly maxConcurrency: number;
  /** What the provider last said about the rate limit (kept by the rate-limit step). */
  rateLimit: RateLimitState | undefined;
}

/**
 * One call, as every step sees it: what it is, its policy, one abort signal for all its tries, and (filled in as it
 * goes) its tries and the last status.
 */
export interface Call {
  readonly client: ClientContext;
  readonly method: string;
  /** The path template of the spec (`/v1/certificates/{id}`): it never holds ids or query values. */
  readonly path: string;
  /** How openapi-fetch will read a 2xx body (`json` by default), so that the body is read and parsed once. */
  readonly parseAs: string;
  readonly retry: Readonly<RetryPolicy> | false;
  readonly timeoutMs: number;
  /** Aborted when the caller aborts or a try times out: either ends the call. */
  readonly signal: AbortSignal;
  /** The fetch that sends each try: the call's, the client's, or the global one. */
  readonly fetch: FetchLike | undefined;
  readonly startedAt: number;
  /** Ends the call: aborts its signal, and stops what the try in flight waits for, even what ignores the signal. */
  abort(reason: unknown): void;
  /** Set while a try waits on something that may ignore the signal (a custom fetch, a body), to stop it at once. */
  stop: (() => void) | undefined;
  /** Tries sent so far. */
  attempts: number;
  /** Whether a try is on its way (a write aborted then may have reached the provider). */
  inFlight: boolean;
  /** Whether the call ended because a try ran out of time. */
  timedOut: boolean;
}

/**
 * What a step is given to send: a `Request` when middleware is there to see it, or when the call gives fetch options
 * of its own; otherwise the {@link BuiltRequest} openapi-fetch built, which a transport sends as it is. Both have the
 * `url`, `method`, `headers` (to set a header on), `body`, `clone()` and `text()` a step may need; a step that
 * replaces the request makes one of the same kind (see `queryAuthStep`).
 */
export type OutgoingRequest = Request | BuiltRequest;

/** Sends one request of a call and resolves with its answer, read whole; rejects with a `CertkitError`. */
export type Send = (request: OutgoingRequest, call: Call) => Promise<Response>;

/**
 * What sends each try at the bottom of a client's stack, reads its answer whole (refusing redirects, never more than
 * `maxResponseBytes`) and resolves with it. The default is the global `fetch`; `@certkit/runtime/undici` has one on
 * undici's Dispatcher API, for Node.
 */
export interface Transport {
  /** Sends one try; its errors are `CertkitError`s as the fetch transport's are. */
  readonly send: Send;
  /**
   * The class openapi-fetch builds each request with, when no middleware is there to see it and the call gives no
   * fetch options of its own (either gets a real `Request`). It needs only what `send` reads, and what the steps above
   * read (see {@link OutgoingRequest}): {@link BuiltRequest} is made for it. Default: the global `Request`.
   */
  readonly Request?: typeof Request | undefined;
}

/**
 * One layer of the transport: given the layer below, it returns a {@link Send} that adds one behaviour (a retry, a
 * concurrency slot, a timeout...). It is called once per client, so whatever it keeps across calls lives in it.
 */
export type Step = (next: Send, client: ClientContext) => Send;

/** What a call is, as {@link startCall} takes it: everything but what it fills in as it goes. */
export type CallInit = Pick<Call, "method" | "path" | "parseAs" | "retry" | "timeoutMs" | "fetch">;

/** A {@link Call}: a class, so that every call has the same shape and its `abort` is not a closure per call. */
class CallState implements Call {
  readonly method: string;
  readonly path: string;
  readonly parseAs: string;
  readonly retry: Readonly<RetryPolicy> | false;
  readonly timeoutMs: number;
  readonly fetch: FetchLike | undefined;
  readonly signal: AbortSignal;
  readonly startedAt: number;
  stop: (() => void) | undefined = undefined;
  attempts = 0;
  inFlight = false;
  timedOut = false;
  readonly #controller = new AbortController();

  constructor(
    readonly client: ClientContext,
    init: CallInit,
  ) {
    this.method = init.method;
    this.path = init.path;
    this.parseAs = init.parseAs;
    this.retry = init.retry;
    this.timeoutMs = init.timeoutMs;
    this.fetch = init.fetch;
    this.signal = this.#controller.signal;
    this.startedAt = client.clock.now();
  }

  abort(reason: unknown): void {
    if (this.signal.aborted) return;
    this.#controller.abort(reason);
    this.stop?.();
  }
}

/** Starts a call of `client`: its own signal, no tries yet. */
export function startCall(client: ClientContext, init: CallInit): Call {
  return new CallState(client, init);
}
