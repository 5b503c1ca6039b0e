import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { openFleet, parseFleetFile, type Fleet, type FleetFile } from "../src/index.ts";
import { PROVIDER_DOMAINS, startSandboxWorld } from "./support/sandbox-world.ts";
import { temporaryFolder } from "./support/temporary-folder.ts";
import { useTestDatabases } from "./support/test-database.ts";

const QUICK = { waitIntervalMs: 100, maxWaitIntervalMs: 500, retryDelaySeconds: 1, superviseIntervalSeconds: 2 };
const databases = useTestDatabases();
const open: Fleet[] = [];
let closeWorld: (() => Promise<void>) | undefined;
afterEach(async () => {
  for (const fleet of open.splice(0)) await fleet.close({ timeoutMs: 5_000 });
  await closeWorld?.();
});

function fleetFile(sandboxUrl: string, deliver: string): FleetFile {
  return parseFleetFile(`
accounts:
  dnsimple: { provider: dnsimple, sandbox: "${sandboxUrl}" }
defaults:
  publisher: { type: sandbox, url: "${sandboxUrl}" }
  keyType: ec-p256
certificates:
  - key: shop
    names: [shop.${PROVIDER_DOMAINS.dnsimple}]
    account: dnsimple
    deliver: ${deliver}
`);
}

/** Waits for `done`, looking every 100 ms, for at most a minute (generous: the machine may be busy). */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  for (const limit = Date.now() + 60_000; Date.now() < limit; ) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it("delivers where the file now says when its delivery changed while the old one ran", {
  timeout: 180_000,
}, async () => {
  const { server } = await startSandboxWorld(200);
  closeWorld = () => server.close();
  const signals = temporaryFolder("fleet-delivery-signals-");
  const [started, release] = [join(signals, "started"), join(signals, "release")];
  const dir = join(temporaryFolder("fleet-delivery-out-"), "shop");
  // The old delivery: a hook that says it runs, then holds until the test lets it finish.
  const hook = `{ command: ["/bin/sh", "-c", "cat >/dev/null; touch ${started}; while [ ! -e ${release} ]; do sleep 0.05; done"] }`;
  const databaseUrl = await databases.fresh();
  const worker = await openFleet({ file: fleetFile(server.url, hook), databaseUrl, timing: QUICK });
  open.push(worker);
  await worker.apply();
  await worker.work();
  await until(() => existsSync(started));
  expect(existsSync(started)).toBe(true);

  // The file is edited and applied (a `run` starting again) while the old delivery is under way.
  const editor = await openFleet({
    file: fleetFile(server.url, `{ files: { dir: "${dir}" } }`),
    databaseUrl,
    timing: QUICK,
  });
  open.push(editor);
  await editor.apply();
  writeFileSync(release, "");

  await until(async () => existsSync(join(dir, "cert.pem")) && (await worker.status())[0]?.state === "delivered");
  expect(existsSync(join(dir, "cert.pem"))).toBe(true);
  expect(await worker.status()).toMatchObject([
    { key: "shop", state: "delivered", nextStep: "renew", lastError: null },
  ]);
});
