import { parseArgs } from "node:util";
import { isCertkitError } from "@certkit/certificates";
import type { FleetCommandIo } from "./fleet-command-io.js";
import { FLEET_EXIT, type FleetExitCode } from "./fleet-exit-codes.js";
import { FleetUsageError } from "./fleet-usage-error.js";
import { FLEET_COMMANDS } from "./fleet-commands.js";
import { terminalText } from "./terminal-text.js";

export const USAGE = `Usage: certkit fleet <command> [options]

Keeps the certificates of a fleet file valid: ordered, validated, issued, delivered and renewed, by workers that share
one PostgreSQL database (an embedded one by default).

Commands:
  run [--workers N] [--concurrency N]   apply the fleet file and work its jobs until Ctrl-C (which drains)
  status [--watch] [--json]             each certificate: state, expiry, next step and when, last error
  resync                                rebuild the store from each provider's list of orders

Options:
  -f, --file FILE          the fleet file (default: $CERTKIT_FLEET_FILE, else fleet.yaml)
  --database-url URL       a shared PostgreSQL server (default: $DATABASE_URL, else the embedded server)
  --data-dir DIR           where the embedded server lives (default: $CERTKIT_FLEET_DATA_DIR, else
                           $XDG_STATE_HOME/certkit/fleet-postgres)
  -h, --help               show this help

Environment:
  DATABASE_URL             the shared PostgreSQL server, when --database-url is not given
  CERTKIT_FLEET_FILE       the fleet file, when --file is not given
  CERTKIT_FLEET_DATA_DIR   the embedded server's folder, when --data-dir is not given
  XDG_STATE_HOME           the embedded server is in $XDG_STATE_HOME/certkit/fleet-postgres by default (else
                           ~/.local/state/certkit/fleet-postgres; as root /var/lib/certkit/fleet-postgres)
  the variables an account's env names in the fleet file: its provider's credentials, read by each worker
  CERTKIT_FLEET_STARTED_BY set by run on the workers it starts (not to be set by hand)

Exit codes: 0 done, 1 failed, 2 bad usage or fleet file, 130 interrupted.`;

/**
 * Runs `certkit fleet <command> ...` (the arguments after `fleet`) and resolves with its exit code. Errors are one
 * line on stderr, `certkit fleet: <what went wrong>`; a fleet file's problems are one line each, with line and column.
 */
export async function runFleetCommand(argv: readonly string[], io: FleetCommandIo): Promise<FleetExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${USAGE}\n`);
    return name === undefined ? FLEET_EXIT.usage : FLEET_EXIT.ok;
  }
  const command = FLEET_COMMANDS[name as keyof typeof FLEET_COMMANDS] as
    | (typeof FLEET_COMMANDS)[keyof typeof FLEET_COMMANDS]
    | undefined;
  try {
    if (!command) throw new FleetUsageError(`unknown command "${name}": run, status or resync`);
    let parsed: ReturnType<
      typeof parseArgs<{ options: typeof command.options; allowPositionals: false; strict: true; args: string[] }>
    >;
    try {
      parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: false, strict: true });
    } catch (error) {
      throw new FleetUsageError((error as Error).message);
    }
    if (parsed.values.help === true) {
      io.stdout.write(`${USAGE}\n`);
      return FLEET_EXIT.ok;
    }
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, io);
  } catch (error) {
    if (error instanceof FleetUsageError) {
      io.stderr.write(`certkit fleet: ${error.message}\n(certkit fleet --help shows the usage)\n`);
      return FLEET_EXIT.usage;
    }
    if (isCertkitError(error, "INVALID_INPUT")) {
      io.stderr.write(`certkit fleet: ${error.message}\n`);
      return FLEET_EXIT.usage;
    }
    if (io.signal.aborted) return FLEET_EXIT.interrupted;
    io.stderr.write(`certkit fleet: ${terminalText(error instanceof Error ? error.message : String(error))}\n`);
    return FLEET_EXIT.failed;
  }
}
