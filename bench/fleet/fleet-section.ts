import type { FleetMeasurement } from "./measure-fleet.ts";

const START = "<!-- fleet -->";
const END = "<!-- /fleet -->";

/** The fleet benchmark's section of RESULTS.md, between markers that `pnpm bench` keeps when it rewrites the rest. */
export function renderFleetSection(runs: readonly FleetMeasurement[], writtenAt: string): string {
  const rows = runs.map((run) =>
    [
      run.certificates.toLocaleString("en-US"),
      run.workers,
      run.killEveryMs === undefined ? "none" : `${run.kills} (every ${run.killEveryMs / 1000} s)`,
      `${run.delivered.toLocaleString("en-US")} (${run.filesDelivered.toLocaleString("en-US")} on disk)${run.failed > 0 ? ` (${run.failed} failed)` : ""}`,
      `${(run.durationMs / 1000).toFixed(0)} s`,
      run.certificatesPerMinute.toFixed(0),
      run.duplicates,
      (run.dnsimpleRateLimit.limit * 60_000) / run.dnsimpleRateLimit.windowMs,
      Object.values(run.rateLimited).reduce((sum, count) => sum + count, 0),
      `${(run.databaseBytes / 1024 / 1024).toFixed(1)} MiB`,
      run.workerPeakRssMiB.map((peak) => `${peak}`).join(" / "),
      `${run.loadAverage[0].toFixed(1)} → ${run.loadAverage[1].toFixed(1)}`,
    ].join(" | "),
  );
  return [
    START,
    "## Fleet: chaos at scale",
    "",
    `Written by \`pnpm --filter @certkit/bench run bench:fleet\` on ${writtenAt} (see README.md). The sandbox runs in its own`,
    "process (issuance after 1 s; DNSimple's rate limit per minute in its column, binding in the chaos run); workers are `certkit-fleet run --worker-only` processes",
    "on one embedded PostgreSQL; purchases are counted from the sandbox's state, 429s by the sandbox's server. Every",
    "step runs for every certificate (order, publish, confirm, wait, download, deliver); delivery writes the four PEM",
    "files of each certificate, counted on disk at the end. The machine has 2 cores and may be shared: its 1-minute",
    "load average at each run's start and end is in the last column.",
    "",
    "| certificates | workers | SIGKILLs | delivered | time | certificates/min | duplicate purchases | DNSimple limit /min | 429 answers | database | peak RSS per worker (MiB) | load average |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row} |`),
    ...runs.flatMap((run) =>
      (run.failures ?? []).map(
        (failure) =>
          `\nFailed (${run.certificates.toLocaleString("en-US")} certificates, ${run.workers} workers): ${failure.key}: ${failure.error}`,
      ),
    ),
    END,
  ].join("\n");
}

/** `markdown` with its fleet section replaced by `section` (or `section` added at the end). */
export function withFleetSection(markdown: string, section: string): string {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start === -1 || end === -1) return `${markdown.trimEnd()}\n\n${section}\n`;
  return `${markdown.slice(0, start)}${section}${markdown.slice(end + END.length)}`;
}

/** The fleet section of a RESULTS.md, if it has one. */
export function fleetSectionOf(markdown: string): string | undefined {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  return start === -1 || end === -1 ? undefined : markdown.slice(start, end + END.length);
}
