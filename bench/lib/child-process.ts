// Each measurement runs in a Node process of its own, so that what is measured (memory, JIT state, event loop) is
// that code's alone: servers in one child, clients in others (one per contender where they take turns). This file is
// both ends of that conversation.
import { fork, type ChildProcess } from "node:child_process";

/** What a child sends its parent over IPC. */
type ChildMessage =
  | { type: "result"; value: unknown }
  | { type: "listening"; value: unknown }
  | { type: "answer"; value: unknown }
  | { type: "failed"; message: string };

/** Options of {@link runChild} and {@link startServerChild}. */
export interface ChildOptions {
  /** Node flags for the child, e.g. `--expose-gc`. */
  execArgv?: string[];
  /** Fail when the child has not answered after this long. Default: 10 minutes for a run, 2 for a server to start. */
  timeoutMs?: number;
}

function spawnChild(script: string | URL, args: readonly string[], options: ChildOptions): ChildProcess {
  return fork(script, args, { execArgv: options.execArgv ?? [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

/** Resolves with the first message of `type` the child sends; rejects when it fails, exits first or takes too long. */
function awaitMessage(
  child: ChildProcess,
  type: "result" | "listening" | "answer",
  label: string,
  timeoutMs: number,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${label}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    const onMessage = (message: ChildMessage) => {
      if (message.type === "failed") {
        finish();
        reject(new Error(`${label}: ${message.message}`));
      } else if (message.type === type) {
        finish();
        resolve(message.value);
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      finish();
      reject(new Error(`${label}: exited (${signal ?? `code ${code}`}) before answering`));
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/**
 * Runs `script` in a fresh Node process and resolves with the value it reports with {@link reportResult}; the child
 * exits after reporting.
 */
export async function runChild<Result>(
  script: string | URL,
  args: readonly string[] = [],
  options: ChildOptions = {},
): Promise<Result> {
  const child = spawnChild(script, args, options);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const value = await awaitMessage(child, "result", String(script), options.timeoutMs ?? 600_000);
  await exited;
  return value as Result;
}

/** A server running in a child process until {@link ServerChild.stop}. */
export interface ServerChild<Info> {
  /** What the server reported once it listened (its URL and whatever the clients need). */
  info: Info;
  /** Ends the child and waits for it to be gone. */
  stop(): Promise<void>;
}

/** Starts `script` in a child process and resolves once it reports with {@link reportListening}. */
export function startServerChild<Info>(
  script: string | URL,
  args: readonly string[] = [],
  options: ChildOptions = {},
): Promise<ServerChild<Info>> {
  return startedChild(spawnChild(script, args, options), script, options);
}

/** `child` once it reported with {@link reportListening}, and how to stop it. */
async function startedChild<Info>(
  child: ChildProcess,
  script: string | URL,
  options: ChildOptions,
): Promise<ServerChild<Info>> {
  const info = (await awaitMessage(child, "listening", String(script), options.timeoutMs ?? 120_000)) as Info;
  return {
    info,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}

/** A child that answers its parent's requests, one at a time, until {@link AskingChild.stop}. */
export interface AskingChild<Info, Request, Answer> {
  /** What the child reported once ready. */
  info: Info;
  /** Sends `request` and resolves with the child's answer (rejects when it fails, exits or takes too long). */
  ask(request: Request, timeoutMs?: number): Promise<Answer>;
  /** Ends the child and waits for it to be gone. */
  stop(): Promise<void>;
}

/**
 * Starts `script` in a child process that, once ready ({@link reportListening}), answers each request the parent
 * asks with the value its {@link answerRequests} handler gives.
 */
export async function startAskingChild<Info, Request, Answer>(
  script: string | URL,
  args: readonly string[] = [],
  options: ChildOptions = {},
): Promise<AskingChild<Info, Request, Answer>> {
  const child = spawnChild(script, args, options);
  const server = await startedChild<Info>(child, script, options);
  return {
    ...server,
    ask: (request, timeoutMs = 600_000) => {
      const answer = awaitMessage(child, "answer", String(script), timeoutMs);
      child.send({ type: "ask", value: request });
      return answer as Promise<Answer>;
    },
  };
}

/** In a child: answers each request the parent asks (see {@link startAskingChild}) with `answer`'s value. */
export function answerRequests(answer: (request: unknown) => Promise<unknown>): void {
  process.on("message", (message: { type?: string; value?: unknown }) => {
    if (message.type !== "ask") return;
    answer(message.value).then(
      (value) => send({ type: "answer", value }),
      (error: unknown) =>
        send({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send)
      return reject(new Error("this script runs as a child of the benchmarks (run-benchmarks.mjs), not on its own"));
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

/** In a child: hands `value` (JSON) to the parent, then ends the process (idle keep-alive sockets would hold it). */
export async function reportResult(value: unknown): Promise<never> {
  await send({ type: "result", value });
  process.exit(0);
}

/**
 * In a server child: tells the parent the server is ready, and what clients need to reach it. The server then runs
 * until the parent stops it, or goes away itself: no server outlives a benchmark run that failed.
 */
export function reportListening(value: unknown): Promise<void> {
  process.once("disconnect", () => process.exit(0));
  return send({ type: "listening", value });
}

/** In a child: runs `main`, and reports its failure to the parent (exit code 1) instead of a bare stack trace. */
export function runAsChild(main: () => Promise<void>): void {
  main().catch(async (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await send({ type: "failed", message }).catch(() => console.error(message));
    process.exit(1);
  });
}
