#!/usr/bin/env node
// `certkit-fleet`: the fleet's commands on their own (`certkit fleet ...` runs the same). Ctrl-C or SIGTERM drains:
// running steps finish and the process exits; a second Ctrl-C exits at once.
import { FLEET_EXIT } from "./commands/fleet-exit-codes.js";
import { runFleetCommand } from "./commands/run-fleet-command.js";

const interrupt = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
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
