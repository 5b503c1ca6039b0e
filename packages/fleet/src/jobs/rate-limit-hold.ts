import type { RateLimitState } from "@certkit/certificates";

/** The most requests one step sends (DNSimple's order: the account, its domain, the purchase, the issue). */
const REQUESTS_PER_STEP = 4;

/**
 * The longest a step is put off for a rate limit at once: a provider's reset (or `Retry-After`) further off is looked
 * at again then, so an absurd figure cannot park a certificate for a month.
 */
export const MAX_RATE_LIMIT_HOLD_MS = 3_600_000;

/**
 * Until when a step of an account waits for its provider's rate-limit window, or `undefined` to run it now. It waits
 * while the requests left (by the provider's last answer, which counts every worker's requests: the budget is the
 * account's) would not cover each job of the account that may be running at once, across every worker, sending a
 * whole step's worth; then a purchase is never followed by a refused step (DNSimple's issue after its purchase), and
 * the provider is not asked for what it would refuse. The reserve is at most a quarter of the limit, so a small
 * limit is still spent; the hold, at most {@link MAX_RATE_LIMIT_HOLD_MS}.
 */
export function rateLimitHold(state: RateLimitState | undefined, concurrency: number, now: Date): Date | undefined {
  if (state?.remaining === undefined || state.resetAt === undefined) return undefined;
  if (state.resetAt.getTime() <= now.getTime()) return undefined;
  const reserve = Math.min(concurrency * REQUESTS_PER_STEP, Math.floor((state.limit ?? Infinity) / 4));
  if (state.remaining > reserve) return undefined;
  return new Date(Math.min(state.resetAt.getTime(), now.getTime() + MAX_RATE_LIMIT_HOLD_MS));
}

/** The newer of two sets of rate-limit figures (this worker's client's, and the newest any worker kept). */
export function newestRateLimit(
  own: RateLimitState | undefined,
  shared: RateLimitState | undefined,
): RateLimitState | undefined {
  if (own === undefined || shared === undefined) return own ?? shared;
  return shared.observedAt.getTime() > own.observedAt.getTime() ? shared : own;
}
