import { describe, expect, it } from "vitest";
import { totalsOf } from "../lib/test-totals.mjs";

const file = (status: string, ...tests: string[]) => ({
  status,
  assertionResults: tests.map((test) => ({ status: test })),
});

describe("the total of a package's tests", () => {
  it("adds up passed, failed and skipped tests", () => {
    expect(
      totalsOf({
        numPassedTests: 3,
        numFailedTests: 1,
        numPendingTests: 1,
        testResults: [file("passed", "passed", "passed", "skipped"), file("failed", "passed", "failed")],
      }),
    ).toEqual({ passed: 3, failed: 1, skipped: 1 });
  });

  it("counts every test of a file whose service could not start (its beforeAll threw) as failed, not skipped", () => {
    // What vitest reports when a beforeAll hook throws: the file failed, its tests are listed as skipped.
    const report = {
      numPassedTests: 2,
      numFailedTests: 0,
      numPendingTests: 29,
      testResults: [file("passed", "passed", "passed"), file("failed", ...Array<string>(29).fill("skipped"))],
    };
    expect(totalsOf(report)).toEqual({ passed: 2, failed: 29, skipped: 0 });
  });

  it("counts a file that failed to load, with no tests in it, as one failure", () => {
    expect(totalsOf({ numPassedTests: 0, numFailedTests: 0, testResults: [file("failed")] })).toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
    });
  });

  it("leaves skips in a file that ran alone", () => {
    expect(
      totalsOf({
        numPassedTests: 1,
        numFailedTests: 0,
        numTodoTests: 1,
        testResults: [file("passed", "passed", "todo")],
      }),
    ).toEqual({
      passed: 1,
      failed: 0,
      skipped: 1,
    });
  });
});
