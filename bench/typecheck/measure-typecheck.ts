// Type-check cost: tsc --extendedDiagnostics on consumer.ts (every client operation and every facade operation),
// under TypeScript 6 and TypeScript 7, each run by its own bin path so the two `tsc` commands never clash.
import { fileURLToPath } from "node:url";
import { installedBin, installedVersion } from "../lib/installed-package.ts";
import { quantile } from "../lib/quantile.ts";
import { runTimedCommand } from "../lib/timed-command.ts";

/** The two compilers, by the bench dependency that provides each. */
export const COMPILERS = {
  typescript6: { label: "TypeScript 6", dependency: "typescript" },
  typescript7: { label: "TypeScript 7", dependency: "@typescript/native" },
} as const;

/** A compiler of {@link COMPILERS}. */
export type Compiler = keyof typeof COMPILERS;

/** One tsc run over the consumer: its own figures, and the wall time around it. */
export interface TypecheckRun {
  compiler: Compiler;
  version: string;
  /** From starting the process to its exit, in ms. */
  wallMs: number;
  /** tsc's "Check time", in ms. */
  checkMs: number;
  /** tsc's "Total time", in ms. */
  totalMs: number;
  /** tsc's "Memory used", in kB (1000 bytes), as each compiler measures it (TS 6: JS heap; TS 7: Go heap). */
  memoryKB: number;
  instantiations: number;
  types: number;
  files: number;
  /** Every figure tsc printed, as printed. */
  diagnostics: Record<string, string>;
}

const CONSUMER_PROJECT = fileURLToPath(new URL("./tsconfig.json", import.meta.url));

/** Reads `Name:   value` lines of --extendedDiagnostics. */
export function parseDiagnostics(output: string): Record<string, string> {
  const figures: Record<string, string> = {};
  for (const line of output.split("\n")) {
    const match = /^([A-Za-z][\w /]*?):\s+(\S+)\s*$/.exec(line);
    if (match) figures[match[1]!] = match[2]!;
  }
  return figures;
}

function figure(figures: Record<string, string>, name: string, compiler: Compiler): number {
  const text = figures[name];
  const value = text === undefined ? Number.NaN : Number.parseFloat(text);
  if (!Number.isFinite(value)) throw new Error(`${COMPILERS[compiler].label} printed no "${name}" figure`);
  return text!.endsWith("s") && !text!.endsWith("ms") ? value * 1000 : value;
}

/**
 * Type-checks the consumer once with `compiler`.
 *
 * @throws Error with tsc's output when the consumer does not type-check.
 */
export async function runTypecheck(compiler: Compiler): Promise<TypecheckRun> {
  const { dependency, label } = COMPILERS[compiler];
  const { code, output, wallMs } = await runTimedCommand(process.execPath, [
    installedBin(dependency),
    "-p",
    CONSUMER_PROJECT,
    "--extendedDiagnostics",
  ]);
  if (code !== 0) throw new Error(`${label} failed on the consumer (exit ${code}):\n${output}`);
  const diagnostics = parseDiagnostics(output);
  return {
    compiler,
    version: installedVersion(dependency),
    wallMs,
    checkMs: figure(diagnostics, "Check time", compiler),
    totalMs: figure(diagnostics, "Total time", compiler),
    memoryKB: figure(diagnostics, "Memory used", compiler),
    instantiations: figure(diagnostics, "Instantiations", compiler),
    types: figure(diagnostics, "Types", compiler),
    files: figure(diagnostics, "Files", compiler),
    diagnostics,
  };
}

/** The median of each timing over several runs of one compiler, and its counts (the same in every run). */
export interface TypecheckResult extends Omit<TypecheckRun, "diagnostics"> {
  runs: number;
  /** The figures of --extendedDiagnostics this compiler does not print but the other does. */
  missingFigures: string[];
}

function median(values: number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** Runs each compiler `runs` times, one after the other, and reports the medians. */
export async function measureTypecheck(runs: number): Promise<TypecheckResult[]> {
  const byCompiler = new Map<Compiler, TypecheckRun[]>();
  for (let run = 0; run < runs; run++) {
    for (const compiler of Object.keys(COMPILERS) as Compiler[]) {
      byCompiler.set(compiler, [...(byCompiler.get(compiler) ?? []), await runTypecheck(compiler)]);
    }
  }
  const printed = new Map(
    [...byCompiler].map(([compiler, all]) => [compiler, new Set(Object.keys(all[0]!.diagnostics))]),
  );
  const everyFigure = new Set([...printed.values()].flatMap((names) => [...names]));
  return [...byCompiler].map(([compiler, all]) => {
    const first = all[0]!;
    const counts = new Set(all.map((run) => run.instantiations));
    if (counts.size > 1)
      throw new Error(
        `${COMPILERS[compiler].label}'s instantiation count varied between runs: ${[...counts].join(", ")}`,
      );
    return {
      compiler,
      version: first.version,
      runs: all.length,
      wallMs: median(all.map((run) => run.wallMs)),
      checkMs: median(all.map((run) => run.checkMs)),
      totalMs: median(all.map((run) => run.totalMs)),
      memoryKB: median(all.map((run) => run.memoryKB)),
      instantiations: first.instantiations,
      types: first.types,
      files: first.files,
      missingFigures: [...everyFigure].filter((name) => !printed.get(compiler)!.has(name)),
    };
  });
}
