import { readFileSync, statSync } from "node:fs";
import { isProviderName } from "../provider-names.js";
import { UsageError } from "../usage-error.js";
import type { ProvidersSettings } from "./provider-settings.js";

/** A config file's contents: `{ "providers": { "<provider>": { <adapter options> } } }`. */
export interface ConfigFile {
  providers: ProvidersSettings;
  /** Set when the file can be read by other users of the machine although it may hold credentials. */
  readableByOthers: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads a certkit config file (JSON). Provider names are those of `certkit providers`; each provider's object holds
 * its adapter's options.
 * @throws UsageError when the file is missing, is not JSON, or names an unknown provider.
 */
export function readConfigFile(path: string): ConfigFile {
  let text: string;
  let mode: number;
  try {
    text = readFileSync(path, "utf8");
    mode = statSync(path).mode;
  } catch {
    throw new UsageError(`cannot read the config file ${path}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`the config file ${path} is not valid JSON`);
  }
  if (!isObject(parsed) || !isObject(parsed.providers)) {
    throw new UsageError(`the config file ${path} must hold {"providers": {"<provider>": {...options}}}`);
  }
  const providers: ProvidersSettings = {};
  for (const [name, options] of Object.entries(parsed.providers)) {
    if (!isProviderName(name))
      throw new UsageError(`the config file ${path} names an unknown provider "${name}" (see certkit providers)`);
    if (!isObject(options))
      throw new UsageError(`the config file ${path}: providers["${name}"] must be an object of options`);
    providers[name] = options;
  }
  return { providers, readableByOthers: (mode & 0o077) !== 0 };
}
