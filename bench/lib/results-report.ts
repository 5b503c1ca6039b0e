// RESULTS.md: one run's figures as tables, every ratio against a baseline of the same run.
import type { BundleSize } from "../bundle-size/measure-bundles.ts";
import type { GenerationResult } from "../generation/measure-generation.ts";
import type { NameCheckResults } from "../name-checks/measure-name-checks.ts";
import type { RequestOverheadResults } from "../request-overhead/measure-request-overhead.ts";
import type { ListRun } from "../scale/list-client.ts";
import type { WaitResult } from "../scale/measure-scale.ts";
import type { TypecheckResult } from "../typecheck/measure-typecheck.ts";
import type { BudgetCheck, Budgets } from "./budgets.ts";
import type { MachineInfo } from "./machine.ts";

/** Everything one `pnpm bench` measured (results.json). */
export interface BenchResults {
  generatedAt: string;
  durationMs: number;
  machine: MachineInfo;
  requestOverhead: RequestOverheadResults;
  bundles: BundleSize[];
  typecheck: TypecheckResult[];
  generation: GenerationResult;
  scale: { list: ListRun[]; wait: WaitResult };
  nameChecks: NameCheckResults;
  budgets: { checks: BudgetCheck[]; suggested: Budgets };
}

// DNSimple's documented budget for an account: requests per hour.
const DNSIMPLE_HOURLY_LIMIT = 2_400;

const ms = (value: number) =>
  value < 10 ? `${value.toFixed(3)} ms` : `${Math.round(value).toLocaleString("en-US")} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
const ratio = (value: number) => `${value.toFixed(2)}×`;
const bytes = (value: number) => `${value.toLocaleString("en-US")} B (${(value / 1000).toFixed(1)} kB)`;
const mib = (value: number) => `${value.toFixed(1)} MiB`;
const count = (value: number) => value.toLocaleString("en-US");

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function machineSection({ machine }: BenchResults): string {
  return table(
    ["", ""],
    [
      ["CPU", `${machine.cpu}, ${machine.cores} cores`],
      ["memory", `${machine.memoryGiB} GiB`],
      ["OS", machine.os],
      ["load average at start (1, 5, 15 min)", machine.loadAverage.join(", ")],
      ["Node", machine.node],
      ...Object.entries(machine.versions).map(([name, version]) => [name, version]),
    ],
  );
}

function requestOverheadSection({ requestOverhead: overhead }: BenchResults): string {
  const calls = overhead.blocks * overhead.callsPerBlock;
  return [
    `The same certificate GET, one call at a time, ${count(calls)} timed calls per client (${count(overhead.blocks)} blocks ` +
      `of ${overhead.callsPerBlock}; in each block every client takes its turn, in a shuffled order, after ` +
      `${count(overhead.warmupCalls)} warm-up calls each), against node:http on 127.0.0.1 in another process answering ` +
      `fixed bytes (IONOS: ${count(overhead.bodyBytes.ionos)} B, DNSimple: ${count(overhead.bodyBytes.dnsimple)} B). ` +
      "Ratios are to raw `fetch` of the same URL in the same run, except the last column, which is to bare openapi-fetch. " +
      "\"Paired\" ratios divide each block's median by the other client's in the same block, then take the median: the " +
      "steadiest figure on a busy machine. p10 is what a call costs when nothing else gets in its way; CPU is this " +
      "client process's CPU time per call.",
    "",
    table(
      [
        "operation",
        "client",
        "median",
        "p10",
        "p99",
        "CPU per call",
        "median × raw",
        "p10 × raw",
        "CPU × raw",
        "paired × raw",
        "paired × bare openapi-fetch",
      ],
      overhead.rows.map((row) => [
        row.operation,
        row.name,
        ms(row.medianMs),
        ms(row.p10Ms),
        ms(row.p99Ms),
        `${Math.round(row.cpuUs)} µs`,
        ratio(row.medianRatio),
        ratio(row.p10Ratio),
        ratio(row.cpuRatio),
        ratio(row.pairedRatio),
        ratio(row.pairedToBare),
      ]),
    ),
  ].join("\n");
}

function bundleSection({ bundles, budgets }: BenchResults): string {
  const reference = bundles.find((bundle) => bundle.id === "openapi-fetch-bare");
  const budgetOf = (id: string) => budgets.checks.find((check) => check.figure === `bundle ${id} gzip`)?.budget;
  return [
    "esbuild (bundle, minify, ESM, platform `browser`), then gzip (level 9) and brotli (quality 11) by node:zlib. The " +
      "ratio is gzip bytes to the bare openapi-fetch bundle's (the same GET with openapi-fetch alone).",
    "",
    table(
      [
        "bundle",
        "minified",
        "gzip",
        "brotli",
        "gzip × bare openapi-fetch",
        "gzip budget",
        "largest parts (minified bytes)",
      ],
      bundles.map((bundle) => [
        bundle.label,
        bytes(bundle.minifiedBytes),
        bytes(bundle.gzipBytes),
        bytes(bundle.brotliBytes),
        reference ? ratio(bundle.gzipBytes / reference.gzipBytes) : "",
        budgetOf(bundle.id) === undefined ? "none" : count(budgetOf(bundle.id)!),
        bundle.largestPackages.map((part) => `${part.name} ${count(part.bytes)}`).join(", "),
      ]),
    ),
  ].join("\n");
}

function typecheckSection({ typecheck }: BenchResults): string {
  const baseline = typecheck.find((result) => result.compiler === "typescript6");
  const missing = typecheck
    .filter((result) => result.missingFigures.length > 0)
    .map((result) => `TypeScript ${result.version} does not print: ${result.missingFigures.join(", ")}.`);
  return [
    "`tsc --extendedDiagnostics -p typecheck/tsconfig.json`: typecheck/consumer.ts calls every operation of the five " +
      `clients and every facade operation of each adapter (${typecheck[0]?.files ?? "?"} files with the libraries). Times ` +
      `are medians of ${typecheck[0]?.runs ?? "?"} runs; the ratio is wall time to TypeScript 6's. "Memory used" is as ` +
      "each compiler reports it (TS 6: the JS heap; TS 7: the Go heap), so the two are not comparable.",
    "",
    table(
      [
        "compiler",
        "check time",
        "total time (tsc)",
        "wall time",
        "wall × TS 6",
        "memory used",
        "instantiations",
        "types",
      ],
      typecheck.map((result) => [
        `TypeScript ${result.version}`,
        ms(result.checkMs),
        ms(result.totalMs),
        ms(result.wallMs),
        baseline ? ratio(result.wallMs / baseline.wallMs) : "",
        `${count(result.memoryKB)} kB`,
        count(result.instantiations),
        count(result.types),
      ]),
    ),
    "",
    ...missing,
  ].join("\n");
}

function generationSection({ generation }: BenchResults): string {
  const row = (name: string, run: GenerationResult["cold"]) => [
    name,
    ms(run.wallMs),
    ms(run.turboMs),
    `${run.cached} of ${run.tasks}`,
    ratio(run.wallMs / generation.cold.wallMs),
  ];
  return [
    `\`pnpm exec turbo run generate\` at the repository root: every spec (one turbo task each). Cold is \`--force\`; the ` +
      `cache hit is the median of ${generation.cacheHitRuns} runs with nothing changed.`,
    "",
    table(
      ["run", "wall time", "turbo's time", "tasks from cache", "× cold"],
      [row("cold (`--force`)", generation.cold), row("cache hit", generation.cacheHit)],
    ),
  ].join("\n");
}

function listSection({ scale }: BenchResults): string {
  const [first] = scale.list;
  return [
    "The facade's `list()` over every IONOS certificate of the sandbox (served over HTTP by another process), each " +
      "count in a fresh sandbox and a fresh client process that keeps only counts. Memory is the client's: peak RSS " +
      "(getrusage), peak `heapUsed` (sampled), and `heapUsed` left after a full GC. Ratios are to the smallest count.",
    "",
    table(
      [
        "orders",
        "requests",
        "time",
        "µs per order",
        "peak RSS",
        "peak heap",
        "heap after GC",
        "peak RSS × first",
        "peak heap × first",
      ],
      scale.list.map((run) => [
        count(run.orders),
        count(run.requests),
        ms(run.elapsedMs),
        ((run.elapsedMs * 1000) / run.orders).toFixed(1),
        mib(run.peakRssMiB),
        mib(run.peakHeapUsedMiB),
        mib(run.retainedHeapUsedMiB),
        first ? ratio(run.peakRssMiB / first.peakRssMiB) : "",
        first ? ratio(run.peakHeapUsedMiB / first.peakHeapUsedMiB) : "",
      ]),
    ),
  ].join("\n");
}

function waitSection({ scale }: BenchResults): string {
  const { scenario, run } = scale.wait;
  const tooMany = run.statuses["429"] ?? 0;
  const limitPerWindow = `${count(scenario.rateLimit.limit)} requests per ${seconds(scenario.rateLimit.windowMs)}`;
  const speedUp = scenario.rateLimit.limit / scenario.rateLimit.windowMs / (DNSIMPLE_HOURLY_LIMIT / 3_600_000);
  return [
    `\`waitForStatus\` on ${count(scenario.orders)} DNSimple orders at once, through one facade client with ` +
      `\`maxConcurrency: ${scenario.client.maxConcurrency}\`, polling from ${scenario.client.intervalMs} ms up to ` +
      `${scenario.client.maxIntervalMs} ms. The sandbox allows ${limitPerWindow} (DNSimple's ${count(DNSIMPLE_HOURLY_LIMIT)} an ` +
      `hour, ${Math.round(speedUp)} times faster, so the run takes seconds) ` +
      `and issues the orders ${seconds(scenario.firstDueMs)} to ${seconds(scenario.lastDueMs)} after it starts. ` +
      "Requests are counted by the client's fetch, so every try (retries too) and its answer is seen.",
    "",
    table(
      ["", ""],
      [
        ["orders issued", `${count(run.issued)} of ${count(run.orders)}`],
        ["failed waits", Object.keys(run.failures).length === 0 ? "none" : JSON.stringify(run.failures)],
        ["requests sent", count(run.requests)],
        [
          "answers by status",
          Object.entries(run.statuses)
            .map(([status, number]) => `${status}: ${count(number)}`)
            .join(", "),
        ],
        ["429 answers", tooMany === 0 ? "none" : count(tooMany)],
        [
          "most requests in one window",
          `${count(run.busiestWindowRequests)} (limit ${count(scenario.rateLimit.limit)})`,
        ],
        ["most requests in flight", count(run.maxInFlight)],
        [
          "retries, and their mean wait",
          `${count(run.retries)}, ${run.retries === 0 ? "-" : seconds(run.retryWaitMs / run.retries)}`,
        ],
        ["elapsed", seconds(run.elapsedMs)],
        ["requests per order", (run.requests / run.orders).toFixed(2)],
      ],
    ),
    "",
    tooMany === 0
      ? "No 429: the client kept under the rate limit."
      : `**${count(tooMany)} requests were refused with 429**: the runtime does not keep under the rate limit by itself ` +
        '(see README.md, "What the rate-limit run shows"). It recovered by retrying after `X-RateLimit-Reset`.',
  ].join("\n");
}

function nameCheckSection({ nameChecks }: BenchResults): string {
  return [
    "How long the facade's `order()` takes to refuse lists of names no certificate can hold, in the bench's own process " +
      `(${nameChecks.runs} refusals each, after one that loads the checks). The checks run without a pause, so this is ` +
      "the time the event loop is blocked. The client's fetch counts requests: a refused order sends none.",
    "",
    table(
      ["order", "names", "refused on", "median", "slowest", "requests"],
      nameChecks.cases.map((check) => [
        check.label,
        count(check.names),
        `\`${check.field}\``,
        ms(check.medianMs),
        ms(check.maxMs),
        count(check.requests),
      ]),
    ),
  ].join("\n");
}

function budgetSection({ budgets }: BenchResults): string {
  const notable = budgets.checks.filter((check) => check.verdict !== "within");
  if (notable.length === 0) return "Every figure is within its budget in budgets.json, with less than 10% headroom.";
  return [
    "Figures whose budget (budgets.json) needs attention (`over`: CI fails; `loose`: more than 10% headroom; `missing`: no budget):",
    "",
    table(
      ["figure", "measured", "budget", "verdict"],
      notable.map((check) => [
        check.figure,
        count(check.measured),
        check.budget === undefined ? "" : count(check.budget),
        check.verdict,
      ]),
    ),
  ].join("\n");
}

/** RESULTS.md for one run. */
export function renderResults(results: BenchResults): string {
  return [
    "# Benchmark results",
    "",
    `Written by \`pnpm bench\` on ${results.generatedAt}, in ${seconds(results.durationMs)}. Every figure comes from this ` +
      "run, and each ratio is to a baseline measured in it; absolute times depend on the machine below and are not " +
      "comparable across machines. What each benchmark measures is in README.md.",
    "",
    "## Machine",
    "",
    machineSection(results),
    "",
    "## Request overhead",
    "",
    requestOverheadSection(results),
    "",
    "## Bundle size",
    "",
    bundleSection(results),
    "",
    "## Type-check cost",
    "",
    typecheckSection(results),
    "",
    "## Generation",
    "",
    generationSection(results),
    "",
    "## Name checks",
    "",
    nameCheckSection(results),
    "",
    "## Scale: `list()`",
    "",
    listSection(results),
    "",
    "## Scale: `waitForStatus` under a rate limit",
    "",
    waitSection(results),
    "",
    "## Budgets",
    "",
    budgetSection(results),
    "",
  ].join("\n");
}
