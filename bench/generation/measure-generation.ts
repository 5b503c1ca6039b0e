// Generation time: `pnpm generate` for every spec, cold (turbo --force: every package regenerates its types from
// specs/) and as a turbo cache hit (the same command again, nothing changed).
import { join } from "node:path";
import { benchRoot } from "../lib/installed-package.ts";
import { runTimedCommand } from "../lib/timed-command.ts";

const REPO_ROOT = join(benchRoot, "..");

/** One `turbo run generate`: wall time, and what turbo said about it. */
export interface GenerationRun {
  wallMs: number;
  /** turbo's own "Time:" line, in ms. */
  turboMs: number;
  tasks: number;
  cached: number;
}

/** Cold and cache-hit generation. */
export interface GenerationResult {
  cold: GenerationRun;
  /** The median cache-hit run. */
  cacheHit: GenerationRun;
  cacheHitRuns: number;
}

function readDuration(text: string): number {
  const match = /^([\d.]+)(ms|s|m)/.exec(text.trim());
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === "ms" ? value : match[2] === "s" ? value * 1000 : value * 60_000;
}

/** Runs `pnpm exec turbo run generate` (with `--force` for a cold run) at the repository root. */
export async function runGenerate(force: boolean): Promise<GenerationRun> {
  const args = ["exec", "turbo", "run", "generate", ...(force ? ["--force"] : [])];
  // Piped and with NO_COLOR, turbo's summary is plain text.
  const { code, output, wallMs } = await runTimedCommand("pnpm", args, {
    cwd: REPO_ROOT,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" },
  });
  const tasks = /Tasks:\s+(\d+) successful, (\d+) total/.exec(output);
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(output);
  const time = /Time:\s+(\S+)/.exec(output);
  if (code !== 0 || !tasks || !cached || !time)
    throw new Error(`pnpm ${args.join(" ")} failed (exit ${code}):\n${output}`);
  return { wallMs, turboMs: readDuration(time[1]!), tasks: Number(tasks[2]), cached: Number(cached[1]) };
}

/** One cold run, then `hitRuns` runs that turbo must answer from its cache; the median of those is reported. */
export async function measureGeneration(hitRuns: number): Promise<GenerationResult> {
  const cold = await runGenerate(true);
  const hits: GenerationRun[] = [];
  for (let run = 0; run < hitRuns; run++) {
    const hit = await runGenerate(false);
    if (hit.cached !== hit.tasks)
      throw new Error(`generate: expected a full cache hit, turbo cached ${hit.cached} of ${hit.tasks} tasks`);
    hits.push(hit);
  }
  const median = [...hits].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(hits.length / 2)]!;
  return { cold, cacheHit: median, cacheHitRuns: hits.length };
}
