import { readFileSync } from "node:fs";
import { join } from "node:path";
import { providerNamed } from "@certkit/certificates/providers";
import { SandboxClock, type Sandbox } from "@certkit/sandbox";
import type { SandboxServer } from "@certkit/sandbox/node";
import { afterEach, expect, it } from "vitest";
import { FLEET_PROVIDERS, openFleet, type Fleet, type FleetFile, type FleetOptions } from "../src/index.ts";
import { sandboxFleetFile, startSandboxWorld } from "./support/sandbox-world.ts";
import { sandboxPurchases } from "./support/sandbox-purchases.ts";
import { useTestDatabases } from "./support/test-database.ts";
import { DAY_MS } from "@certkit/runtime";

const QUICK = { waitIntervalMs: 100, maxWaitIntervalMs: 500, retryDelaySeconds: 1, superviseIntervalSeconds: 2 };

const databases = useTestDatabases();
let world: { sandbox: Sandbox; server: SandboxServer };
const open: Fleet[] = [];

afterEach(async () => {
  for (const fleet of open.splice(0)) await fleet.close({ timeoutMs: 5_000 });
  await world.server.close();
});

async function fleetFor(file: FleetFile, databaseUrl: string, extra: Partial<FleetOptions> = {}): Promise<Fleet> {
  const fleet = await openFleet({ file, databaseUrl, timing: QUICK, ...extra });
  open.push(fleet);
  return fleet;
}

async function until(fleet: Fleet, done: (rows: Awaited<ReturnType<Fleet["status"]>>) => boolean) {
  const limit = Date.now() + 200_000;
  for (;;) {
    const rows = await fleet.status();
    if (done(rows) || Date.now() > limit) return rows;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it("renews a certificate once it is within renewBefore of its end: a new order, a fresh key, delivered again", async () => {
  // The sandbox's clock follows the system's until moved on; the fleet reads the same time.
  const clock = new SandboxClock();
  world = await startSandboxWorld(200, clock);
  const { file, out } = sandboxFleetFile(world.server.url, 1);
  file.certificates = file.certificates.filter((certificate) => certificate.account === "resello");
  const fleet = await fleetFor(file, await databases.fresh(), { now: () => clock.now() });
  await fleet.apply();
  await fleet.work();
  const [first] = await until(fleet, (rows) => rows[0]?.state === "delivered");
  const key = join(out, first!.key, "privkey.pem");
  const firstKey = readFileSync(key, "utf8");
  expect(first).toMatchObject({ generation: 1, nextStep: "renew" });
  // Not due yet: the sweep finds nothing overdue.
  expect(await fleet.sweep()).toBe(0);
  clock.advance(Date.parse(first!.validUntil!) - 29 * DAY_MS - clock.now().getTime());
  expect(await fleet.sweep()).toBe(1);
  const [renewed] = await until(fleet, (rows) => rows[0]?.generation === 2 && rows[0].state === "delivered");
  expect(renewed).toMatchObject({ generation: 2, state: "delivered", lastError: null });
  expect(renewed!.orderId).not.toBe(first!.orderId);
  expect(readFileSync(key, "utf8")).not.toBe(firstKey);
  expect((await sandboxPurchases(world.server.url)).resello).toBe(2);
});

it("rebuilds a lost store from the providers: adopts what it can deliver, orders again only what it cannot", async () => {
  world = await startSandboxWorld();
  const { file } = sandboxFleetFile(world.server.url, 1);
  const first = await fleetFor(file, await databases.fresh());
  await first.apply();
  await first.work();
  await until(first, (rows) => rows.every((row) => row.state === "delivered"));
  await first.close();
  open.splice(open.indexOf(first), 1);

  // The store is gone: a new, empty database with the same fleet file.
  const rebuilt = await fleetFor(file, await databases.fresh());
  await rebuilt.apply();
  const report = await rebuilt.resync();
  // A provider that makes the key and hands it out (DNSimple) has its order adopted. The others' keys were in the
  // lost store: they are ordered again.
  const adoptable = FLEET_PROVIDERS.filter((provider) => providerNamed(provider).capabilities.csr === "none");
  expect(adoptable).toContain("dnsimple");
  expect(report).toMatchObject({
    certificates: FLEET_PROVIDERS.length,
    adopted: adoptable.length,
    reordered: 0,
    failures: [],
  });
  expect(report.unmanaged).toHaveLength(FLEET_PROVIDERS.length - adoptable.length);
  await rebuilt.work();
  const rows = await until(rebuilt, (all) => all.every((row) => row.state === "delivered" || row.state === "failed"));
  // DNSimple v1 sells one certificate per name (a second is refused with 406): that one fails, saying why.
  expect(rows.map((row) => [row.key, row.state])).toEqual(
    rows.map((row) => [row.key, row.key === "c0-dnsimple-v1" ? "failed" : "delivered"]),
  );
  expect(rows.find((row) => row.key === "c0-dnsimple-v1")!.lastError).toMatch(
    /406 Not Acceptable: Certificate c0-dnsimple-v1\.example\.org already exists/,
  );
  // One purchase where the order was adopted or the new one refused; two where it was ordered again.
  const failed = new Set(rows.filter((row) => row.state === "failed").map((row) => row.provider));
  expect(await sandboxPurchases(world.server.url)).toEqual(
    Object.fromEntries(
      FLEET_PROVIDERS.map((provider) => [provider, adoptable.includes(provider) || failed.has(provider) ? 1 : 2]),
    ),
  );
  // The next apply (each `run` starts with one) tries the failed certificate afresh, as a new generation.
  expect(await rebuilt.apply()).toBe(1);
  expect((await rebuilt.status()).find((row) => row.key === "c0-dnsimple-v1")).toMatchObject({
    state: "ordering",
    generation: 2,
    lastError: null,
  });
});

it("renews at once a certificate that resync adopted within renewBefore of its end, and buys once", async () => {
  const clock = new SandboxClock();
  world = await startSandboxWorld(200, clock);
  const { file } = sandboxFleetFile(world.server.url, 1);
  // DNSimple makes the key and hands it out, so its order is adopted by a rebuilt store.
  file.certificates = file.certificates.filter((certificate) => certificate.account === "dnsimple");
  const first = await fleetFor(file, await databases.fresh(), { now: () => clock.now() });
  await first.apply();
  await first.work();
  const [delivered] = await until(first, (rows) => rows[0]?.state === "delivered");
  await first.close();
  open.splice(open.indexOf(first), 1);

  // 20 days before its end, inside the default renewBefore of 30 days, the store is lost.
  clock.advance(Date.parse(delivered!.validUntil!) - 20 * DAY_MS - clock.now().getTime());
  const rebuilt = await fleetFor(file, await databases.fresh(), { now: () => clock.now() });
  await rebuilt.apply();
  expect(await rebuilt.resync()).toMatchObject({ adopted: 1, reordered: 0 });
  await rebuilt.work();
  const [renewed] = await until(rebuilt, (rows) => rows[0]?.generation === 2 && rows[0].state === "delivered");
  expect(renewed).toMatchObject({ generation: 2, state: "delivered", nextStep: "renew", lastError: null });
  expect(renewed!.orderId).not.toBe(delivered!.orderId);
  expect(Date.parse(renewed!.validUntil!)).toBeGreaterThan(Date.parse(delivered!.validUntil!));
  expect((await sandboxPurchases(world.server.url)).dnsimple).toBe(2);
});
