import { parseArgs } from "node:util";
import { COMMANDS } from "./commands/all-commands.js";
import { GLOBAL_OPTIONS, type Command, type OptionSpec } from "./commands/command.js";
import { loadConfiguration, sandboxStatePath } from "./config/load-configuration.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { commandHelp, generalHelp } from "./output/help-text.js";
import { Output, type TextStream } from "./output/output.js";
import { reportFailure } from "./output/report-failure.js";
import { openSession, type Session } from "./session.js";
import { UsageError } from "./usage-error.js";
import { PACKAGE_VERSION } from "./version.js";

/** What a run of the CLI reads and writes: the process's, or stand-ins. */
export interface CliEnvironment {
  stdout: TextStream;
  stderr: TextStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on Ctrl-C: the running command stops its requests and waiting. */
  signal: AbortSignal;
}

type ParsedValues = Record<string, string | boolean | string[] | undefined>;

function parseCommandLine(command: Command, args: string[]): { values: ParsedValues; positionals: string[] } {
  const options: Record<string, OptionSpec> = { ...command.options, ...GLOBAL_OPTIONS };
  let parsed: { values: ParsedValues; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: Object.fromEntries(
        Object.entries(options).map(([name, spec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) }]),
      ),
      allowPositionals: true,
      strict: true,
    }) as { values: ParsedValues; positionals: string[] };
  } catch (error) {
    // parseArgs says what is wrong in words fit for the user ("Unknown option '--x'"); only its hint goes.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ""), `certkit ${command.name} --help`);
  }
  if (parsed.values.help !== true) {
    const { min, max } = command.positionals;
    const count = parsed.positionals.length;
    const help = `certkit ${command.name} --help`;
    if (count < min) throw new UsageError(`certkit ${command.name} needs ${command.usage.split(" ")[0]}`, help);
    if (count > max) throw new UsageError(`certkit ${command.name} takes ${max === 0 ? "no arguments" : `${max} argument${max === 1 ? "" : "s"}`}; got ${parsed.positionals.join(" ")}`, help);
  }
  return parsed;
}

/** The flags `--json` and `--verbose` wherever they are on the line, for reporting a failure to parse the rest. */
function flagsOf(args: readonly string[]) {
  return { json: args.includes("--json"), verbose: args.includes("--verbose") || args.includes("-v") };
}

/**
 * Runs `certkit` with `args` (the command line without `node` and the script) and resolves with the exit code.
 * Failures are reported (one line on stderr, details with `--verbose`), never thrown.
 */
export async function runCli(args: string[], environment: CliEnvironment): Promise<ExitCode> {
  const [name, ...rest] = args;
  const output = new Output(environment.stdout, environment.stderr, flagsOf(args));
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    // Asked for, the help is the result (stdout); as the answer to a bare `certkit`, it explains an error (stderr).
    const stream = name === undefined ? environment.stderr : environment.stdout;
    for (const line of generalHelp(COMMANDS)) stream.write(`${line}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-V") {
    environment.stdout.write(`${PACKAGE_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    return reportFailure(new UsageError(`unknown command "${name}"; the commands are ${COMMANDS.map((c) => c.name).join(", ")}`, "certkit --help"), output);
  }
  let session: Session | undefined;
  let code: ExitCode;
  try {
    const { values, positionals } = parseCommandLine(command, rest);
    if (values.help === true) {
      for (const line of commandHelp(command)) environment.stdout.write(`${line}\n`);
      return EXIT.ok;
    }
    code = await command.run({
      values,
      positionals,
      output,
      cwd: environment.cwd,
      signal: environment.signal,
      session: async (options = {}) => {
        if (session !== undefined) return session;
        const configuration = options.freshEmbeddedSandbox
          ? { kind: "embedded-sandbox" as const, stateFile: sandboxStatePath(environment.env) }
          : loadConfiguration({ env: environment.env, configPath: values.config as string | undefined, sandboxUrl: values.sandbox as string | undefined });
        session = await openSession(configuration, output, { freshSandbox: options.freshEmbeddedSandbox ?? false });
        return session;
      },
    });
  } catch (error) {
    code = reportFailure(error, output);
  }
  try {
    await session?.close();
  } catch (error) {
    code = reportFailure(error, output);
  }
  return code;
}
