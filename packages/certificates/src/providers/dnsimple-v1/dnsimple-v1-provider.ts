import { defineProvider } from "../../registry/define-provider.js";
import { dnsimpleV1 } from "./dnsimple-v1-adapter.js";
import { DNSIMPLE_V1_CAPABILITIES } from "./dnsimple-v1-capabilities.js";
import { DNSIMPLE_V1_STATUS_TABLE } from "./map-dnsimple-v1-status.js";

/** DNSimple's discontinued API v1, as the registry (`@certkit/certificates/providers`) lists it. */
export const dnsimpleV1Provider = defineProvider({
  name: "dnsimple-v1",
  displayName: "DNSimple v1",
  clientPackage: "@certkit/dnsimple-v1",
  apiName: "DNSimple API v1 (discontinued)",
  docs: {
    homepage: "https://dnsimple.com",
    apiDocs: "https://api.dnsimple.com/v1",
    auth: "the account's email and API token (`X-DNSimple-Token: <email>:<token>`)",
  },
  capabilities: DNSIMPLE_V1_CAPABILITIES,
  statuses: { table: DNSIMPLE_V1_STATUS_TABLE },
  keepsClientReference: false,
  recovery: "certificates under the order's domain with its name, created since it was sent",
  options: [
    { option: "email", env: "CERTKIT_DNSIMPLE_V1_EMAIL", type: "text", credential: true, secret: false },
    { option: "token", env: "CERTKIT_DNSIMPLE_V1_TOKEN", type: "text", credential: true, secret: true },
    { option: "contactId", env: "CERTKIT_DNSIMPLE_V1_CONTACT_ID", type: "integer", credential: false, secret: false },
    { option: "baseUrl", env: "CERTKIT_DNSIMPLE_V1_BASE_URL", type: "text", credential: false, secret: false },
  ],
  adapter: dnsimpleV1,
});
