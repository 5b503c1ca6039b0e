// `pnpm --filter @certkit/bench run bench:fleet [--certificates N] [--throughput N] [--chaos-only | --throughput-only]`: the fleet's
// throughput with 1, 2 and 4 workers (no kills), then the chaos run (4 workers, one killed with SIGKILL every 5 s and
// restarted), and its section of RESULTS.md and fleet/results.json, written after each run. Long: the default 10,000
// certificates take a while on 2 cores. `--chaos-only` runs the chaos run alone, in place of the one in results.json
// (the throughput runs there are kept); `--throughput-only`, the throughput runs alone (the chaos run there is kept).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchRoot } from "../lib/installed-package.ts";
import { renderFleetSection, withFleetSection } from "./fleet-section.ts";
import { measureFleet, type FleetMeasurement } from "./measure-fleet.ts";

const { values } = parseArgs({
  options: {
    certificates: { type: "string", default: "10000" },
    throughput: { type: "string", default: "1000" },
    "chaos-only": { type: "boolean", default: false },
    "throughput-only": { type: "boolean", default: false },
  },
});
const chaosCount = Number(values.certificates);
const throughputCount = Number(values.throughput);
// DNSimple's budget (2,400 requests an hour) as a minute's: the throughput runs measure the fleet, not the budget. The
// chaos run's is a quarter of that, binding (DNSimple's certificates alone would ask for more), so it also shows
// whether four workers, killed and restarted, keep to a limit they share.
const throughputRateLimit = { limit: 2_400, windowMs: 60_000 };
const chaosRateLimit = { limit: 600, windowMs: 60_000 };
const resultsJson = join(benchRoot, "fleet", "results.json");
const resultsFile = join(benchRoot, "RESULTS.md");
const chaosOnly = values["chaos-only"];
const throughputOnly = values["throughput-only"];
if (chaosOnly && throughputOnly) throw new Error("--chaos-only and --throughput-only: choose one");
/** The runs of results.json that this one keeps: the throughput runs, or the chaos run. */
const kept = (chaos: boolean): FleetMeasurement[] =>
  (JSON.parse(readFileSync(resultsJson, "utf8")) as { runs: FleetMeasurement[] }).runs.filter(
    (run) => (run.killEveryMs !== undefined) === chaos,
  );
const runs: FleetMeasurement[] = chaosOnly ? kept(false) : [];
const keptChaos: FleetMeasurement[] = throughputOnly ? kept(true) : [];

/** Writes what has run so far: a long run stopped part-way keeps the runs before it. */
function writeResults(): void {
  const writtenAt = new Date().toISOString();
  const all = [...runs, ...keptChaos];
  writeFileSync(resultsJson, `${JSON.stringify({ writtenAt, runs: all }, null, 2)}\n`);
  const markdown = existsSync(resultsFile) ? readFileSync(resultsFile, "utf8") : "# Benchmark results\n";
  writeFileSync(resultsFile, withFleetSection(markdown, renderFleetSection(all, writtenAt)));
}

for (const workers of chaosOnly ? [] : [1, 2, 4]) {
  console.log(`bench:fleet: ${throughputCount} certificates, ${workers} worker(s)...`);
  runs.push(
    await measureFleet({
      certificates: throughputCount,
      workers,
      dnsimpleRateLimit: throughputRateLimit,
      timeoutMs: 3_600_000,
    }),
  );
  console.log(JSON.stringify(runs.at(-1)));
  writeResults();
}
if (!throughputOnly) {
  console.log(`bench:fleet: chaos: ${chaosCount} certificates, 4 workers, a SIGKILL every 5 s...`);
  runs.push(
    await measureFleet({
      certificates: chaosCount,
      workers: 4,
      killEveryMs: 5_000,
      dnsimpleRateLimit: chaosRateLimit,
      timeoutMs: 6 * 3_600_000,
    }),
  );
  console.log(JSON.stringify(runs.at(-1)));
  writeResults();
}
console.log("bench:fleet: wrote bench/RESULTS.md (its fleet section) and bench/fleet/results.json");
