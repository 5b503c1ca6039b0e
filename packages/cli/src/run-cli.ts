import { didYouMean } from "./arguments/closest-name.js";
import { parseCommandLine } from "./arguments/parse-command-line.js";
import { COMMANDS } from "./commands/all-commands.js";
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
    const names = COMMANDS.map((candidate) => candidate.name);
    return reportFailure(
      new UsageError(`there is no command "${name}"${didYouMean(name, names)}`, "certkit --help"),
      output,
    );
  }
  let session: Session | undefined;
  let subject: string | undefined;
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
      env: environment.env,
      signal: environment.signal,
      about: (label) => (subject = label),
      session: async (options = {}) => {
        if (session !== undefined) return session;
        const configuration = options.freshEmbeddedSandbox
          ? { kind: "embedded-sandbox" as const, stateFile: sandboxStatePath(environment.env) }
          : loadConfiguration({
              env: environment.env,
              configPath: values.config as string | undefined,
              sandboxUrl: values.sandbox as string | undefined,
            });
        session = await openSession(configuration, output, { freshSandbox: options.freshEmbeddedSandbox ?? false });
        return session;
      },
    });
  } catch (error) {
    code = reportFailure(error, output, subject);
  }
  try {
    await session?.close();
  } catch (error) {
    code = reportFailure(error, output);
  }
  return code;
}
