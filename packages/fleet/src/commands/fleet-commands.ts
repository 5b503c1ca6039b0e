import { resyncCommand } from "./resync-command.js";
import { runCommand } from "./run-command.js";
import { statusCommand } from "./status-command.js";

/**
 * The fleet's commands by name, for a command line of their own (`certkit-fleet`) or another's (`certkit fleet`):
 * each takes its options' values as `util.parseArgs` reads them (its `options`) and resolves with an exit code.
 * They throw rather than print a failure: `FleetUsageError` for bad usage, `CertkitError` `INVALID_INPUT` for a bad
 * fleet file or settings (its `fieldErrors` hold each problem with its line and field), anything else for a failure.
 */
export const FLEET_COMMANDS = { run: runCommand, status: statusCommand, resync: resyncCommand } as const;

/** The name of one of {@link FLEET_COMMANDS}. */
export type FleetCommandName = keyof typeof FLEET_COMMANDS;
