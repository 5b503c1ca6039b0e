import { SANDBOX_PROVIDERS, sandboxAdapterOptions } from "@certkit/sandbox";
import type { ProvidersSettings } from "../config/provider-settings.js";

/**
 * Every provider's adapter options for a certkit sandbox served at `origin`, as each simulator describes them: its
 * base URL and credentials, and what some adapters need besides (a Resello plan, a DNSimple v1 contact, …).
 */
export function sandboxProviderSettings(origin: string): Required<ProvidersSettings> {
  const settings: ProvidersSettings = {};
  for (const provider of SANDBOX_PROVIDERS) settings[provider] = sandboxAdapterOptions(origin, provider);
  // The sandbox simulates exactly the facade's providers: test/sandbox-registry.test-d.ts checks the two names agree.
  return settings as Required<ProvidersSettings>;
}
