import { defineProvider } from "../../registry/define-provider.js";
import { resello } from "./resello-adapter.js";
import { RESELLO_CAPABILITIES } from "./resello-capabilities.js";
import { RESELLO_STATUS_TABLE } from "./map-resello-status.js";

/** The Resello Reseller Platform, as the registry (`@certkit/certificates/providers`) lists it. */
export const reselloProvider = defineProvider({
  name: "resello",
  displayName: "Resello",
  clientPackage: "@certkit/resello",
  apiName: "Resello Reseller Platform API",
  docs: {
    homepage: "https://www.resello.com",
    apiDocs: "https://rp01.hostcontrol.com/api/v1",
    auth: "reseller reference and API key (HTTP Basic), or OIDC client credentials",
  },
  capabilities: RESELLO_CAPABILITIES,
  statuses: { table: RESELLO_STATUS_TABLE },
  keepsClientReference: true,
  recovery: "the certificate with its `client_reference`, exactly",
  options: [
    {
      option: "resellerReference",
      env: "CERTKIT_RESELLO_RESELLER_REFERENCE",
      type: "text",
      credential: true,
      secret: false,
    },
    { option: "apiKey", env: "CERTKIT_RESELLO_API_KEY", type: "text", credential: true, secret: true },
    { option: "plan", env: "CERTKIT_RESELLO_PLAN", type: "text", credential: false, secret: false },
    { option: "baseUrl", env: "CERTKIT_RESELLO_BASE_URL", type: "text", credential: false, secret: false },
  ],
  adapter: resello,
});
