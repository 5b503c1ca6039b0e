// The budgets CI holds the code to (bench/budgets.json): bundle bytes and type-check instantiations, each set from a
// measurement plus a small headroom. `pnpm bench` compares a run with them and prints the budgets that run suggests.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchRoot } from "./installed-package.ts";

/** The byte budgets of one bundle. */
export interface BundleBudget {
  minified: number;
  gzip: number;
  brotli: number;
}

/** The contents of budgets.json. */
export interface Budgets {
  $comment: string;
  bundles: Record<string, BundleBudget>;
  /** The instantiation count of type-checking typecheck/consumer.ts, per compiler. */
  typecheckInstantiations: Record<string, number>;
}

/** A budget is the measurement plus this share, rounded up: under 10%, so a real regression cannot hide in it. */
export const HEADROOM = 0.05;
/** A budget more than this far above the measurement no longer guards much: the report says to lower it. */
export const LOOSE_ABOVE = 0.1;

const BUDGETS_FILE = join(benchRoot, "budgets.json");
const COMMENT =
  "CI budgets (test/bundle-budgets.test.ts, test/typecheck-budget.test.ts): each is a measurement plus 5%, rounded " +
  "up. `pnpm bench` prints new ones; `pnpm --filter @certkit/bench run bench --update-budgets` writes them. See README.md.";

/** Reads budgets.json. */
export function readBudgets(): Budgets {
  return JSON.parse(readFileSync(BUDGETS_FILE, "utf8")) as Budgets;
}

/** The budget a measurement suggests: {@link HEADROOM} above it, rounded up. */
export function budgetFor(measured: number): number {
  return Math.ceil(measured * (1 + HEADROOM));
}

/** What a run measured, in the shape of the budgets. */
export interface BudgetedFigures {
  bundles: Record<string, BundleBudget>;
  typecheckInstantiations: Record<string, number>;
}

/** The budgets a run suggests. */
export function suggestBudgets(measured: BudgetedFigures): Budgets {
  const bundleBudget = ({ minified, gzip, brotli }: BundleBudget): BundleBudget => ({
    minified: budgetFor(minified),
    gzip: budgetFor(gzip),
    brotli: budgetFor(brotli),
  });
  return {
    $comment: COMMENT,
    bundles: Object.fromEntries(Object.entries(measured.bundles).map(([id, sizes]) => [id, bundleBudget(sizes)])),
    typecheckInstantiations: Object.fromEntries(
      Object.entries(measured.typecheckInstantiations).map(([compiler, count]) => [compiler, budgetFor(count)]),
    ),
  };
}

/** How one measured figure stands against its budget. */
export interface BudgetCheck {
  figure: string;
  measured: number;
  budget: number | undefined;
  verdict: "within" | "over" | "loose" | "missing";
}

/** Compares every measured figure with its budget. */
export function checkBudgets(measured: BudgetedFigures, budgets: Budgets): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const judge = (figure: string, value: number, budget: number | undefined) => {
    const verdict =
      budget === undefined
        ? "missing"
        : value > budget
          ? "over"
          : budget > value * (1 + LOOSE_ABOVE)
            ? "loose"
            : "within";
    checks.push({ figure, measured: value, budget, verdict });
  };
  for (const [id, sizes] of Object.entries(measured.bundles)) {
    for (const [kind, value] of Object.entries(sizes) as [keyof BundleBudget, number][])
      judge(`bundle ${id} ${kind}`, value, budgets.bundles[id]?.[kind]);
  }
  for (const [compiler, value] of Object.entries(measured.typecheckInstantiations)) {
    judge(`instantiations ${compiler}`, value, budgets.typecheckInstantiations[compiler]);
  }
  return checks;
}

/** Writes budgets.json. */
export function writeBudgets(budgets: Budgets): void {
  writeFileSync(BUDGETS_FILE, `${JSON.stringify(budgets, null, 2)}\n`);
}
