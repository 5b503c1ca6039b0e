import { describe, expect, it } from "vitest";
import type { NextStep, StepChange, StepContext } from "../src/jobs/step-context.ts";
import { renewStep } from "../src/jobs/steps/renew-step.ts";
import type { CertificateRow } from "../src/store/fleet-store.ts";
import { DAY_MS } from "@certkit/runtime";

const NOW = Date.parse("2026-12-01T00:00:00Z");

/** One renewal check of a delivered certificate whose stored end is `stored`, the provider's order saying `provided`. */
async function checkWith(stored: Date | null, provided: string | undefined) {
  const moves: { change: StepChange; next: NextStep | null }[] = [];
  const looks: string[] = [];
  const context = {
    connector: {
      client: () => ({
        get: (id: string) => {
          looks.push(id);
          return Promise.resolve({ id, status: "issued", ...(provided === undefined ? {} : { validUntil: provided }) });
        },
      }),
    },
    now: () => new Date(NOW),
    signal: new AbortController().signal,
    store: { startGeneration: () => Promise.resolve(2) },
    moveOn: (_row: unknown, _job: unknown, change: StepChange, next: NextStep | null) => {
      moves.push({ change, next });
      return Promise.resolve();
    },
  } as unknown as StepContext;
  const row = {
    key: "shop",
    generation: 1,
    state: "delivered",
    orderId: "o-1",
    validUntil: stored,
    spec: { provider: "resello", account: "main", renewBeforeMs: 30 * DAY_MS },
  };
  await renewStep(row as unknown as CertificateRow, { key: "shop", generation: 1, step: "renew" }, context);
  return { moves, looks };
}

describe("the renewal check", () => {
  it("asks the provider again when no end date was given, and comes back in a day while it gives none", async () => {
    const { moves, looks } = await checkWith(null, undefined);
    expect(looks).toEqual(["o-1"]);
    expect(moves).toEqual([{ change: { state: "delivered" }, next: { step: "renew", at: new Date(NOW + DAY_MS) } }]);
  });

  it("keeps the end date the provider now gives, and comes back when the renewal is due", async () => {
    const end = new Date(NOW + 90 * DAY_MS);
    const { moves } = await checkWith(null, end.toISOString());
    expect(moves).toEqual([
      { change: { state: "delivered", validUntil: end }, next: { step: "renew", at: new Date(NOW + 60 * DAY_MS) } },
    ]);
  });

  it("starts a new generation at once when the end date it learns is already within renewBefore", async () => {
    const { moves } = await checkWith(null, new Date(NOW + 10 * DAY_MS).toISOString());
    expect(moves.map((move) => move.next?.step)).toEqual(["order"]);
  });

  it("does not ask the provider when the end date is known", async () => {
    const { looks, moves } = await checkWith(new Date(NOW + 90 * DAY_MS), undefined);
    expect(looks).toEqual([]);
    expect(moves[0]!.next).toEqual({ step: "renew", at: new Date(NOW + 60 * DAY_MS) });
  });
});
