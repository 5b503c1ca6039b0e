import { spawn } from "node:child_process";

/** Options of {@link runHook}. */
export interface HookOptions {
  signal?: AbortSignal;
  /** Default 5 minutes. */
  timeoutMs?: number;
}

/** How long a hook ended with SIGTERM may take to go before its processes are killed. */
const KILL_AFTER_MS = 5_000;
/** How long after a hook exits its standard error may still be read, when something it started holds it open. */
const OUTPUT_GRACE_MS = 2_000;

// On POSIX a hook runs as a process group of its own, so that ending it ends what it started too (an `rsync`, a
// `sleep`): killing only the program would leave its children holding the step, or the fleet's shutdown.
const OWN_GROUP = process.platform !== "win32";

/**
 * Runs a user's command (no shell: the program, then its arguments) with `input` as JSON on its standard input, and
 * resolves when it exits 0. Its output is not kept, except the end of its standard error for the error message.
 * Past the timeout, or when `signal` aborts, the hook and every process it started are ended (SIGTERM, then SIGKILL
 * after 5 s) and the call rejects at once.
 * @throws Error when it cannot start, exits otherwise than 0, or runs past the timeout.
 */
export function runHook(command: readonly string[], input: unknown, options: HookOptions = {}): Promise<void> {
  const [program, ...args] = command;
  // The command as the fleet file gives it, for messages: a program alone (an interpreter) says little.
  const shown = command.join(" ").slice(0, 160);
  return new Promise((resolve, reject) => {
    const child = spawn(program!, args, { stdio: ["pipe", "ignore", "pipe"], detached: OWN_GROUP });
    let stderr = "";
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let done = false;
    const killAll = (signal: NodeJS.Signals) => {
      try {
        if (OWN_GROUP && child.pid !== undefined) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // Gone already.
      }
    };
    const end = (why: string) => {
      if (done) return;
      done = true;
      settle();
      killAll("SIGTERM");
      setTimeout(() => killAll("SIGKILL"), KILL_AFTER_MS).unref();
      reject(new Error(`${shown} ${why}`));
    };
    const timeoutMs = options.timeoutMs ?? 300_000;
    const timer = setTimeout(() => end(`ran past ${timeoutMs} ms and was ended`), timeoutMs);
    const onAbort = () => end("was ended: the fleet is stopping");
    const settle = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = `${stderr}${chunk.toString()}`.slice(-2_000);
    });
    child.on("error", (error) => {
      if (done) return;
      done = true;
      settle();
      reject(new Error(`${shown} could not run: ${error.message}`));
    });
    // Once it has exited and its standard error is read; a process it left behind may hold that open, so the exit
    // alone settles it after a moment.
    const finish = () => {
      if (done || exit === undefined) return;
      done = true;
      settle();
      if (exit.code === 0) resolve();
      else
        reject(
          new Error(
            `${shown} ${exit.signal === null ? `exited with ${exit.code}` : `was ended by ${exit.signal}`}${stderr.trim() === "" ? "" : `: ${stderr.trim().split("\n").at(-1)}`}`,
          ),
        );
    };
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      setTimeout(finish, OUTPUT_GRACE_MS).unref();
    });
    child.on("close", (code, signal) => {
      exit ??= { code, signal };
      finish();
    });
    // A hook that does not read its input must not fail the write with EPIPE before it exits.
    child.stdin.on("error", () => undefined);
    child.stdin.end(JSON.stringify(input));
  });
}
