import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { UsageError } from "../usage-error.js";
import { CONFIG_FILE_VARIABLE, SANDBOX_STATE_VARIABLE, SANDBOX_URL_VARIABLE } from "./environment-variables.js";
import type { ProvidersSettings } from "./provider-settings.js";
import { readConfigFile } from "./read-config-file.js";
import { readEnvironment } from "./read-environment.js";

/**
 * Where the CLI's providers come from:
 * - `providers`: real provider accounts, from a config file and the environment;
 * - `sandbox-server`: a running certkit sandbox (`certkit-sandbox`), for every provider;
 * - `embedded-sandbox`: nothing configured, so a sandbox runs inside the CLI, its state kept in `stateFile`.
 */
export type Configuration =
  | { kind: "providers"; providers: ProvidersSettings; warnings: string[] }
  | { kind: "sandbox-server"; url: string }
  | { kind: "embedded-sandbox"; stateFile: string };

/** What the configuration is read from. */
export interface ConfigurationSources {
  env: NodeJS.ProcessEnv;
  /** `--config FILE`. */
  configPath: string | undefined;
  /** `--sandbox URL`. */
  sandboxUrl: string | undefined;
}

/** A variable's value, where an empty one counts as unset (as shells make it easy to set one empty). */
function variable(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === "" ? undefined : value;
}

/** `$XDG_CONFIG_HOME/certkit/config.json`, or `~/.config/certkit/config.json`. */
export function defaultConfigPath(env: NodeJS.ProcessEnv): string {
  return join(variable(env, "XDG_CONFIG_HOME") ?? join(homedir(), ".config"), "certkit", "config.json");
}

/** `$CERTKIT_SANDBOX_STATE`, or `$XDG_STATE_HOME/certkit/sandbox.json`, or `~/.local/state/certkit/sandbox.json`. */
export function sandboxStatePath(env: NodeJS.ProcessEnv): string {
  const explicit = variable(env, SANDBOX_STATE_VARIABLE);
  if (explicit !== undefined) return resolve(explicit);
  return join(variable(env, "XDG_STATE_HOME") ?? join(homedir(), ".local", "state"), "certkit", "sandbox.json");
}

function checkSandboxUrl(url: string, from: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`${from} must be the sandbox's URL, like http://127.0.0.1:4010`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new UsageError(`${from} must be an http(s) URL`);
  return parsed.origin;
}

/**
 * Works out the configuration: `--sandbox`/`CERTKIT_SANDBOX_URL` first; else the config file (`--config`,
 * `CERTKIT_CONFIG`, or the default path if it exists) with the environment's variables over it; else the embedded
 * sandbox.
 * @throws UsageError for a config file that cannot be used, or a provider configured by halves.
 */
export function loadConfiguration(sources: ConfigurationSources): Configuration {
  const { env } = sources;
  const sandboxUrl = sources.sandboxUrl ?? variable(env, SANDBOX_URL_VARIABLE);
  if (sandboxUrl !== undefined) {
    return {
      kind: "sandbox-server",
      url: checkSandboxUrl(sandboxUrl, sources.sandboxUrl !== undefined ? "--sandbox" : SANDBOX_URL_VARIABLE),
    };
  }
  const explicitFile = sources.configPath ?? variable(env, CONFIG_FILE_VARIABLE);
  const fallbackFile = defaultConfigPath(env);
  const configFile =
    explicitFile !== undefined ? resolve(explicitFile) : existsSync(fallbackFile) ? fallbackFile : undefined;
  const file = configFile === undefined ? undefined : readConfigFile(configFile);
  const providers = readEnvironment(env, file?.providers);
  if (Object.keys(providers).length === 0) return { kind: "embedded-sandbox", stateFile: sandboxStatePath(env) };
  const warnings = file?.readableByOthers
    ? [`the config file ${configFile} can be read by other users: chmod 600 it, since it may hold credentials`]
    : [];
  return { kind: "providers", providers, warnings };
}
