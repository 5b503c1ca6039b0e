import type { ProviderName } from "@certkit/certificates";
import type { ExitCode } from "../exit-codes.js";
import { isProviderName, unknownProvider } from "../provider-names.js";
import type { Output } from "../output/output.js";
import type { Session } from "../session.js";

/** One option of a command, as `--help` shows it and `util.parseArgs` reads it. */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** What the value stands for in `--help`, e.g. `FILE`. */
  value?: string;
  description: string;
}

/** What a command is given when it runs. */
export interface CommandContext {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  output: Output;
  /**
   * Reads the configuration and makes the clients (starting the embedded sandbox when nothing is configured);
   * closed by the caller. With `freshEmbeddedSandbox`, the configuration is ignored for a new, empty embedded sandbox.
   */
  session: (options?: { freshEmbeddedSandbox?: boolean }) => Promise<Session>;
  cwd: string;
  /** The environment the command runs in (the process's, or a test's). */
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  /** Names the order the command works on (`provider:id`), so that a failure names it too. */
  about: (label: string) => void;
}

/** A `certkit` command. */
export interface Command {
  name: string;
  /** One line, for `certkit --help`. */
  summary: string;
  /** The argument part of the usage line, e.g. `ID [--out DIR]`. */
  usage: string;
  /** More lines for `certkit <name> --help`. */
  details?: readonly string[];
  options: Readonly<Record<string, OptionSpec>>;
  /** Options of {@link GLOBAL_OPTIONS} it refuses, and so leaves out of its help, each with why (`--config`: ...). */
  refusedGlobalOptions?: Readonly<Record<string, string>>;
  /** How many positional arguments it takes. */
  positionals: { min: number; max: number };
  run(context: CommandContext): Promise<ExitCode>;
}

/** The options every command takes. */
export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  json: {
    type: "boolean",
    description: "print the result as JSON on stdout (see the README for each command's shape)",
  },
  verbose: {
    type: "boolean",
    short: "v",
    description: "show each request and, on failure, the error's details (credentials redacted)",
  },
  config: {
    type: "string",
    value: "FILE",
    description: "read providers from this config file (default: $CERTKIT_CONFIG, then ~/.config/certkit/config.json)",
  },
  sandbox: {
    type: "string",
    value: "URL",
    description: "use a running certkit sandbox for every provider (default: $CERTKIT_SANDBOX_URL)",
  },
  help: { type: "boolean", short: "h", description: "show this help" },
};

/** `--provider NAME`, for commands that work on one provider. */
export const PROVIDER_OPTION: Readonly<Record<string, OptionSpec>> = {
  provider: {
    type: "string",
    short: "p",
    value: "NAME",
    description: "the provider (needed when the id has no provider: prefix and several are configured)",
  },
};

/** `--provider`'s value, checked before anything is opened. @throws UsageError when it names no provider. */
export function providerOption(values: CommandContext["values"]): ProviderName | undefined {
  const provider = values.provider;
  if (typeof provider !== "string") return undefined;
  if (!isProviderName(provider)) throw unknownProvider(provider);
  return provider;
}
