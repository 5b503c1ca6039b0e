import { DEFAULT_RESELLO_PLANS, SANDBOX_CREDENTIALS, SSLMARKET_DEMO_CONTACTS, sandboxBaseUrl } from "@certkit/sandbox";
import type { ProvidersSettings } from "../config/provider-settings.js";

/** The DNSimple v1 contact the sandbox's simulator has unless told otherwise. */
const SANDBOX_DNSIMPLE_V1_CONTACT_ID = 1;

/**
 * Every provider's adapter options for a certkit sandbox served at `origin`: its base URLs and credentials, and what
 * some adapters need besides (a Resello plan, a DNSimple v1 contact, SSLmarket's company contacts).
 */
export function sandboxProviderSettings(origin: string): Required<ProvidersSettings> {
  return {
    "ionos-ssl": { ...SANDBOX_CREDENTIALS["ionos-ssl"], baseUrl: sandboxBaseUrl(origin, "ionos-ssl") },
    dnsimple: { ...SANDBOX_CREDENTIALS.dnsimple, baseUrl: sandboxBaseUrl(origin, "dnsimple") },
    "dnsimple-v1": { ...SANDBOX_CREDENTIALS["dnsimple-v1"], baseUrl: sandboxBaseUrl(origin, "dnsimple-v1"), contactId: SANDBOX_DNSIMPLE_V1_CONTACT_ID },
    resello: { ...SANDBOX_CREDENTIALS.resello, baseUrl: sandboxBaseUrl(origin, "resello"), plan: DEFAULT_RESELLO_PLANS[0]!.id },
    sslmarket: { ...SANDBOX_CREDENTIALS.sslmarket, baseUrl: sandboxBaseUrl(origin, "sslmarket"), contacts: SSLMARKET_DEMO_CONTACTS },
  };
}
