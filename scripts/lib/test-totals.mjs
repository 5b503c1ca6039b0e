// Adds up a vitest JSON report into the counts CI reads. A test file that failed without a failing test (it did not
// load, or a hook such as the one starting a service threw) is a failure: vitest lists its tests as skipped, and a
// suite that could not start must never pass for a green run with a few skips.

/**
 * @typedef {object} VitestReport
 * @property {number} numPassedTests
 * @property {number} numFailedTests
 * @property {number} [numPendingTests]
 * @property {number} [numTodoTests]
 * @property {{ name?: string, status: string, assertionResults: { status: string }[] }[]} [testResults]
 */

/**
 * The passed, failed and skipped counts of one package's report. Each test of a file that failed without a failing
 * test counts as failed (a file with none counts as one failure), not as skipped.
 * @param {VitestReport} report
 * @returns {{ passed: number, failed: number, skipped: number }}
 */
export function totalsOf(report) {
  let failed = report.numFailedTests;
  let skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const file of report.testResults ?? []) {
    if (file.status !== "failed" || file.assertionResults.some((result) => result.status === "failed")) continue;
    const neverRan = file.assertionResults.filter((result) => result.status !== "passed").length;
    failed += Math.max(1, neverRan);
    skipped -= neverRan;
  }
  return { passed: report.numPassedTests, failed, skipped: Math.max(0, skipped) };
}
