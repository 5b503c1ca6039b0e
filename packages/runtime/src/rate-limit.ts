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
// Above this, a count is no figure a provider means (and would not fit a 32-bit column of whoever keeps it).
const MAX_COUNT = 2_147_483_647;
// A reset further off than this (a Unix time in milliseconds read as seconds is 50,000 years away) is not a window.
const MAX_RESET_AHEAD_MS = 366 * 24 * 3_600_000;

/** The first of `names` holding a whole number no larger than `max`. */
function readCount(headers: Headers, names: readonly string[], max = MAX_COUNT): number | undefined {
  for (const name of names) {
    const value = headers.get(name)?.trim();
    if (value && /^\d{1,16}$/.test(value) && Number(value) <= max) return Number(value);
  }
  return undefined;
}

/** The reset as a date, or `undefined` when it is not within {@link MAX_RESET_AHEAD_MS} of `now`. */
function resetDate(at: number, now: number): Date | undefined {
  return at - now <= MAX_RESET_AHEAD_MS ? new Date(at) : undefined;
}

/**
 * Reads rate-limit headers: `X-RateLimit-Limit/Remaining/Reset` (reset in Unix seconds, as DNSimple sends it; small
 * values are read as seconds from now) or the IETF `RateLimit-Limit/Remaining/Reset` (reset in seconds from now).
 * Returns `undefined` when the answer does not say how many requests are left. Absurd figures are read as not said:
 * a count over 2^31 − 1, a reset more than a year away.
 */
export function readRateLimit(headers: Headers, now: number): RateLimitState | undefined {
  // What is left decides everything the client does with the figures; an answer without it (most, from most
  // providers) costs two look-ups.
  const remaining = readCount(headers, ["x-ratelimit-remaining", "ratelimit-remaining"]);
  if (remaining === undefined) return undefined;
  const limit = readCount(headers, ["x-ratelimit-limit", "ratelimit-limit"]);
  let resetAt: Date | undefined;
  // A reset is a time, not a count: a Unix time passes 2^31 - 1 in 2038. How far off it may be is checked below.
  const legacyReset = readCount(headers, ["x-ratelimit-reset"], Number.MAX_SAFE_INTEGER);
  const draftReset =
    legacyReset === undefined ? readCount(headers, ["ratelimit-reset"], Number.MAX_SAFE_INTEGER) : undefined;
  if (legacyReset !== undefined) {
    resetAt = resetDate(legacyReset >= UNIX_TIME_THRESHOLD ? legacyReset * 1000 : now + legacyReset * 1000, now);
  } else if (draftReset !== undefined) {
    resetAt = resetDate(now + draftReset * 1000, now);
  }
  return Object.freeze({ limit, remaining, resetAt, observedAt: new Date(now) });
}

/** How long to hold a request so it does not spend a request the provider said is not left: 0 when it may go now. */
export function rateLimitWait(state: RateLimitState | undefined, now: number): number {
  if (state?.remaining !== 0 || state.resetAt === undefined) return 0;
  return Math.max(0, state.resetAt.getTime() - now);
}
