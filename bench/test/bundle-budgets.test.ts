// CI's bundle-size check: every bundle of the benchmark, built as the report builds it, must stay within its budget
// in budgets.json. esbuild and the zlib levels are fixed, so the bytes only move when the code does.
import { describe, expect, it } from "vitest";
import { BUNDLES, measureBundle } from "../bundle-size/measure-bundles.ts";
import { readBudgets } from "../lib/budgets.ts";

const budgets = readBudgets();

describe("bundle budgets", () => {
  it("has a budget for every bundle, and no budget for a bundle that is gone", () => {
    expect(Object.keys(budgets.bundles).sort()).toEqual(BUNDLES.map((bundle) => bundle.id).sort());
  });

  for (const bundle of BUNDLES) {
    it(`${bundle.label} stays within its budget`, async () => {
      const size = await measureBundle(bundle);
      const budget = budgets.bundles[bundle.id]!;
      // Raise a budget only for growth you mean (see bench/README.md, "Budgets").
      expect(size.minifiedBytes, "minified bytes").toBeLessThanOrEqual(budget.minified);
      expect(size.gzipBytes, "gzip bytes").toBeLessThanOrEqual(budget.gzip);
      expect(size.brotliBytes, "brotli bytes").toBeLessThanOrEqual(budget.brotli);
    }, 30_000);
  }
});
