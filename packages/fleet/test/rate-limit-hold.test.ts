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

  it("runs the step once the figures are an hour old: only a request brings new ones, so a far reset never holds for good", () => {
    const monthly = said(0, 400, 2_592_000_000);
    const heldUntil = rateLimitHold(monthly, 8, NOW)!;
    expect(rateLimitHold(monthly, 8, heldUntil)).toBeUndefined();
    expect(rateLimitHold(monthly, 8, later(MAX_RATE_LIMIT_HOLD_MS - 1))).toEqual(later(2 * MAX_RATE_LIMIT_HOLD_MS - 1));
  });

  it("never holds by figures from a clock running ahead, or by a reset that is no date", () => {
    expect(rateLimitHold({ ...said(0, 400, 600_000), observedAt: later(3_600_000) }, 8, NOW)).toBeUndefined();
    expect(rateLimitHold({ ...said(0, 400, 0), resetAt: new Date(Number.NaN) }, 8, NOW)).toBeUndefined();
  });
});

describe("newestRateLimit", () => {
  it("takes the figures observed last, this worker's or those another kept, and either when only one is known", () => {
    const own = { ...said(10, 400, 60_000), observedAt: later(-1_000) };
    const shared = { ...said(3, 400, 60_000), observedAt: later(-500) };
    expect(newestRateLimit(own, shared, NOW)).toBe(shared);
    expect(newestRateLimit(shared, own, NOW)).toBe(shared);
    expect(newestRateLimit(own, undefined, NOW)).toBe(own);
    expect(newestRateLimit(undefined, shared, NOW)).toBe(shared);
    expect(newestRateLimit(undefined, undefined, NOW)).toBeUndefined();
  });

  it("leaves out figures kept by a clock running ahead: this worker's own, fresher, count", () => {
    const own = { ...said(0, 400, 600_000), observedAt: later(-1_000) };
    const ahead = { ...said(2_000, 2_400, 3_600_000), observedAt: later(365 * 86_400_000) };
    expect(newestRateLimit(own, ahead, NOW)).toBe(own);
    expect(newestRateLimit(undefined, ahead, NOW)).toBeUndefined();
    // A minute of difference between two machines' clocks is no reason to doubt them.
    const slightlyAhead = { ...said(3, 400, 60_000), observedAt: later(30_000) };
    expect(newestRateLimit(own, slightlyAhead, NOW)).toBe(slightlyAhead);
  });
});
