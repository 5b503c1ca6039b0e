import { spawn } from "node:child_process";

/** Options of {@link runHook}. */
export interface HookOptions {
  signal?: AbortSignal;
  /** Default 5 minutes. */
  timeoutMs?: number;
}

/**
 * Runs a user's command (no shell: the program, then its arguments) with `input` as JSON on its standard input, and
 * resolves when it exits 0. Its output is not kept, except the end of its standard error for the error message.
 * @throws Error when it cannot start, exits otherwise than 0, or runs past the timeout (it is then killed).
 */
export function runHook(command: readonly string[], input: unknown, options: HookOptions = {}): Promise<void> {
  const [program, ...args] = command;
  // The command as the fleet file gives it, for messages: a program alone (an interpreter) says little.
  const shown = command.join(" ").slice(0, 160);
  return new Promise((resolve, reject) => {
    const child = spawn(program!, args, {
      stdio: ["pipe", "ignore", "pipe"],
      timeout: options.timeoutMs ?? 300_000,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = `${stderr}${chunk.toString()}`.slice(-2_000);
    });
    child.on("error", (error) => reject(new Error(`${shown} could not run: ${error.message}`)));
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${shown} ${signal === null ? `exited with ${code}` : `was ended by ${signal}`}${stderr.trim() === "" ? "" : `: ${stderr.trim().split("\n").at(-1)}`}`,
          ),
        );
    });
    // A hook that does not read its input must not fail the write with EPIPE before it exits.
    child.stdin.on("error", () => undefined);
    child.stdin.end(JSON.stringify(input));
  });
}
