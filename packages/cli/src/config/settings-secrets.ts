import { credentialsIn } from "@certkit/runtime";
import { PROVIDER_VARIABLES } from "./environment-variables.js";
import type { ProvidersSettings } from "./provider-settings.js";

/**
 * Every secret the settings hold, for the output to remove wherever it appears: each option the provider registry
 * marks secret (whatever it is called: ZeroSSL's `accessKey`), and any other field named like a credential.
 */
export function secretsIn(settings: ProvidersSettings): string[] {
  const marked = PROVIDER_VARIABLES.filter((variable) => variable.secret).map(
    (variable) => settings[variable.provider]?.[variable.option],
  );
  return [...marked.filter((value): value is string => typeof value === "string"), ...credentialsIn(settings)];
}
