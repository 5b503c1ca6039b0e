#!/usr/bin/env node
// Runs every package's tests through turbo (which first generates, builds, type-checks and lints what they need),
// then adds up the vitest reports into one total, printed alone on the last line for CI:
//   N passed, N failed[, N skipped]
// A package whose tests did not run (its build, type check or lint failed) counts as one failed test; a test file
// that could not run its tests (lib/test-totals.mjs) counts each of them as failed, never as skipped.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./lib/apis.mjs";
import { totalsOf } from "./lib/test-totals.mjs";

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
  const totals = totalsOf(JSON.parse(readFileSync(reportOf(dir), "utf8")));
  passed += totals.passed;
  failed += totals.failed;
  skipped += totals.skipped;
  rows.push(`${dir}: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

console.log(`\n${rows.join("\n")}`);
if (turbo.status !== 0 && failed === 0) {
  failed += 1;
  console.log("turbo failed outside the tests (see above)");
}
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || turbo.status !== 0 ? 1 : 0);
