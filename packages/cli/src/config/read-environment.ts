import { PROVIDER_NAMES } from "../provider-names.js";
import { UsageError } from "../usage-error.js";
import { PROVIDER_VARIABLES, type ProviderVariable } from "./environment-variables.js";
import type { ProvidersSettings } from "./provider-settings.js";

function parseValue(variable: ProviderVariable, text: string): unknown {
  if (variable.type === "integer") {
    if (!/^\d+$/.test(text.trim())) throw new UsageError(`${variable.name} must be a whole number`);
    return Number(text.trim());
  }
  if (variable.type === "json") {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new UsageError(`${variable.name} must be JSON`);
    }
  }
  return text;
}

/**
 * The provider settings the environment gives, over those of the config file: a provider counts when all of its
 * credentials are set, by a variable or in the file.
 * @throws UsageError when a provider is configured by halves (a setting or one credential without the rest), or a
 *   value does not parse.
 */
export function readEnvironment(env: NodeJS.ProcessEnv, fromFile: ProvidersSettings = {}): ProvidersSettings {
  const settings: ProvidersSettings = { ...fromFile };
  for (const provider of PROVIDER_NAMES) {
    const variables = PROVIDER_VARIABLES.filter((variable) => variable.provider === provider);
    const given = variables.filter((variable) => (env[variable.name] ?? "") !== "");
    if (given.length === 0) continue;
    const missing = variables.filter(
      (variable) =>
        variable.credential && !given.includes(variable) && fromFile[provider]?.[variable.option] === undefined,
    );
    if (missing.length > 0) {
      throw new UsageError(
        `${given.map((v) => v.name).join(", ")} ${given.length === 1 ? "is" : "are"} set but ${missing.map((v) => v.name).join(" and ")} ${missing.length === 1 ? "is" : "are"} not: ${provider} needs ${missing.length === 1 ? "it" : "them"} too`,
      );
    }
    settings[provider] = {
      ...fromFile[provider],
      ...Object.fromEntries(given.map((variable) => [variable.option, parseValue(variable, env[variable.name]!)])),
    };
  }
  return settings;
}
