// Runs a command to its end, timing it from spawn to exit and keeping everything it printed (both streams, as one
// text), for the benchmarks that measure a whole tool run: tsc, turbo.
import { spawn, type SpawnOptions } from "node:child_process";

/** How a command ended, what it printed, and how long it took from spawn to exit. */
export interface TimedCommand {
  code: number | null;
  output: string;
  wallMs: number;
}

/** Runs `command args...` and resolves when it exits; rejects only when it cannot be started. */
export function runTimedCommand(
  command: string,
  args: readonly string[],
  options: Pick<SpawnOptions, "cwd" | "env"> = {},
): Promise<TimedCommand> {
  const started = performance.now();
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output, wallMs: performance.now() - started }));
  });
}
