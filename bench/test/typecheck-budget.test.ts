// CI's type-check cost check: checking typecheck/consumer.ts (every client and facade operation) must not take
// more type instantiations than budgets.json allows, under each compiler. The count is deterministic for a given
// compiler version and code, unlike the time.
import { describe, expect, it } from "vitest";
import { readBudgets } from "../lib/budgets.ts";
import { COMPILERS, runTypecheck, type Compiler } from "../typecheck/measure-typecheck.ts";

const budgets = readBudgets();

describe("type-check budget", () => {
  it("has a budget for every compiler", () => {
    expect(Object.keys(budgets.typecheckInstantiations).sort()).toEqual(Object.keys(COMPILERS).sort());
  });

  for (const compiler of Object.keys(COMPILERS) as Compiler[]) {
    it(`${COMPILERS[compiler].label} checks the consumer within the instantiation budget`, async () => {
      const run = await runTypecheck(compiler);
      expect(run.instantiations).toBeLessThanOrEqual(budgets.typecheckInstantiations[compiler]!);
      // The count is what is checked; the time a busy two-core machine takes to check the consumer is not.
    }, 300_000);
  }
});
