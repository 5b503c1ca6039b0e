#!/usr/bin/env node
// `pnpm api:check` / `pnpm api:update`: one API Extractor report per entry point of every published package
// (`api-reports/<package>[-<subpath>].api.md`, committed), read from the built `.d.ts`. The check fails when an entry
// point's public API differs from its committed report, naming the package and the command that updates it; the
// update rewrites every report (and removes the reports of entry points that no longer exist).
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Extractor, ExtractorConfig, ExtractorLogLevel } from "@microsoft/api-extractor";
import { repoRoot } from "./lib/apis.mjs";
import { publishedPackages } from "./lib/published-packages.mjs";

/** The committed reports' folder, relative to the repository root. */
export const REPORTS_DIR = "api-reports";

/**
 * @typedef {object} ReportOutcome
 * @property {string} importPath  the entry point ("@certkit/runtime/undici")
 * @property {string} report      the report, relative to the repository root
 * @property {"same" | "changed" | "updated" | "failed" | "orphan" | "removed"} state
 *   "orphan": a committed report that no entry point has any more ("removed" once `--update` deleted it)
 * @property {string[]} messages  API Extractor's errors, when it failed
 */

/**
 * Runs API Extractor on one entry point. In update mode the committed report is rewritten when it differs.
 * @param {import("./lib/published-packages.mjs").PublishedPackage} pkg
 * @param {import("./lib/published-packages.mjs").EntryPoint} entry
 * @param {{ update: boolean, reportsDir: string, tempDir: string }} options
 * @returns {ReportOutcome}
 */
export function checkEntryPoint(pkg, entry, { update, reportsDir, tempDir }) {
  const projectFolder = join(repoRoot, pkg.dir);
  /** @type {string[]} */
  const messages = [];
  const config = ExtractorConfig.prepare({
    configObjectFullPath: join(projectFolder, "api-extractor.json"),
    packageJsonFullPath: join(projectFolder, "package.json"),
    configObject: {
      projectFolder,
      mainEntryPointFilePath: join(projectFolder, entry.declaration),
      compiler: {
        // The built declarations, resolved as a consumer under nodenext resolves them.
        overrideTsconfig: {
          compilerOptions: {
            target: "es2022",
            lib: ["es2023", "dom", "dom.iterable"],
            module: "nodenext",
            moduleResolution: "nodenext",
            types: [],
            strict: true,
            skipLibCheck: true,
          },
          files: [join(projectFolder, entry.declaration)],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: entry.reportName,
        reportFolder: reportsDir,
        reportTempFolder: tempDir,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // TypeDoc (`pnpm docs`) checks the TSDoc and the exports; the report is about signatures. A type a signature
        // uses but the entry point does not export still shows in the report, marked, so a review sees it.
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.Error },
          "ae-missing-release-tag": { logLevel: ExtractorLogLevel.None },
          "ae-forgotten-export": { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
          "ae-unresolved-link": { logLevel: ExtractorLogLevel.None },
          "ae-undocumented": { logLevel: ExtractorLogLevel.None },
          "ae-internal-missing-underscore": { logLevel: ExtractorLogLevel.None },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
  });
  const result = Extractor.invoke(config, {
    localBuild: update,
    messageCallback: (message) => {
      if (message.logLevel === ExtractorLogLevel.Error) messages.push(message.formatMessageWithLocation(repoRoot));
      message.handled = true;
    },
  });
  const report = join(REPORTS_DIR, `${entry.reportName}.api.md`);
  const failed = !result.succeeded && (messages.length > 0 || !result.apiReportChanged);
  const state = failed ? "failed" : !result.apiReportChanged ? "same" : update ? "updated" : "changed";
  return { importPath: entry.importPath, report, state, messages };
}

/**
 * Checks (or updates) every entry point's report; `only` limits it to one package.
 * @param {{ update?: boolean, only?: string, reportsDir?: string }} [options]
 * @returns {ReportOutcome[]}
 */
export function checkApiReports({ update = false, only, reportsDir = join(repoRoot, REPORTS_DIR) } = {}) {
  const tempDir = mkdtempSync(join(tmpdir(), "certkit-api-reports-"));
  try {
    const packages = publishedPackages().filter((pkg) => only === undefined || pkg.name === only);
    const outcomes = packages.flatMap((pkg) =>
      pkg.entryPoints.map((entry) => checkEntryPoint(pkg, entry, { update, reportsDir, tempDir })),
    );
    if (only === undefined) {
      for (const file of orphanReports(outcomes, reportsDir)) {
        if (update) rmSync(join(reportsDir, file));
        outcomes.push({
          importPath: file,
          report: join(REPORTS_DIR, file),
          state: update ? "removed" : "orphan",
          messages: [],
        });
      }
    }
    return outcomes;
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/**
 * Committed reports that no entry point writes any more (the export was removed or renamed).
 * @param {ReportOutcome[]} outcomes
 * @param {string} reportsDir
 * @returns {string[]}
 */
export function orphanReports(outcomes, reportsDir) {
  const expected = new Set(outcomes.map((outcome) => outcome.report.slice(REPORTS_DIR.length + 1)));
  return readdirSync(reportsDir).filter((name) => name.endsWith(".api.md") && !expected.has(name));
}

/**
 * The line a failed check prints for one entry point.
 * @param {ReportOutcome} outcome
 */
export function describeOutcome(outcome) {
  if (outcome.state === "changed") {
    return `${outcome.importPath}: its public API differs from ${outcome.report}; if the change is meant, run \`pnpm api:update\` and commit the report`;
  }
  if (outcome.state === "orphan") {
    return `${outcome.report}: no published entry point has this report any more; run \`pnpm api:update\` to remove it`;
  }
  if (outcome.state === "failed")
    return `${outcome.importPath}: API Extractor failed:\n  ${outcome.messages.join("\n  ")}`;
  if (outcome.state === "removed") return `${outcome.report} removed`;
  return `${outcome.importPath}: ${outcome.state === "updated" ? `${outcome.report} written` : "matches its report"}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { update: { type: "boolean", default: false }, package: { type: "string" } },
  });
  const outcomes = checkApiReports({ update: values.update, only: values.package });
  for (const outcome of outcomes) console.log(describeOutcome(outcome));
  const bad = outcomes.filter((outcome) => ["changed", "failed", "orphan"].includes(outcome.state));
  if (bad.length > 0) {
    console.error(`api:check: ${bad.length} of ${outcomes.length} entry points differ from their reports or failed`);
    process.exit(1);
  }
}
