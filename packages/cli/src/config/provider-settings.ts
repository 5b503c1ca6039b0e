import type { ProviderName } from "@certkit/certificates";

/**
 * One provider's adapter options as the configuration gives them (JSON values: credentials, `baseUrl`, defaults).
 * The adapter factory checks them when the client is made.
 */
export type ProviderSettings = Record<string, unknown>;

/** The configured providers and their settings. */
export type ProvidersSettings = Partial<Record<ProviderName, ProviderSettings>>;
