import { isCertkitError } from "@certkit/certificates";
import type * as FleetModule from "@certkit/fleet";
import type { FleetCommandName } from "@certkit/fleet";
import { createRedactor } from "@certkit/runtime";
import { didYouMean } from "../arguments/closest-name.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Output, TextStream } from "../output/output.js";
import { UsageError } from "../usage-error.js";
import type { Command, CommandContext } from "./command.js";

const HELP = "certkit fleet --help";

/**
 * Why a fleet command cannot run: `@certkit/fleet` is not installed beside the CLI. The CLI loads it from where the CLI
 * itself is installed, so a CLI installed with `--global` (as the README installs it) needs it installed with `--global`.
 */
export class FleetNotInstalledError extends Error {
  override readonly name = "FleetNotInstalledError";
  constructor() {
    super(
      "the package @certkit/fleet is not installed beside the CLI: npm install --global @certkit/fleet " +
        "(without --global, in the project, when @certkit/cli is a project's dependency)",
    );
  }
}

/**
 * Loads `@certkit/fleet`, an optional peer (it brings PostgreSQL's binaries, which a CLI used without fleets must not
 * download). @throws FleetNotInstalledError when it is not installed, instead of a module error.
 */
export async function loadFleet(load: () => Promise<typeof FleetModule> = () => import("@certkit/fleet")) {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "ERR_MODULE_NOT_FOUND" && String((error as Error).message).includes("'@certkit/fleet'"))
      throw new FleetNotInstalledError();
    throw error;
  }
}

/** Options every `certkit` command takes that mean nothing to a fleet: its accounts and sandboxes are in the fleet file. */
const NOT_FOR_FLEETS: Readonly<Record<string, string>> = {
  config: "a fleet's accounts, and the environment variables their credentials come from, are in the fleet file",
  sandbox: "a fleet account uses a sandbox with sandbox: URL in the fleet file",
};

/** The password in a database URL, which no message may show (pg's errors do not, but a URL may end up in one). */
function passwordOf(url: string | undefined): string[] {
  if (url === undefined) return [];
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password === "" ? [] : [password];
  } catch {
    return [];
  }
}

/** A stream that writes through a redactor, keeping whether it is a terminal (`status --watch` redraws on one). */
function redacted(stream: TextStream, secrets: readonly string[]): TextStream {
  const redactor = createRedactor(secrets);
  return {
    write: (text: string) => stream.write(redactor.text(text)),
    ...(stream.isTTY === undefined ? {} : { isTTY: stream.isTTY }),
  };
}

/**
 * The fleet file's problems one line each (`certkit: fleet.yaml:4:13: certificates[0].names[0]: ...`), as the fleet
 * reports them in its `INVALID_INPUT` error's message, under the line that counts them; exit 2.
 */
function reportFleetFileProblems(message: string, output: Output): ExitCode {
  const [heading, ...problems] = message.split("\n");
  output.note(`certkit: ${heading}`);
  for (const problem of problems) output.note(`  ${problem}`);
  output.json({ error: { code: "INVALID_INPUT", message: heading, problems } });
  return EXIT.usage;
}

/**
 * A failure of the fleet itself (its database cannot be reached or started, a worker could not start): one line,
 * `certkit: fleet: ...`, and `{"error": {"code": "FLEET", message}}` with `--json`; exit 1.
 */
function reportFleetFailure(error: Error, output: Output): ExitCode {
  output.note(`certkit: fleet: ${error.message}`);
  if (error.stack !== undefined) output.verbose(error.stack);
  output.json({ error: { code: "FLEET", message: error.message } });
  return EXIT.failed;
}

/** Checks the action, the options it takes and its FILE, in the CLI's words. @throws UsageError */
function checkedAction(
  values: CommandContext["values"],
  positionals: readonly string[],
  actions: readonly FleetCommandName[],
  accepted: (action: FleetCommandName) => readonly string[],
): FleetCommandName {
  const [action, file] = positionals as [string, string | undefined];
  const known = actions.find((candidate) => candidate === action);
  if (known === undefined)
    throw new UsageError(
      `certkit fleet does ${actions.join(", ")}; not "${action}"${didYouMean(action, actions)}`,
      HELP,
    );
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || name === "help" || name === "verbose") continue;
    const instead = Object.hasOwn(NOT_FOR_FLEETS, name) ? NOT_FOR_FLEETS[name] : undefined;
    if (instead !== undefined) throw new UsageError(`certkit fleet takes no --${name}: ${instead}`, HELP);
    if (!accepted(known).includes(name))
      throw new UsageError(
        `certkit fleet ${known} has no option --${name}${didYouMean(name, accepted(known), (option) => `--${option}`)}`,
        HELP,
      );
  }
  // status reads the database alone, whatever file made it.
  if (file !== undefined && known === "status")
    throw new UsageError("certkit fleet status takes no FILE: it reads the fleet's database", HELP);
  return known;
}

/**
 * `certkit fleet run|status|resync`: the fleet's own commands (`@certkit/fleet`), read with the CLI's conventions.
 * The CLI checks the command line and reports failures; the fleet does the work. `@certkit/fleet` (PostgreSQL,
 * pg-boss) is loaded only when a fleet command runs, so the other commands start as quickly as before.
 */
export const fleetCommand: Command = {
  name: "fleet",
  refusedGlobalOptions: NOT_FOR_FLEETS,
  summary:
    "keep a fleet file's certificates valid: run workers, show each certificate's status, resync from the providers",
  usage: "run|status|resync [FILE] [--workers N] [--watch] [--database-url URL]",
  details: [
    "run [FILE]: applies the fleet file (default: $CERTKIT_FLEET_FILE, else fleet.yaml) and works its jobs in this",
    "  process and --workers N - 1 more, until Ctrl-C or SIGTERM, which drains: running steps finish, exit 0.",
    "status [--watch]: each certificate's state, expiry, next step and when, and last error, from the database alone;",
    "  --watch looks again every 2 s until Ctrl-C (redrawn on a terminal, printed on each change otherwise).",
    "resync [FILE]: rebuilds the database from each account's list of orders at its provider.",
    "",
    "The database is --database-url URL, else $DATABASE_URL, else an embedded PostgreSQL (--data-dir DIR, else",
    "$CERTKIT_FLEET_DATA_DIR, else ~/.local/state/certkit/fleet-postgres). Credentials are never in the fleet file nor",
    "the database: each account's env names the environment variables that hold them. See @certkit/fleet's README.",
    "",
    "environment:",
    "  DATABASE_URL              the shared PostgreSQL server, when --database-url is not given",
    "  CERTKIT_FLEET_FILE        the fleet file, when FILE is not given (else fleet.yaml)",
    "  CERTKIT_FLEET_DATA_DIR    the embedded PostgreSQL's folder, when --data-dir is not given",
    "  XDG_STATE_HOME            the embedded PostgreSQL is in $XDG_STATE_HOME/certkit/fleet-postgres by default",
    "                            (else ~/.local/state/...; as root /var/lib/certkit/fleet-postgres)",
    "  the variables an account's env names in the fleet file: its provider's credentials, read by each worker",
    "  CERTKIT_FLEET_STARTED_BY  set by run on the workers it starts (not to be set by hand)",
  ],
  options: {
    workers: {
      type: "string",
      value: "N",
      description: "run: worker processes, this one and N - 1 more (1 to 64; default 1)",
    },
    concurrency: {
      type: "string",
      value: "N",
      description: "run: jobs of one queue each worker runs at once (1 to 100; default 4)",
    },
    watch: { type: "boolean", description: "status: look again every 2 s until Ctrl-C" },
    "database-url": {
      type: "string",
      value: "URL",
      description: "a shared PostgreSQL server (default: $DATABASE_URL, else the embedded one)",
    },
    "data-dir": {
      type: "string",
      value: "DIR",
      description: "the embedded PostgreSQL's folder (default: $CERTKIT_FLEET_DATA_DIR)",
    },
  },
  positionals: { min: 1, max: 2 },
  async run({ values, positionals, output, cwd, env, signal }) {
    let fleet: Awaited<ReturnType<typeof loadFleet>>;
    try {
      fleet = await loadFleet();
    } catch (error) {
      if (error instanceof FleetNotInstalledError) return reportFleetFailure(error, output);
      throw error;
    }
    const { FLEET_COMMANDS, FleetUsageError } = fleet;
    const actions = Object.keys(FLEET_COMMANDS) as FleetCommandName[];
    const action = checkedAction(values, positionals, actions, (name) => Object.keys(FLEET_COMMANDS[name].options));
    const file = positionals[1];
    const secrets = passwordOf((values["database-url"] as string | undefined) ?? env.DATABASE_URL);
    output.addSecrets(secrets);
    const io = { stdout: redacted(output.stdout, secrets), stderr: redacted(output.stderr, secrets), env, cwd, signal };
    try {
      return await FLEET_COMMANDS[action].run({ ...values, ...(file === undefined ? {} : { file }) }, io);
    } catch (error) {
      if (error instanceof FleetUsageError) throw new UsageError(error.message, HELP);
      if (isCertkitError(error, "INVALID_INPUT") && error.provider === "fleet")
        return reportFleetFileProblems(error.message, output);
      if (signal.aborted) return EXIT.interrupted;
      if (isCertkitError(error) || !(error instanceof Error)) throw error;
      return reportFleetFailure(error, output);
    }
  },
};
