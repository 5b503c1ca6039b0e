/** What the provider last said about the client's rate limit. Fields it did not send are `undefined`. */
export interface RateLimitState {
  /** Requests allowed in the current window. */
  readonly limit: number | undefined;
  /** Requests left in the current window (always there: an answer without it is not kept). */
  readonly remaining: number | undefined;
  /** When the window resets. */
  readonly resetAt: Date | undefined;
  /** When the answer carrying these figures arrived. */
  readonly observedAt: Date;
}

// Below this, an `X-RateLimit-Reset` value is a number of seconds from now rather than a Unix time (2001-09-09).
const UNIX_TIME_THRESHOLD = 1_000_000_000;

function readCount(headers: Headers, names: readonly string[]): number | undefined {
  for (const name of names) {
    const value = headers.get(name)?.trim();
    if (value && /^\d+$/.test(value)) return Number(value);
  }
  return undefined;
}

/**
 * Reads rate-limit headers: `X-RateLimit-Limit/Remaining/Reset` (reset in Unix seconds, as DNSimple sends it; small
 * values are read as seconds from now) or the IETF `RateLimit-Limit/Remaining/Reset` (reset in seconds from now).
 * Returns `undefined` when the answer does not say how many requests are left.
 */
export function readRateLimit(headers: Headers, now: number): RateLimitState | undefined {
  // What is left decides everything the client does with the figures; an answer without it (most, from most
  // providers) costs two look-ups.
  const remaining = readCount(headers, ["x-ratelimit-remaining", "ratelimit-remaining"]);
  if (remaining === undefined) return undefined;
  const limit = readCount(headers, ["x-ratelimit-limit", "ratelimit-limit"]);
  let resetAt: Date | undefined;
  const legacyReset = readCount(headers, ["x-ratelimit-reset"]);
  const draftReset = legacyReset === undefined ? readCount(headers, ["ratelimit-reset"]) : undefined;
  if (legacyReset !== undefined) {
    resetAt = new Date(legacyReset >= UNIX_TIME_THRESHOLD ? legacyReset * 1000 : now + legacyReset * 1000);
  } else if (draftReset !== undefined) {
    resetAt = new Date(now + draftReset * 1000);
  }
  return Object.freeze({ limit, remaining, resetAt, observedAt: new Date(now) });
}

/** How long to hold a request so it does not spend a request the provider said is not left: 0 when it may go now. */
export function rateLimitWait(state: RateLimitState | undefined, now: number): number {
  if (state?.remaining !== 0 || state.resetAt === undefined) return 0;
  return Math.max(0, state.resetAt.getTime() - now);
}
