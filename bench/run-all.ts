// `pnpm bench`: every benchmark in turn, then RESULTS.md, results.json and the budgets' verdicts. The packages must
// be built (the root `pnpm bench` builds them first). With --update-budgets, budgets.json takes this run's suggestions.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { measureBundles } from "./bundle-size/measure-bundles.ts";
import { fleetSectionOf, withFleetSection } from "./fleet/fleet-section.ts";
import { measureGeneration } from "./generation/measure-generation.ts";
import { measureNameChecks } from "./name-checks/measure-name-checks.ts";
import { checkBudgets, readBudgets, suggestBudgets, writeBudgets, type BudgetedFigures } from "./lib/budgets.ts";
import { benchRoot } from "./lib/installed-package.ts";
import { describeMachine } from "./lib/machine.ts";
import { renderResults, type BenchResults } from "./lib/results-report.ts";
import { measureRequestOverhead } from "./request-overhead/measure-request-overhead.ts";
import { measureList, measureWait, type WaitScenario } from "./scale/measure-scale.ts";
import { measureTypecheck } from "./typecheck/measure-typecheck.ts";

const LIST_COUNTS = [1_000, 10_000, 50_000];

/**
 * 1,000 orders polled at once against a limit well below what they would ask for: DNSimple's 2,400 requests an hour,
 * as 500 per 5 s, so the run shows in seconds whether the client paces itself.
 */
const WAIT_SCENARIO: WaitScenario = {
  orders: 1_000,
  rateLimit: { limit: 500, windowMs: 5_000 },
  firstDueMs: 2_000,
  lastDueMs: 6_000,
  client: { maxConcurrency: 10, intervalMs: 1_000, maxIntervalMs: 4_000, maxWaitMs: 120_000 },
};

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  console.log(`bench: ${name}...`);
  const result = await run();
  console.log(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

const started = performance.now();
const machine = describeMachine();
const requestOverhead = await step("request overhead", () =>
  measureRequestOverhead({ blocks: 300, callsPerBlock: 10, warmupCalls: 200 }),
);
const bundles = await step("bundle size", () => measureBundles());
const typecheck = await step("type-check cost", () => measureTypecheck(3));
const generation = await step("generation", () => measureGeneration(3));
const list = await step(`list() over ${LIST_COUNTS.join(", ")} orders`, () => measureList(LIST_COUNTS));
const wait = await step(`waitForStatus on ${WAIT_SCENARIO.orders} orders`, () => measureWait(WAIT_SCENARIO));
const nameChecks = await step("name checks", () => measureNameChecks(20));

const measured: BudgetedFigures = {
  bundles: Object.fromEntries(
    bundles.map((bundle) => [
      bundle.id,
      { minified: bundle.minifiedBytes, gzip: bundle.gzipBytes, brotli: bundle.brotliBytes },
    ]),
  ),
  typecheckInstantiations: Object.fromEntries(typecheck.map((result) => [result.compiler, result.instantiations])),
};
const checks = checkBudgets(measured, readBudgets());
const suggested = suggestBudgets(measured);
const results: BenchResults = {
  generatedAt: new Date().toISOString(),
  durationMs: performance.now() - started,
  machine,
  requestOverhead,
  bundles,
  typecheck,
  generation,
  scale: { list, wait },
  nameChecks,
  budgets: { checks, suggested },
};
writeFileSync(join(benchRoot, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
// The fleet's section comes from its own, much longer run (bench:fleet): kept as it is.
const resultsFile = join(benchRoot, "RESULTS.md");
const fleetSection = existsSync(resultsFile) ? fleetSectionOf(readFileSync(resultsFile, "utf8")) : undefined;
writeFileSync(
  resultsFile,
  fleetSection === undefined ? renderResults(results) : withFleetSection(renderResults(results), fleetSection),
);
console.log(`bench: wrote bench/RESULTS.md and bench/results.json (${(results.durationMs / 1000).toFixed(1)} s)`);

const attention = checks.filter((check) => check.verdict !== "within");
for (const check of attention)
  console.log(
    `bench: budget ${check.verdict}: ${check.figure} measured ${check.measured}, budget ${check.budget ?? "none"}`,
  );
if (process.argv.includes("--update-budgets")) {
  writeBudgets(suggested);
  console.log("bench: wrote the suggested budgets to bench/budgets.json");
} else if (attention.length > 0) {
  console.log(
    `bench: budgets.json this run suggests (or run with --update-budgets):\n${JSON.stringify(suggested, null, 2)}`,
  );
} else {
  console.log("bench: every figure is within its budget");
}
