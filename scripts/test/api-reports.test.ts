import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkEntryPoint, describeOutcome, orphanReports, REPORTS_DIR } from "../api-reports.mjs";
import { repoRoot } from "../lib/apis.mjs";
import { publishedPackages } from "../lib/published-packages.mjs";

const tempDir = mkdtempSync(join(tmpdir(), "certkit-api-reports-test-"));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

const entryPoints = publishedPackages().flatMap((pkg) => pkg.entryPoints.map((entry) => ({ pkg, entry })));
const reportsDir = join(repoRoot, REPORTS_DIR);

describe("the API reports", () => {
  it("cover every entry point a published package exports, the subpaths too", () => {
    const names = entryPoints.map(({ entry }) => entry.importPath);
    expect(names).toEqual(
      expect.arrayContaining(["@certkit/runtime", "@certkit/runtime/undici", "@certkit/sandbox/node"]),
    );
    expect(names.filter((name) => name.startsWith("@certkit/certificates/")).length).toBeGreaterThanOrEqual(5);
  });

  it("has no committed report left over from an entry point that is gone", () => {
    const outcomes = entryPoints.map(({ entry }) => ({
      importPath: entry.importPath,
      report: join(REPORTS_DIR, `${entry.reportName}.api.md`),
      state: "same" as const,
      messages: [],
    }));
    expect(orphanReports(outcomes, reportsDir)).toEqual([]);
  });

  it.each(entryPoints.map(({ pkg, entry }) => [entry.importPath, pkg, entry] as const))(
    "%s: its public API matches the committed report",
    (_name, pkg, entry) => {
      const outcome = checkEntryPoint(pkg, entry, { update: false, reportsDir, tempDir });
      expect(outcome.state, describeOutcome(outcome)).toBe("same");
    },
  );

  it("fails, naming the entry point and `pnpm api:update`, when the API differs from its report", () => {
    const copy = join(tempDir, "reports");
    cpSync(reportsDir, copy, { recursive: true });
    const report = join(copy, "runtime-undici.api.md");
    writeFileSync(report, readFileSync(report, "utf8").replace(/\n\s*dispatcher\?:[^\n]*/, ""));
    const entry = entryPoints.find(({ entry: e }) => e.importPath === "@certkit/runtime/undici")!;
    const outcome = checkEntryPoint(entry.pkg, entry.entry, { update: false, reportsDir: copy, tempDir });
    expect(outcome.state).toBe("changed");
    expect(describeOutcome(outcome)).toBe(
      "@certkit/runtime/undici: its public API differs from api-reports/runtime-undici.api.md; if the change is meant, run `pnpm api:update` and commit the report",
    );
  });
});
