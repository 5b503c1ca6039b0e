import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Sandbox } from "@certkit/sandbox";
import type { SandboxServer } from "@certkit/sandbox/node";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FLEET_PROVIDERS, openFleet, parseFleetFile } from "../src/index.ts";
import { sandboxFleetFile, startSandboxWorld } from "./support/sandbox-world.ts";
import { sandboxPurchases } from "./support/sandbox-purchases.ts";
import { useTestDatabases } from "./support/test-database.ts";
import { WorkerProcesses } from "./support/worker-processes.ts";

const PER_PROVIDER = 6;
const KILLS = 4;

const databases = useTestDatabases();
let world: { sandbox: Sandbox; server: SandboxServer };

beforeAll(async () => {
  world = await startSandboxWorld(500);
});
afterAll(async () => {
  await world.server.close();
});

it("delivers every certificate, buying each once, while workers are killed with SIGKILL and restarted", async () => {
  const { text, out } = sandboxFleetFile(world.server.url, PER_PROVIDER);
  const fleetFile = join(out, "fleet.yaml");
  writeFileSync(
    fleetFile,
    `${text}timing: { waitInterval: 1s, maxWaitInterval: 2s, recoveryGrace: 3s, supervise: 1s, retryDelay: 1s }\n`,
  );
  const databaseUrl = await databases.fresh();
  const fleet = await openFleet({ file: parseFleetFile(text), databaseUrl });
  try {
    expect(await fleet.apply()).toBe(PER_PROVIDER * FLEET_PROVIDERS.length);
    const workers = new WorkerProcesses(2, ["--file", fleetFile], { ...process.env, DATABASE_URL: databaseUrl });
    // Kill a worker every second and a half, whatever it is doing (buying, publishing, writing files).
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await workers.killAndRestart(kill % 2);
    }
    const until = Date.now() + 200_000;
    let rows = await fleet.status();
    while (!rows.every((row) => row.state === "delivered") && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      rows = await fleet.status();
    }
    const codes = await workers.stop();
    expect(
      rows.filter((row) => row.state !== "delivered").map((row) => `${row.key} ${row.state} ${row.lastError}`),
      workers.log,
    ).toEqual([]);
    expect(await sandboxPurchases(world.server.url)).toEqual(
      Object.fromEntries(FLEET_PROVIDERS.map((provider) => [provider, PER_PROVIDER])),
    );
    // Ctrl-C (SIGINT) drains: each worker finishes what it runs and exits 0.
    expect(codes).toEqual([0, 0]);
  } finally {
    await fleet.close();
  }
}, 300_000);
