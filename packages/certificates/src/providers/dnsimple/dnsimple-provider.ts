import { defineProvider } from "../../registry/define-provider.js";
import { dnsimple } from "./dnsimple-adapter.js";
import { DNSIMPLE_CAPABILITIES } from "./dnsimple-capabilities.js";
import { DNSIMPLE_STATUS_TABLE } from "./map-dnsimple-status.js";

/** The DNSimple API v2 provider, as the registry (`@certkit/certificates/providers`) lists it. */
export const dnsimpleProvider = defineProvider({
  name: "dnsimple",
  displayName: "DNSimple v2",
  clientPackage: "@certkit/dnsimple",
  apiName: "DNSimple API v2",
  docs: {
    homepage: "https://dnsimple.com",
    apiDocs: "https://developer.dnsimple.com/v2/certificates/",
    auth: "a bearer token, or email and password (HTTP Basic)",
  },
  capabilities: DNSIMPLE_CAPABILITIES,
  statuses: { table: DNSIMPLE_STATUS_TABLE },
  keepsClientReference: false,
  recovery:
    "Let's Encrypt certificates under the order's account and domain with its names, created since it was sent (10 minutes of clock skew allowed)",
  options: [
    { option: "token", env: "CERTKIT_DNSIMPLE_TOKEN", type: "text", credential: true, secret: true },
    { option: "accountId", env: "CERTKIT_DNSIMPLE_ACCOUNT_ID", type: "integer", credential: false, secret: false },
    { option: "baseUrl", env: "CERTKIT_DNSIMPLE_BASE_URL", type: "text", credential: false, secret: false },
  ],
  adapter: dnsimple,
});
