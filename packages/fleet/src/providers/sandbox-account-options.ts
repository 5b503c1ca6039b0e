import type { ProviderName } from "@certkit/certificates";
import { DEFAULT_RESELLO_PLANS, SANDBOX_CREDENTIALS, SSLMARKET_DEMO_CONTACTS, sandboxBaseUrl } from "@certkit/sandbox";

/**
 * A provider's adapter options for a certkit sandbox served at `origin`: its base URL and credentials, and what some
 * adapters need besides (a Resello plan, a DNSimple v1 contact, SSLmarket's company contacts).
 */
export function sandboxAccountOptions(provider: ProviderName, origin: string): Record<string, unknown> {
  const base = { ...SANDBOX_CREDENTIALS[provider], baseUrl: sandboxBaseUrl(origin, provider) };
  switch (provider) {
    case "dnsimple-v1":
      return { ...base, contactId: 1 };
    case "resello":
      return { ...base, plan: DEFAULT_RESELLO_PLANS[0]!.id };
    case "sslmarket":
      return { ...base, contacts: SSLMARKET_DEMO_CONTACTS };
    case "ionos-ssl":
    case "dnsimple":
      return base;
  }
}
