import { GLOBAL_OPTIONS, type Command, type OptionSpec } from "../commands/command.js";
import { PROVIDER_VARIABLES } from "../config/environment-variables.js";
import { PROVIDERS } from "@certkit/certificates/providers";
import { formatTable } from "./format-table.js";

function optionRows(options: Readonly<Record<string, OptionSpec>>): string[][] {
  return Object.entries(options).map(([name, spec]) => [
    `${spec.short === undefined ? "    " : `-${spec.short}, `}--${name}${spec.value === undefined ? "" : ` ${spec.value}`}`,
    spec.description,
  ]);
}

/** `a, b and c`. */
function namesList(names: readonly string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** `certkit --help`: the commands, the options they all take, the configuration and the exit codes. */
export function generalHelp(commands: readonly Command[]): string[] {
  return [
    "certkit: order, validate, wait for, download and manage SSL/TLS certificates at",
    `${namesList(PROVIDERS.map((provider) => provider.displayName))}.`,
    "With no provider configured it runs against an embedded sandbox, offline.",
    "",
    "usage: certkit <command> [arguments] [options]",
    "",
    "commands:",
    ...formatTable(
      ["", ""],
      commands.map((command) => [`  ${command.name}`, command.summary]),
    ).slice(1),
    "",
    "options of every command:",
    ...formatTable(
      ["", ""],
      optionRows(GLOBAL_OPTIONS).map(([flag, text]) => [`  ${flag}`, text!]),
    ).slice(1),
    "",
    'configuration: a JSON config file {"providers": {"<provider>": {<adapter options>}}} and these variables over it:',
    ...PROVIDER_VARIABLES.map(
      (variable) =>
        `  ${variable.name.padEnd(36)}${variable.provider} ${variable.option}${variable.secret ? " (secret)" : ""}`,
    ),
    "  CERTKIT_SANDBOX_URL, CERTKIT_SANDBOX_STATE, CERTKIT_CONFIG: see --sandbox, the embedded sandbox's state file, --config",
    "  DATABASE_URL, CERTKIT_FLEET_FILE, CERTKIT_FLEET_DATA_DIR: certkit fleet's database, fleet file and embedded",
    "  PostgreSQL's folder (certkit fleet --help lists every variable the fleet reads)",
    "",
    "exit codes: 0 done, 1 the operation failed, 2 bad usage or input (nothing was sent), 130 interrupted (Ctrl-C).",
    "certkit <command> --help shows a command's options.",
  ];
}

/** `certkit <command> --help`. */
export function commandHelp(command: Command): string[] {
  return [
    `certkit ${command.name}: ${command.summary}`,
    "",
    `usage: certkit ${command.name}${command.usage === "" ? "" : ` ${command.usage}`} [--json] [--verbose]`,
    ...(command.details === undefined ? [] : ["", ...command.details]),
    "",
    "options:",
    ...formatTable(
      ["", ""],
      optionRows({ ...command.options, ...globalOptionsOf(command) }).map(([flag, text]) => [`  ${flag}`, text!]),
    ).slice(1),
  ];
}

/** The global options `command` takes: all but those it refuses. */
function globalOptionsOf(command: Command): Record<string, OptionSpec> {
  const refused = command.refusedGlobalOptions ?? {};
  return Object.fromEntries(Object.entries(GLOBAL_OPTIONS).filter(([name]) => !Object.hasOwn(refused, name)));
}
