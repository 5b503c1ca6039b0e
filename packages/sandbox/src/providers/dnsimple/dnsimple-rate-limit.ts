/** A request budget: `limit` requests per window of `windowMs`. */
export interface DnsimpleRateLimitOptions {
  limit: number;
  windowMs: number;
}

/** DNSimple's documented budget: 2400 requests per hour. */
export const DEFAULT_DNSIMPLE_RATE_LIMIT: Readonly<DnsimpleRateLimitOptions> = { limit: 2400, windowMs: 3_600_000 };

/** What the rate limiter decided for one request, with the headers every answer carries. */
export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/**
 * DNSimple's hourly request budget, counted in sandbox time: a fixed window that opens at the first request after the
 * previous one closed. Every request counts, answered or refused, so the figures match what a client sees.
 */
export class DnsimpleRateLimit {
  readonly #options: DnsimpleRateLimitOptions;
  #windowStart: number | undefined;
  #used = 0;

  constructor(options: DnsimpleRateLimitOptions) {
    const { limit, windowMs } = options;
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`rateLimit.limit must be an integer ≥ 1, got ${limit}`);
    if (!Number.isFinite(windowMs) || windowMs <= 0)
      throw new RangeError(`rateLimit.windowMs must be a number > 0, got ${windowMs}`);
    this.#options = { limit, windowMs };
  }

  /** Counts one request made at `now`. */
  take(now: Date): RateLimitDecision {
    const at = now.getTime();
    if (this.#windowStart === undefined || at >= this.#windowStart + this.#options.windowMs) {
      this.#windowStart = at;
      this.#used = 0;
    }
    this.#used += 1;
    const { limit, windowMs } = this.#options;
    return {
      allowed: this.#used <= limit,
      headers: {
        "X-RateLimit-Limit": String(limit),
        "X-RateLimit-Remaining": String(Math.max(0, limit - this.#used)),
        "X-RateLimit-Reset": String(Math.ceil((this.#windowStart + windowMs) / 1000)),
      },
    };
  }

  /** Opens a fresh window at the next request. */
  clear(): void {
    this.#windowStart = undefined;
    this.#used = 0;
  }
}
