import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSandbox } from "@certkit/sandbox";
import { serveHandlers } from "@certkit/sandbox/node";
import { expect, it } from "vitest";
import { openFleet, parseFleetFile, type FleetProvider } from "../src/index.ts";
import { quickSandboxOptions, sandboxFleetFile } from "./support/sandbox-world.ts";
import { sandboxPurchases } from "./support/sandbox-purchases.ts";
import { useTestDatabases } from "./support/test-database.ts";
import { WorkerProcesses } from "./support/worker-processes.ts";

// A worker dies after committing its intent and after the provider has received (and made) the purchase, before the
// answer reaches it: the next worker finds the order with the recovery stored with the intent (Resello by its
// client key; IONOS and SSLmarket, which keep none, by names) and adopts it. The grace period is an hour, so only
// finding the order can move the certificate on: buying again would show in the sandbox's count.

const databases = useTestDatabases();

/** Each provider's purchase request (one request places the whole order, so an adopted order can be finished). */
const PURCHASES = {
  resello: /\/ssl-certificate$/,
  "ionos-ssl": /\/v1\/certificates$/,
  sslmarket: /\/order\/certificate\/[^/]+$/,
} satisfies Partial<Record<FleetProvider, RegExp>>;
const PROVIDERS = Object.keys(PURCHASES) as (keyof typeof PURCHASES)[];

it("adopts, after a SIGKILL, the order whose purchase reached the provider, and buys nothing twice", async () => {
  const sandbox = await createSandbox(quickSandboxOptions(200));
  const received = new Set<string>();
  let allReceived: () => void = () => undefined;
  const purchasesReceived = new Promise<void>((resolve) => (allReceived = resolve));
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  // The provider makes the purchase; its answer waits until the worker that sent it is dead.
  const server = await serveHandlers((origin) => sandbox.handlers(origin), {
    async filter(request, next) {
      const answer = await next(request);
      const purchase = PROVIDERS.find((provider) => PURCHASES[provider].test(new URL(request.url).pathname));
      if (request.method !== "POST" || purchase === undefined) return answer;
      received.add(purchase);
      if (received.size === PROVIDERS.length) allReceived();
      await released;
      return answer;
    },
  });
  const { text, out } = sandboxFleetFile(server.url, 1, "lost", PROVIDERS);
  const timed = `${text}timing: { waitInterval: 1s, maxWaitInterval: 2s, recoveryGrace: 1h, supervise: 1s, retryDelay: 1s }\n`;
  const fleetFile = join(out, "fleet.yaml");
  writeFileSync(fleetFile, timed);
  const databaseUrl = await databases.fresh();
  const fleet = await openFleet({ file: parseFleetFile(timed), databaseUrl });
  const workers = new WorkerProcesses(1, ["--file", fleetFile], { ...process.env, DATABASE_URL: databaseUrl });
  try {
    expect(await fleet.apply()).toBe(PROVIDERS.length);
    await purchasesReceived;
    await workers.killAndRestart(0);
    release();
    let rows = await fleet.status();
    for (const until = Date.now() + 200_000; !rows.every((row) => row.state === "delivered") && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      rows = await fleet.status();
    }
    expect(rows.map((row) => `${row.key} ${row.state} ${row.lastError ?? ""}`.trim()).sort(), workers.log).toEqual(
      PROVIDERS.map((provider) => `lost0-${provider} delivered`).sort(),
    );
    expect(await sandboxPurchases(server.url)).toMatchObject(
      Object.fromEntries(PROVIDERS.map((provider) => [provider, 1])),
    );
    for (const provider of PROVIDERS) {
      // One attempt, the one the dead worker made: adopted, not bought again.
      const purchase = await fleet.store.lastPurchase(`lost0-${provider}`, 1);
      expect(purchase).toMatchObject({ attempt: 1, state: "confirmed" });
      if (provider === "resello") expect(purchase!.recovery!.clientReference).toMatch(/^certkit-/);
      else expect(purchase!.recovery!.clientReference).toBeUndefined();
    }
  } finally {
    release();
    await workers.stop();
    await fleet.close();
    await server.close();
  }
});
