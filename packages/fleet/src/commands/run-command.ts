import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openFleet } from "../fleet.js";
import type { StepOutcome } from "../jobs/run-step.js";
import { databaseLocation, fleetFilePath, readFleetFile, type CommandValues } from "./command-settings.js";
import { FLEET_EXIT, type FleetExitCode } from "./fleet-exit-codes.js";
import { FleetUsageError } from "./fleet-usage-error.js";
import { COMMON_OPTIONS, type FleetCommandIo } from "./fleet-command-io.js";
import { terminalText } from "./terminal-text.js";

/** The fleet's own command, which `run --workers N` starts N - 1 more of (found from the package, built or not). */
const FLEET_BIN = join(dirname(fileURLToPath(import.meta.resolve("@certkit/fleet/package.json"))), "dist", "bin.js");

const PROGRESS_INTERVAL_MS = 10_000;

/** Set (to the pid of the `run` that started it) in the environment of each worker `run --workers N` starts. */
export const STARTED_BY_RUN = "CERTKIT_FLEET_STARTED_BY";

function positiveInteger(values: CommandValues, name: string, fallback: number, most: number): number {
  const text = values[name];
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > most)
    throw new FleetUsageError(`--${name} must be a whole number from 1 to ${most}, got "${String(text)}"`);
  return value;
}

function logOutcome(io: FleetCommandIo, outcome: StepOutcome): void {
  // The message is a provider's or a hook's text.
  if (outcome.outcome === "failed")
    io.stderr.write(
      `certkit fleet: ${outcome.key} failed at ${outcome.step}: ${terminalText(outcome.message ?? "")}\n`,
    );
  else if (outcome.outcome === "retry")
    io.stderr.write(
      `certkit fleet: ${outcome.key} ${outcome.step} will be tried again: ${terminalText(outcome.message ?? "")}\n`,
    );
}

/**
 * `certkit fleet run [--workers N] [--concurrency N]`: applies the fleet file, then works the fleet's jobs in this
 * process and N - 1 more (each its own process, sharing the database) until Ctrl-C or SIGTERM. Then each drains:
 * takes no new job, lets running steps finish, and exits 0.
 */
export const runCommand = {
  options: {
    ...COMMON_OPTIONS,
    workers: { type: "string" },
    concurrency: { type: "string" },
    "worker-only": { type: "boolean" },
  },
  async run(values: CommandValues, io: FleetCommandIo): Promise<FleetExitCode> {
    const workers = positiveInteger(values, "workers", 1, 64);
    const concurrency = positiveInteger(values, "concurrency", 4, 100);
    const file = await readFleetFile(values, io);
    const location = databaseLocation(values, io);
    const fleet = await openFleet({
      file,
      ...location,
      concurrency,
      onStep: (outcome) => logOutcome(io, outcome),
      onError: (error) => io.stderr.write(`certkit fleet: ${terminalText(error.message)}\n`),
    });
    const children: ChildProcess[] = [];
    let progress: NodeJS.Timeout | undefined;
    try {
      if (values["worker-only"] !== true) {
        const sent = await fleet.apply();
        io.stderr.write(
          `certkit fleet: ${file.certificates.length} certificates in ${fleetFilePath(values, io)}; ${sent} to start\n`,
        );
        const shared = ["--file", fleetFilePath(values, io), "--concurrency", String(concurrency)];
        if (location.embeddedDir !== undefined) shared.push("--data-dir", location.embeddedDir);
        for (let index = 1; index < workers; index++) {
          // The URL goes by environment, not argument, so it stays out of `ps`.
          const env = {
            ...io.env,
            [STARTED_BY_RUN]: String(process.pid),
            ...(location.databaseUrl === undefined ? {} : { DATABASE_URL: location.databaseUrl }),
          };
          const child = spawn(process.execPath, [FLEET_BIN, "run", "--worker-only", ...shared], {
            env,
            cwd: io.cwd,
            stdio: ["ignore", "inherit", "inherit"],
          });
          // A worker that ends otherwise than by draining is said: its running steps go to the other workers.
          child.on("exit", (code, signal) => {
            if (code !== 0)
              io.stderr.write(
                `certkit fleet: worker process ${child.pid} ${signal === null ? `exited with ${code}` : `was ended by ${signal}`}\n`,
              );
          });
          children.push(child);
        }
        progress = setInterval(() => {
          fleet.status().then(
            (rows) => {
              const delivered = rows.filter((row) => row.state === "delivered").length;
              const failed = rows.filter((row) => row.state === "failed").length;
              io.stderr.write(
                `certkit fleet: ${delivered} of ${rows.length} delivered${failed === 0 ? "" : `, ${failed} failed`}\n`,
              );
            },
            () => undefined,
          );
        }, PROGRESS_INTERVAL_MS);
      }
      await fleet.work();
      io.stderr.write(
        `certkit fleet: working with ${workers} worker${workers === 1 ? "" : "s"} (Ctrl-C drains and stops)\n`,
      );
      if (!io.signal.aborted)
        await new Promise((resolve) => io.signal.addEventListener("abort", resolve, { once: true }));
      io.stderr.write("certkit fleet: draining: running steps finish, no new ones start\n");
      return FLEET_EXIT.ok;
    } finally {
      clearInterval(progress);
      const exited = children.map(
        (child) =>
          new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(undefined))),
      );
      // SIGTERM, which a worker drains on (it ignores SIGINT: Ctrl-C at a terminal reaches it directly too).
      for (const child of children) child.kill("SIGTERM");
      await fleet.close();
      await Promise.all(exited);
    }
  },
} as const;
