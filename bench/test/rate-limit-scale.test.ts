// CI's rate-limit check, a small copy of the benchmark's waitForStatus scenario: many orders polled at once through
// one client under maxConcurrency, against a sandbox that refuses past its limit. What is asserted does not depend
// on timing: every order issued, and not one 429.
import { describe, expect, it } from "vitest";
import { measureWait } from "../scale/measure-scale.ts";

describe("waitForStatus on many orders at once, under the sandbox's rate limit", () => {
  it("issues every order without a single 429", async () => {
    const { run } = await measureWait({
      orders: 200,
      rateLimit: { limit: 80, windowMs: 1_000 },
      firstDueMs: 500,
      lastDueMs: 1_500,
      client: { maxConcurrency: 10, intervalMs: 250, maxIntervalMs: 1_000, maxWaitMs: 60_000 },
    });
    expect(run.issued).toBe(200);
    expect(run.failures).toEqual({});
    expect(run.statuses["429"]).toBeUndefined();
    expect(run.maxInFlight).toBeLessThanOrEqual(10);
    // Two child processes and 200 orders: seconds alone, minutes on a machine whose cores another test run holds.
  }, 300_000);
});
