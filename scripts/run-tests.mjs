#!/usr/bin/env node
// Runs every package's tests through turbo (which first generates, builds, type-checks and lints what they need),
// then adds up the vitest reports into one total, printed alone on the last line for CI:
//   N passed, N failed[, N skipped]
// A package whose tests did not run (its build, type check or lint failed) counts as one failed test.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./lib/apis.mjs";

const packageDirs = [
  ...readdirSync(join(repoRoot, "packages")).map((name) => join("packages", name)),
  "scripts",
  "bench",
].filter((dir) => {
  const manifest = join(repoRoot, dir, "package.json");
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).scripts?.test;
});

const reportOf = (/** @type {string} */ dir) => join(repoRoot, dir, "test-results", "vitest.json");
// A report left by an earlier run must not count; turbo restores the right one on a cache hit.
for (const dir of packageDirs) rmSync(reportOf(dir), { force: true });

const turbo = spawnSync("pnpm", ["exec", "turbo", "run", "test", "--continue", ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: "inherit",
});

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const dir of packageDirs) {
  if (!existsSync(reportOf(dir))) {
    failed += 1;
    rows.push(`${dir}: did not run (see the errors above)`);
    continue;
  }
  const report = JSON.parse(readFileSync(reportOf(dir), "utf8"));
  const pkgSkipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that failed to load has no tests in it but is still a failure.
  const brokenFiles = (report.testResults ?? []).filter((/** @type {{status: string, assertionResults: unknown[]}} */ file) => file.status === "failed" && file.assertionResults.length === 0);
  passed += report.numPassedTests;
  failed += report.numFailedTests + brokenFiles.length;
  skipped += pkgSkipped;
  rows.push(`${dir}: ${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles.length} failed, ${pkgSkipped} skipped`);
}

console.log(`\n${rows.join("\n")}`);
if (turbo.status !== 0 && failed === 0) {
  failed += 1;
  console.log("turbo failed outside the tests (see above)");
}
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || turbo.status !== 0 ? 1 : 0);
