// One fleet scenario: N certificates over every provider of a sandbox in its own process, W worker processes of
// `certkit-fleet run --worker-only` on one embedded PostgreSQL, optionally one random worker killed with SIGKILL
// (and restarted) every few seconds, until every certificate is delivered.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  FLEET_PROVIDERS,
  openFleet,
  parseFleetFile,
  startEmbeddedPostgres,
  stopEmbeddedPostgres,
} from "@certkit/fleet";
import { SANDBOX_SIMULATORS } from "@certkit/sandbox";
import { startServerChild } from "../lib/child-process.ts";
import type { FleetSandboxInfo, FleetSandboxSetup, SandboxStats } from "./fleet-sandbox-server.ts";

const FLEET_BIN = fileURLToPath(import.meta.resolve("@certkit/fleet").replace(/index\.js$/, "bin.js"));

/** A scenario. */
export interface FleetScenario {
  certificates: number;
  workers: number;
  /** Kill one random worker every this many ms (and start it again); none when undefined. */
  killEveryMs?: number;
  /** DNSimple's limit in the sandbox, per window: binding, so the run shows whether the workers keep to it. */
  dnsimpleRateLimit: { limit: number; windowMs: number };
  /** Give up after this long. */
  timeoutMs: number;
}

/** What one scenario measured. */
export interface FleetMeasurement extends FleetScenario {
  delivered: number;
  /** Certificates whose full chain and key were found written on disk at the end. */
  filesDelivered: number;
  /** The machine's 1-minute load average when the scenario started and when it ended (the machine may be shared). */
  loadAverage: [number, number];
  failed: number;
  /** The last error of each failed certificate (the first 10), for what went wrong (absent in older results). */
  failures?: { key: string; error: string }[];
  durationMs: number;
  certificatesPerMinute: number;
  /** Certificates bought per provider, counted from the sandbox's state, and how many were expected. */
  purchases: Record<string, { bought: number; expected: number }>;
  duplicates: number;
  /** Answers with status 429 the sandbox gave, per provider. */
  rateLimited: Record<string, number>;
  kills: number;
  databaseBytes: number;
  /** Per step: completed jobs, their mean wait in the queue once due, and their mean run time, in seconds. */
  steps: { step: string; jobs: number; waitSeconds: number; runSeconds: number }[];
  /** The highest peak resident memory (VmHWM) of each worker slot, over its restarts, in MiB. */
  workerPeakRssMiB: number[];
}

/** The peak resident memory a live process has had, in MiB (Linux's VmHWM), or 0 when unknown. */
function peakRssMiB(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The domain of each simulator's demo order: one its account holds (`blog.example.org` → `example.org`). */
const DEMO_DOMAINS: Record<string, string> = Object.fromEntries(
  SANDBOX_SIMULATORS.map((simulator) => [simulator.name, simulator.demoOrder.commonName.replace(/^[^.]+\./, "")]),
);

function fleetFileText(
  sandbox: FleetSandboxInfo,
  count: number,
  domains: readonly string[],
  deliverTo: string,
): string {
  const { url } = sandbox;
  const lines = ["accounts:"];
  for (const provider of FLEET_PROVIDERS)
    lines.push(`  ${provider}: { provider: ${provider}, sandbox: "${url}", concurrency: 8 }`);
  lines.push(
    "defaults:",
    `  publisher: { type: sandbox, url: "${url}" }`,
    "  keyType: ec-p256",
    // Files, as most deployments deliver: a hook command would measure the cost of starting a process per
    // certificate (forking a worker of some 250 MB), which is the hook's, not the fleet's.
    `  deliver: { files: { dir: "${deliverTo}" } }`,
    "timing: { waitInterval: 1s, maxWaitInterval: 3s, recoveryGrace: 20s, supervise: 2s, retryDelay: 1s }",
    "certificates:",
  );
  for (let index = 0; index < count; index++) {
    const provider = FLEET_PROVIDERS[index % FLEET_PROVIDERS.length]!;
    const domain = sandbox.manyDomainProviders.includes(provider)
      ? domains[index % domains.length]!
      : DEMO_DOMAINS[provider];
    // Keys of both kinds are made: RSA (slower to make) for IONOS's, EC for the others'.
    const extra = provider === "ionos-ssl" ? ", keyType: rsa-2048" : "";
    lines.push(`  - { key: c${index}, names: [c${index}.${domain}], account: ${provider}${extra} }`);
  }
  return `${lines.join("\n")}\n`;
}

/** Runs one scenario and measures it. */
export async function measureFleet(scenario: FleetScenario): Promise<FleetMeasurement> {
  const domains = Array.from({ length: 50 }, (_, index) => `fleet${index}.example.org`);
  const setup: FleetSandboxSetup = {
    certificates: scenario.certificates,
    domains,
    dnsimpleRateLimit: scenario.dnsimpleRateLimit,
  };
  const sandbox = await startServerChild<FleetSandboxInfo>(new URL("./fleet-sandbox-server.ts", import.meta.url), [
    JSON.stringify(setup),
  ]);
  const work = mkdtempSync(join(tmpdir(), "certkit-fleet-bench-"));
  // A folder of its own: as root, PostgreSQL runs as the postgres user, who cannot enter a 0700 folder of root's.
  const dataDir = mkdtempSync(join(tmpdir(), "certkit-fleet-bench-pg-"));
  const database = await startEmbeddedPostgres({ dir: dataDir });
  const workers: (ChildProcess | undefined)[] = [];
  const peaks = Array.from({ length: scenario.workers }, () => 0);
  try {
    const text = fleetFileText(sandbox.info, scenario.certificates, domains, join(work, "delivered"));
    const fileName = join(work, "fleet.yaml");
    writeFileSync(fileName, text);
    const fleet = await openFleet({ file: parseFleetFile(text), databaseUrl: database.connectionString });
    await fleet.apply();
    const env = { ...process.env, DATABASE_URL: database.connectionString };
    const start = (slot: number) => {
      workers[slot] = spawn(
        process.execPath,
        [FLEET_BIN, "run", "--worker-only", "--file", fileName, "--concurrency", "8"],
        { env, stdio: "ignore" },
      );
    };
    const loadAtStart = loadavg()[0]!;
    const started = performance.now();
    for (let slot = 0; slot < scenario.workers; slot++) start(slot);
    let kills = 0;
    let nextKill = started + (scenario.killEveryMs ?? Infinity);
    // The store's counts by state, not fleet.status(): reading every row each second would load the machine the
    // workers run on (10,000 rows of specs a second) and slow what is measured.
    const countStates = () =>
      fleet.store.transaction(async (client) => {
        const { rows } = await client.query<{ state: string; count: number }>(
          "SELECT state, count(*)::int AS count FROM certkit_fleet.certificates GROUP BY state",
        );
        return Object.fromEntries(rows.map((row) => [row.state, row.count]));
      });
    let states = await countStates();
    const settled = () => (states.delivered ?? 0) + (states.failed ?? 0) >= scenario.certificates;
    while (performance.now() - started < scenario.timeoutMs) {
      workers.forEach((worker, slot) => (peaks[slot] = Math.max(peaks[slot]!, peakRssMiB(worker?.pid))));
      if (settled()) break;
      if (performance.now() >= nextKill) {
        const slot = Math.floor(Math.random() * scenario.workers);
        const victim = workers[slot]!;
        const gone = new Promise((resolve) => victim.once("exit", resolve));
        victim.kill("SIGKILL");
        await gone;
        start(slot);
        kills++;
        nextKill = performance.now() + scenario.killEveryMs!;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      states = await countStates();
    }
    const durationMs = performance.now() - started;
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve) =>
            worker!.exitCode !== null ? resolve(undefined) : (worker!.once("exit", resolve), worker!.kill("SIGINT")),
          ),
      ),
    );
    const stats = (await (await fetch(`${sandbox.info.url}/_bench/stats`)).json()) as SandboxStats;
    const purchases = Object.fromEntries(
      FLEET_PROVIDERS.map((provider, index) => [
        provider,
        {
          bought: stats.orders[provider]!,
          expected:
            Math.floor(scenario.certificates / FLEET_PROVIDERS.length) +
            (index < scenario.certificates % FLEET_PROVIDERS.length ? 1 : 0),
        },
      ]),
    );
    const delivered = states.delivered ?? 0;
    const deliveredDir = join(work, "delivered");
    const filesDelivered = existsSync(deliveredDir)
      ? readdirSync(deliveredDir).filter(
          (key) =>
            existsSync(join(deliveredDir, key, "fullchain.pem")) && existsSync(join(deliveredDir, key, "privkey.pem")),
        ).length
      : 0;
    const databaseBytes = await fleet.databaseBytes();
    // Where a certificate's time went: per step, how long its jobs waited in the queue once due, and ran.
    const steps = await fleet.store.transaction(
      async (client) =>
        (
          await client.query<FleetMeasurement["steps"][number]>(
            `SELECT data->>'step' AS step, count(*)::int AS jobs,
               round(avg(extract(epoch from started_on - greatest(created_on, start_after)))::numeric, 2)::float AS "waitSeconds",
               round(avg(extract(epoch from completed_on - started_on))::numeric, 2)::float AS "runSeconds"
             FROM certkit_fleet_jobs.job WHERE completed_on IS NOT NULL AND data ? 'step' GROUP BY 1 ORDER BY 1`,
          )
        ).rows,
    );
    const failures = await fleet.store.transaction(
      async (client) =>
        (
          await client.query<{ key: string; error: string }>(
            "SELECT key, last_error AS error FROM certkit_fleet.certificates WHERE state = 'failed' ORDER BY key LIMIT 10",
          )
        ).rows,
    );
    await fleet.close();
    return {
      ...scenario,
      delivered,
      filesDelivered,
      loadAverage: [loadAtStart, loadavg()[0]!],
      failed: states.failed ?? 0,
      failures,
      durationMs,
      certificatesPerMinute: (delivered / durationMs) * 60_000,
      purchases,
      duplicates: Object.values(purchases).reduce(
        (sum, { bought, expected }) => sum + Math.max(0, bought - expected),
        0,
      ),
      rateLimited: Object.fromEntries(
        Object.entries(stats.statuses).map(([provider, counts]) => [provider, counts["429"] ?? 0]),
      ),
      kills,
      databaseBytes,
      steps,
      workerPeakRssMiB: peaks.map((peak) => Math.round(peak)),
    };
  } finally {
    for (const worker of workers) if (worker?.exitCode === null) worker.kill("SIGKILL");
    await database.release();
    await stopEmbeddedPostgres(dataDir);
    await sandbox.stop();
    rmSync(work, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}
