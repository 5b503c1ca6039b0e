import type { RateLimitState } from "@certkit/certificates";

/** The most requests one step sends (DNSimple's order: the account, its domain, the purchase, the issue). */
const REQUESTS_PER_STEP = 4;

/**
 * The longest a step is put off for a rate limit at once: a provider's reset (or `Retry-After`) further off is looked
 * at again then, so an absurd figure cannot park a certificate for a month.
 */
export const MAX_RATE_LIMIT_HOLD_MS = 3_600_000;

/** How far ahead of this worker's clock another's may run before the figures it kept are not believed. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Whether figures say something about now: seen within the longest hold (older ones are stale, and since only a
 * request brings new ones, holding by them would hold for good) and not from a clock running ahead (those would
 * never grow old).
 */
function isCurrent(state: RateLimitState, now: Date): boolean {
  const observed = state.observedAt.getTime();
  return observed > now.getTime() - MAX_RATE_LIMIT_HOLD_MS && observed <= now.getTime() + CLOCK_SKEW_MS;
}

/**
 * Until when a step of an account waits for its provider's rate-limit window, or `undefined` to run it now. It waits
 * while the requests left (by the provider's last answer, which counts every worker's requests: the budget is the
 * account's) would not cover each job of the account that may be running at once, across every worker, sending a
 * whole step's worth; then a purchase is never followed by a refused step (DNSimple's issue after its purchase), and
 * the provider is not asked for what it would refuse. The reserve is at most a quarter of the limit, so a small
 * limit is still spent; the hold, at most {@link MAX_RATE_LIMIT_HOLD_MS}, after which the figures are stale and the
 * step goes, to learn new ones (a reset a month away costs one request an hour per job, not a month's wait).
 */
export function rateLimitHold(state: RateLimitState | undefined, concurrency: number, now: Date): Date | undefined {
  if (state?.remaining === undefined || state.resetAt === undefined || !isCurrent(state, now)) return undefined;
  const reset = state.resetAt.getTime();
  if (!(reset > now.getTime())) return undefined;
  const reserve = Math.min(concurrency * REQUESTS_PER_STEP, Math.floor((state.limit ?? Infinity) / 4));
  if (state.remaining > reserve) return undefined;
  return new Date(Math.min(reset, now.getTime() + MAX_RATE_LIMIT_HOLD_MS));
}

/**
 * The newer of two sets of rate-limit figures (this worker's client's, and the newest any worker kept), leaving out
 * figures from a clock running ahead of `now`.
 */
export function newestRateLimit(
  own: RateLimitState | undefined,
  shared: RateLimitState | undefined,
  now: Date,
): RateLimitState | undefined {
  const mine = own !== undefined && isCurrent(own, now) ? own : undefined;
  const theirs = shared !== undefined && isCurrent(shared, now) ? shared : undefined;
  if (mine === undefined || theirs === undefined) return mine ?? theirs;
  return theirs.observedAt.getTime() > mine.observedAt.getTime() ? theirs : mine;
}
