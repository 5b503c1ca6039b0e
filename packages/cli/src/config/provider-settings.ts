import type { ProviderName } from "@certkit/certificates";

/**
 * One provider's adapter options as the configuration gives them (JSON values: credentials, `baseUrl`, defaults).
 * The adapter factory checks them when the client is made.
 */
export type ProviderSettings = Record<string, unknown>;

/** The configured providers and their settings. */
export type ProvidersSettings = Partial<Record<ProviderName, ProviderSettings>>;

// Option names whose values are credentials, in every adapter's options.
const SECRET_OPTION = /(password|secret|token|api[-_]?key|authorization)$/i;

/** Every credential value in the settings (nested ones included), for redacting verbose output and errors. */
export function secretsOf(settings: ProvidersSettings): string[] {
  const found: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === "string" && SECRET_OPTION.test(key)) found.push(value);
    else if (typeof value === "object" && value !== null) for (const [inner, nested] of Object.entries(value)) walk(nested, inner);
  };
  walk(settings, "");
  return found;
}
