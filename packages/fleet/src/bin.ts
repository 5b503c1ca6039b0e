#!/usr/bin/env node
// `certkit-fleet`: the fleet's commands on their own (`certkit fleet ...` runs the same). Ctrl-C or SIGTERM drains:
// running steps finish and the process exits; a second Ctrl-C exits at once.
import { FLEET_EXIT } from "./commands/fleet-exit-codes.js";
import { runFleetCommand } from "./commands/run-fleet-command.js";
import { STARTED_BY_RUN } from "./commands/run-command.js";

const interrupt = new AbortController();
// A worker that `run --workers N` started is in the terminal's process group, so Ctrl-C reaches it as well as the
// `run` that started it, which then sends it SIGTERM: were SIGINT a first signal too, that SIGTERM would be its
// second, and it would exit at once instead of draining. So it drains on SIGTERM alone, sent once by its `run`.
const startedByRun = process.env[STARTED_BY_RUN] !== undefined;
if (startedByRun) process.on("SIGINT", () => undefined);
for (const signal of startedByRun ? (["SIGTERM"] as const) : (["SIGINT", "SIGTERM"] as const)) {
  process.on(signal, () => {
    if (interrupt.signal.aborted) process.exit(FLEET_EXIT.interrupted);
    interrupt.abort(new Error("interrupted"));
  });
}

process.exitCode = await runFleetCommand(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
});
