import pg from "pg";
import { afterEach, expect, it } from "vitest";
import { FleetStore } from "../src/store/fleet-store.ts";
import { migrateStore } from "../src/store/migrations.ts";
import { useTestDatabases } from "./support/test-database.ts";

// The rate-limit figures every worker shares are kept as they fit the table, and a clock running ahead cannot keep
// its figures there for good.

const databases = useTestDatabases();
let pool: pg.Pool | undefined;
afterEach(async () => {
  await pool?.end();
  pool = undefined;
});

async function freshStore(): Promise<FleetStore> {
  pool = new pg.Pool({ connectionString: await databases.fresh() });
  await migrateStore(pool, "fleet");
  return new FleetStore(pool, "fleet");
}

const NOW = new Date("2026-12-01T00:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

it("keeps absurd counts within the column's range and an invalid reset as none, instead of failing", async () => {
  const store = await freshStore();
  await store.noteRateLimit(
    "dnsimple",
    { limit: 3_000_000_000, remaining: -5, resetAt: new Date(Number.NaN), observedAt: NOW },
    NOW,
  );
  expect(await store.rateLimit("dnsimple")).toEqual({
    limit: 2_147_483_647,
    remaining: 0,
    resetAt: undefined,
    observedAt: NOW,
  });
});

it("keeps figures no later than the writer's own time, and replaces figures kept from a clock running ahead", async () => {
  const store = await freshStore();
  const fromTheFuture = {
    limit: 2_400,
    remaining: 2_000,
    resetAt: later(3_600_000),
    observedAt: later(31_536_000_000),
  };
  // This worker's clock is right: what it writes is dated now at the latest.
  await store.noteRateLimit("dnsimple", fromTheFuture, NOW);
  expect((await store.rateLimit("dnsimple"))?.observedAt).toEqual(NOW);

  // A worker whose clock ran a year ahead kept its figures; the next worker with a right clock replaces them.
  const ahead = later(31_536_000_000);
  await store.noteRateLimit("dnsimple", fromTheFuture, ahead);
  expect((await store.rateLimit("dnsimple"))?.observedAt).toEqual(ahead);
  const spent = { limit: 2_400, remaining: 0, resetAt: later(600_000), observedAt: later(5_000) };
  await store.noteRateLimit("dnsimple", spent, later(5_000));
  expect(await store.rateLimit("dnsimple")).toEqual(spent);

  // Older figures still never replace newer ones.
  await store.noteRateLimit("dnsimple", { ...spent, remaining: 50, observedAt: later(1_000) }, later(6_000));
  expect(await store.rateLimit("dnsimple")).toEqual(spent);
});
