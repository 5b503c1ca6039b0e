import { MAX_TIMER_MS } from "./clock.js";
import { invalidOption as invalid } from "./options.js";
import { rateLimitWait, type RateLimitState } from "./rate-limit.js";

/**
 * How a client repeats a failed read: bounded attempts, exponential backoff with full jitter, and a bound on the
 * time a call may spend on retries. Every field is optional; unset fields keep their defaults (`DEFAULT_RETRY`,
 * exported by `@certkit/runtime`).
 */
export interface RetryOptions {
  /** Tries in all, the first one included. Default 3. */
  maxAttempts?: number;
  /** The backoff cap before the second try; it doubles for each try after that. Default 500 ms. */
  baseDelayMs?: number;
  /**
   * The longest single wait, whether backoff or asked for by the provider (`Retry-After`, `X-RateLimit-Reset`).
   * When the provider asks for a longer wait the call is not retried: its error says how long (`retryAfterMs`).
   * Default 30 s.
   */
  maxDelayMs?: number;
  /** No retry starts whose wait would end later than this after the call began. Default 60 s. */
  maxElapsedMs?: number;
}

/** A {@link RetryOptions} with every field set. */
export type RetryPolicy = Required<RetryOptions>;

/** The retry policy of a client that is given no `retry` option. */
export const DEFAULT_RETRY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxElapsedMs: 60_000,
});

/** The per-try timeout of a client that is given no `timeoutMs` option. */
export const DEFAULT_TIMEOUT_MS = 30_000;

function checkDuration(provider: string, option: string, value: unknown, min: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > MAX_TIMER_MS) {
    throw invalid(provider, `option "${option}" must be a number of milliseconds from ${min} to ${MAX_TIMER_MS}`);
  }
  return value;
}

/**
 * Merges `options` over `base` and checks the result: `false` turns retries off, `undefined` keeps `base`.
 * @throws CertkitError `INVALID_INPUT` naming the option, before any request is sent.
 */
export function resolveRetryPolicy(
  provider: string,
  base: Readonly<RetryPolicy> | false,
  options: RetryOptions | false | undefined,
): Readonly<RetryPolicy> | false {
  if (options === undefined) return base;
  if (options === false) return false;
  if (typeof options !== "object" || options === null) {
    throw invalid(provider, `option "retry" must be an object of retry settings or false`);
  }
  const merged = { ...(base || DEFAULT_RETRY), ...definedFields(options) };
  if (!Number.isInteger(merged.maxAttempts) || merged.maxAttempts < 1 || merged.maxAttempts > 100) {
    throw invalid(provider, `option "retry.maxAttempts" must be a whole number from 1 to 100`);
  }
  checkDuration(provider, "retry.baseDelayMs", merged.baseDelayMs, 0);
  checkDuration(provider, "retry.maxDelayMs", merged.maxDelayMs, 0);
  checkDuration(provider, "retry.maxElapsedMs", merged.maxElapsedMs, 0);
  return Object.freeze(merged);
}

/**
 * Checks a `timeoutMs` option (the limit on each try, from sending the request to the last byte of the answer).
 * @throws CertkitError `INVALID_INPUT`.
 */
export function checkTimeout(provider: string, value: unknown): number {
  return checkDuration(provider, "timeoutMs", value, 1);
}

function definedFields(options: RetryOptions): RetryOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/**
 * The wait before try `attempt + 1`: "full jitter" (a uniform draw between 0 and the exponential cap), which
 * spreads clients that failed together instead of making them retry in step.
 */
export function backoffDelay(attempt: number, policy: Readonly<RetryPolicy>, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * cap);
}

/** The wait a `Retry-After` header asks for, in ms (delay-seconds or an HTTP-date), or `undefined` if absent or invalid. */
export function readRetryAfter(headers: Headers, now: number): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait the provider asked for: `Retry-After`, or else the rate-limit reset when it said no request is left. */
export function serverDelay(headers: Headers, rateLimit: RateLimitState | undefined, now: number): number | undefined {
  const retryAfter = readRetryAfter(headers, now);
  if (retryAfter !== undefined) return retryAfter;
  const reset = rateLimitWait(rateLimit, now);
  return reset > 0 ? reset : undefined;
}
