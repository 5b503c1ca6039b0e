import type { RateLimitState } from "@certkit/certificates";
import { describe, expect, it } from "vitest";
import { MAX_RATE_LIMIT_HOLD_MS, newestRateLimit, rateLimitHold } from "../src/jobs/rate-limit-hold.ts";

const NOW = new Date("2026-12-01T00:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);
const said = (
  remaining: number | undefined,
  limit: number | undefined,
  resetInMs: number | undefined,
): RateLimitState => ({
  limit,
  remaining,
  resetAt: resetInMs === undefined ? undefined : later(resetInMs),
  observedAt: NOW,
});

describe("rateLimitHold", () => {
  it("runs a step while the requests left cover every job of the account sending a whole step, else holds it until the reset", () => {
    // 8 jobs at once, 4 requests a step at most: 32 kept in reserve.
    expect(rateLimitHold(said(33, 400, 60_000), 8, NOW)).toBeUndefined();
    expect(rateLimitHold(said(32, 400, 60_000), 8, NOW)).toEqual(later(60_000));
    expect(rateLimitHold(said(0, 400, 60_000), 8, NOW)).toEqual(later(60_000));
  });

  it("keeps at most a quarter of a small limit in reserve, so it is still spent", () => {
    expect(rateLimitHold(said(6, 20, 60_000), 8, NOW)).toBeUndefined();
    expect(rateLimitHold(said(5, 20, 60_000), 8, NOW)).toEqual(later(60_000));
  });

  it("runs the step once the window said has reset, and when the provider gave no count or no reset", () => {
    expect(rateLimitHold(said(0, 400, 0), 8, NOW)).toBeUndefined();
    expect(rateLimitHold(said(0, 400, -5_000), 8, NOW)).toBeUndefined();
    expect(rateLimitHold(said(0, 400, undefined), 8, NOW)).toBeUndefined();
    expect(rateLimitHold(said(undefined, 400, 60_000), 8, NOW)).toBeUndefined();
    expect(rateLimitHold(undefined, 8, NOW)).toBeUndefined();
  });

  it("holds an hour at most, whatever reset a provider names (30 days here)", () => {
    expect(rateLimitHold(said(0, 400, 2_592_000_000), 8, NOW)).toEqual(later(MAX_RATE_LIMIT_HOLD_MS));
  });
});

describe("newestRateLimit", () => {
  it("takes the figures observed last, this worker's or those another kept, and either when only one is known", () => {
    const own = { ...said(10, 400, 60_000), observedAt: later(-1_000) };
    const shared = { ...said(3, 400, 60_000), observedAt: later(-500) };
    expect(newestRateLimit(own, shared)).toBe(shared);
    expect(newestRateLimit(shared, own)).toBe(shared);
    expect(newestRateLimit(own, undefined)).toBe(own);
    expect(newestRateLimit(undefined, shared)).toBe(shared);
    expect(newestRateLimit(undefined, undefined)).toBeUndefined();
  });
});
