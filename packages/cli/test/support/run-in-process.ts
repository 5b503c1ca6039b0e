// Runs the CLI's entry function in the test's own process, with stand-in streams: what `certkit` does short of the
// process around it (bin.ts), for the many cases that fail or answer before anything is sent, without a process each.
import { runCli } from "../../src/run-cli.ts";
import type { CertkitRun } from "./run-certkit.js";

/** `certkit args...` run in-process, in `cwd` with only `env`. */
export async function runInProcess(
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string },
): Promise<CertkitRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli([...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env,
    cwd: options.cwd ?? options.env.HOME ?? ".",
    signal: new AbortController().signal,
  });
  return { code, signal: null, stdout, stderr };
}
