import { parseArgs } from "node:util";
import { GLOBAL_OPTIONS, type Command, type OptionSpec } from "../commands/command.js";
import { UsageError } from "../usage-error.js";
import { didYouMean } from "./closest-name.js";

/** The options and positional arguments of one command line. */
export interface CommandLine {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

const flag = (name: string) => `--${name}`;

/**
 * Reads a command's arguments. Problems are told in the CLI's own words, one line each, with the option meant when
 * one is close to a mistyped one.
 * @throws UsageError for an unknown option, an option without its value (or a flag with one), or too few or too
 *   many arguments.
 */
export function parseCommandLine(command: Command, args: string[]): CommandLine {
  const options: Record<string, OptionSpec> = { ...command.options, ...GLOBAL_OPTIONS };
  const config = Object.fromEntries(
    Object.entries(options).map(([name, spec]) => [
      name,
      { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) },
    ]),
  );
  const help = `certkit ${command.name} --help`;
  // A lenient pass finds what is wrong, so that it can be said better than parseArgs would.
  for (const token of parseArgs({ args, options: config, strict: false, allowPositionals: true, tokens: true })
    .tokens) {
    if (token.kind !== "option") continue;
    const spec = options[token.name];
    if (spec === undefined) {
      const guess = token.rawName.startsWith("--") ? didYouMean(token.name, Object.keys(options), flag) : "";
      throw new UsageError(`certkit ${command.name} has no option ${token.rawName}${guess}`, help);
    }
    if (spec.type === "string" && (token.value === undefined || (!token.inlineValue && token.value.startsWith("-")))) {
      throw new UsageError(
        `${token.rawName} needs a value: ${token.rawName} ${spec.value ?? "VALUE"} (a value that starts with "-" goes as ${token.rawName}=VALUE)`,
        help,
      );
    }
    if (spec.type === "boolean" && token.value !== undefined)
      throw new UsageError(`${token.rawName} takes no value`, help);
  }
  const parsed = parseArgs({ args, options: config, strict: true, allowPositionals: true }) as CommandLine;
  if (parsed.values.help !== true) {
    const { min, max } = command.positionals;
    const count = parsed.positionals.length;
    if (count < min)
      throw new UsageError(`certkit ${command.name} needs ${command.usage.split(" ").slice(0, min).join(" ")}`, help);
    if (count > max)
      throw new UsageError(
        `certkit ${command.name} takes ${max === 0 ? "no arguments" : `${max} argument${max === 1 ? "" : "s"}`}; got ${parsed.positionals.join(" ")}`,
        help,
      );
  }
  return parsed;
}
