import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

/** Fleet worker processes (`certkit-fleet run --worker-only`), which a test can kill and restart. */
export class WorkerProcesses {
  readonly #args: string[];
  readonly #env: NodeJS.ProcessEnv;
  readonly workers: ChildProcess[] = [];
  /** What the workers wrote to stderr, for a failure's message. */
  log = "";

  constructor(count: number, args: string[], env: NodeJS.ProcessEnv) {
    this.#args = args;
    this.#env = env;
    for (let index = 0; index < count; index++) this.workers.push(this.#start());
  }

  #start(): ChildProcess {
    const child = spawn(process.execPath, [BIN, "run", "--worker-only", ...this.#args], {
      env: this.#env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr.on("data", (chunk: Buffer) => {
      this.log = `${this.log}${chunk.toString()}`.slice(-20_000);
    });
    return child;
  }

  /** Kills worker `index` with SIGKILL (no chance to clean up) and starts a new one in its place. */
  async killAndRestart(index: number): Promise<void> {
    const victim = this.workers[index]!;
    const gone = new Promise((resolve) => victim.once("exit", resolve));
    victim.kill("SIGKILL");
    await gone;
    this.workers[index] = this.#start();
  }

  /** Sends SIGINT to every worker and resolves with their exit codes once they have drained. */
  async stop(): Promise<(number | null)[]> {
    const exits = this.workers.map((child) =>
      child.exitCode !== null
        ? Promise.resolve(child.exitCode)
        : new Promise<number | null>((resolve) => child.once("exit", resolve)),
    );
    for (const child of this.workers) child.kill("SIGINT");
    return Promise.all(exits);
  }
}
