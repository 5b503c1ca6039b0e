import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createCertificateClient } from "@certkit/certificates";
import { ionos } from "@certkit/certificates/ionos";
import type { Sandbox } from "@certkit/sandbox";
import type { SandboxServer } from "@certkit/sandbox/node";
import { afterEach, describe, expect, it } from "vitest";
import { FLEET_PROVIDERS, openFleet, type Fleet, type FleetFile, type FleetOptions } from "../src/index.ts";
import { sandboxFleetFile, startSandboxWorld } from "./support/sandbox-world.ts";
import { sandboxPurchases } from "./support/sandbox-purchases.ts";
import { useTestDatabases } from "./support/test-database.ts";

const QUICK = { waitIntervalMs: 100, maxWaitIntervalMs: 500, retryDelaySeconds: 1, superviseIntervalSeconds: 2 };

const databases = useTestDatabases();
let world: { sandbox: Sandbox; server: SandboxServer };
const open: Fleet[] = [];

afterEach(async () => {
  for (const fleet of open.splice(0)) await fleet.close({ timeoutMs: 5_000 });
  await world.server.close();
});

async function fleetFor(file: FleetFile, extra: Partial<FleetOptions> = {}): Promise<Fleet> {
  const fleet = await openFleet({ file, databaseUrl: await databases.fresh(), timing: QUICK, ...extra });
  open.push(fleet);
  return fleet;
}

/** Waits (polling the store) until every certificate is delivered or failed, or `limitMs` passes. */
async function settled(fleet: Fleet, limitMs = 200_000) {
  const until = Date.now() + limitMs;
  for (;;) {
    const rows = await fleet.status();
    if (rows.every((row) => row.state === "delivered" || row.state === "failed") || Date.now() > until) return rows;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("a fleet against the sandbox", () => {
  it("orders, validates, downloads and delivers a certificate at every provider, once each", async () => {
    world = await startSandboxWorld();
    const { file, out } = sandboxFleetFile(world.server.url, 1);
    const fleet = await fleetFor(file);
    expect(await fleet.apply()).toBe(FLEET_PROVIDERS.length);
    await fleet.work();
    const rows = await settled(fleet);
    expect(rows.map((row) => [row.key, row.state, row.lastError])).toEqual(FLEET_PROVIDERS.map((provider) => [`c0-${provider}`, "delivered", null]).sort());
    for (const row of rows) {
      expect(row.validUntil).not.toBeNull();
      expect(row.nextStep).toBe("renew");
      const dir = join(out, row.key);
      expect(statSync(join(dir, "privkey.pem")).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, "fullchain.pem")).mode & 0o777).toBe(0o644);
      const fullchain = readFileSync(join(dir, "fullchain.pem"), "utf8");
      expect(await world.sandbox.ca.verifyChain(fullchain, world.sandbox.clock.now())).toMatchObject({ ok: true, names: [row.names[0]] });
    }
    expect(await sandboxPurchases(world.server.url)).toEqual(Object.fromEntries(FLEET_PROVIDERS.map((provider) => [provider, 1])));
    // Applying the same file again sends nothing: the store already holds that desired state.
    expect(await fleet.apply()).toBe(0);
  });

  it("adopts the order a crashed purchase made instead of buying again", async () => {
    world = await startSandboxWorld();
    const { file } = sandboxFleetFile(world.server.url, 1);
    file.certificates = file.certificates.filter((certificate) => certificate.account === "ionos-ssl");
    const fleet = await fleetFor(file, { timing: { ...QUICK, recoveryGraceMs: 3_600_000 } });
    await fleet.apply();
    // A worker committed its intent and sent the purchase, then died before it learnt the order's id.
    const [spec] = file.certificates;
    await fleet.store.recordIntent({ key: spec!.key, generation: 1, attempt: 1, provider: "ionos-ssl", account: "ionos-ssl", names: spec!.names, clientReference: "lost", privateKey: null, csr: null });
    const { generateCsr } = await import("@certkit/sandbox");
    const { csr } = await generateCsr({ commonName: spec!.names[0]! });
    const ionosClient = createCertificateClient(ionos(world.server.clientOptions("ionos-ssl")));
    const bought = await ionosClient.order({ commonName: spec!.names[0]!, csr });
    await fleet.work();
    const [row] = await settled(fleet);
    expect(row).toMatchObject({ state: "failed", orderId: bought.id });
    // It adopted the order; without the key it made for the CSR it cannot deliver, and says so. It bought nothing.
    expect(row!.lastError).toMatch(/no private key/);
    expect((await sandboxPurchases(world.server.url))["ionos-ssl"]).toBe(1);
  });
});
