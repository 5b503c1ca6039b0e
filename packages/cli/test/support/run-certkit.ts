// Runs the built `certkit` binary as a child process, as a user's shell would, with a home of its own so no real
// configuration or sandbox state is read or written.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built CLI: the tests drive what is published. */
export const CERTKIT_BIN = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

/** What a run printed and how it ended. */
export interface CertkitRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A fresh, empty home for one test: config and state folders that hold nothing yet. */
export function freshHome(): { home: string; env: NodeJS.ProcessEnv } {
  const home = mkdtempSync(join(tmpdir(), "certkit-cli-"));
  return {
    home,
    env: { HOME: home, XDG_CONFIG_HOME: join(home, "config"), XDG_STATE_HOME: join(home, "state") },
  };
}

/** Starts `certkit args...` with only the given environment (plus PATH), in `cwd`. */
export function startCertkit(args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): ChildProcess {
  return spawn(process.execPath, [CERTKIT_BIN, ...args], {
    cwd: options.cwd ?? options.env.HOME,
    env: { PATH: process.env.PATH, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Collects a started run's output until it exits. */
export function finished(child: ChildProcess): Promise<CertkitRun> {
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs `certkit args...` to the end. */
export function runCertkit(
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string },
): Promise<CertkitRun> {
  return finished(startCertkit(args, options));
}

/** A run's stdout as JSON (for `--json`). */
export function jsonOf<T = any>(run: CertkitRun): T {
  return JSON.parse(run.stdout) as T;
}

/** Whether the text holds a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(:\d+:\d+\)?|\(node:)/m.test(text);
}
