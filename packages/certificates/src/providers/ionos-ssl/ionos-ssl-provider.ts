import { defineProvider } from "../../registry/define-provider.js";
import { ionosSsl } from "./ionos-ssl-adapter.js";
import { IONOS_SSL_CAPABILITIES } from "./ionos-ssl-capabilities.js";
import { IONOS_SSL_STATUS_TABLE } from "./map-ionos-ssl-status.js";

/** The IONOS SSL provider, as the registry (`@certkit/certificates/providers`) lists it. */
export const ionosSslProvider = defineProvider({
  name: "ionos-ssl",
  displayName: "IONOS SSL",
  clientPackage: "@certkit/ionos-ssl",
  apiName: "IONOS SSL API",
  docs: {
    homepage: "https://www.ionos.com",
    apiDocs: "https://api.hosting.ionos.com/docs#/ssl",
    auth: "an API key (`X-API-Key`)",
  },
  capabilities: IONOS_SSL_CAPABILITIES,
  statuses: { table: IONOS_SSL_STATUS_TABLE },
  keepsClientReference: false,
  recovery: "`PENDING` certificates with the common name and type (IONOS keeps no creation time)",
  options: [
    { option: "apiKey", env: "CERTKIT_IONOS_API_KEY", type: "text", credential: true, secret: true },
    { option: "baseUrl", env: "CERTKIT_IONOS_BASE_URL", type: "text", credential: false, secret: false },
    { option: "defaultProduct", env: "CERTKIT_IONOS_PRODUCT", type: "text", credential: false, secret: false },
  ],
  adapter: ionosSsl,
});
