import { describe, expect, it } from "vitest";
import type { StepJob } from "../src/jobs/fleet-queues.ts";
import type { NextStep, StepContext } from "../src/jobs/step-context.ts";
import { waitStep } from "../src/jobs/steps/wait-step.ts";
import type { CertificateRow } from "../src/store/fleet-store.ts";

/** One look at an order in `status`, with the job's `waits` as given: the next step it asks for, or its refusal. */
async function lookWith(waits: unknown, status = "processing") {
  const next: NextStep[] = [];
  const context = {
    connector: {
      client: () => ({ finishOrder: () => Promise.resolve({ id: "o-1", status, providerStatus: status }) }),
    },
    timing: { waitIntervalMs: 30_000, maxWaitIntervalMs: 600_000 },
    signal: new AbortController().signal,
    moveOn: (_row: unknown, _job: unknown, _change: unknown, step: NextStep | null) => {
      if (step) next.push(step);
      return Promise.resolve();
    },
  } as unknown as StepContext;
  const row = { key: "shop", generation: 1, orderId: "o-1", spec: { provider: "resello", account: "main" } };
  const job = { key: "shop", generation: 1, step: "wait", waits } as StepJob;
  await waitStep(row as unknown as CertificateRow, job, context);
  return next[0]!;
}

describe("the wait step", () => {
  it("counts one more look, pausing half as long again each time up to the longest", async () => {
    expect(await lookWith(undefined)).toMatchObject({ step: "wait", waits: 1 });
    const third = await lookWith(2);
    expect(third.waits).toBe(3);
    expect(third.at!.getTime() - Date.now()).toBeGreaterThan(30_000 * 1.5 ** 2 - 1_000);
    expect((await lookWith(200)).at!.getTime() - Date.now()).toBeLessThanOrEqual(600_000);
  });

  it("reads a count no fleet writes (a fraction, text, negative, past the store's integer) as none or the cap", async () => {
    for (const waits of [2.5, "5", -3, Number.NaN, null]) expect((await lookWith(waits)).waits, String(waits)).toBe(1);
    expect((await lookWith(2_147_483_647)).waits).toBe(1_000_001);
  });

  it("gives up on an order still pending after 30 looks, counted across the jobs that carried them", async () => {
    expect(await lookWith(29, "pending")).toMatchObject({ waits: 30 });
    await expect(lookWith(30, "pending")).rejects.toThrow(/still pending \(pending\) after 30 looks/);
  });
});
