import type { ProviderName } from "@certkit/certificates";
import { sandboxAdapterOptions } from "@certkit/sandbox";

/**
 * A provider's adapter options for a certkit sandbox served at `origin`: its base URL and credentials, and what some
 * adapters need besides (a Resello plan, a DNSimple v1 contact, SSLmarket's company contacts).
 */
export function sandboxAccountOptions(provider: ProviderName, origin: string): Record<string, unknown> {
  return sandboxAdapterOptions(origin, provider);
}
