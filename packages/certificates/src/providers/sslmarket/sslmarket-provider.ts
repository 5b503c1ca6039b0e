import { defineProvider } from "../../registry/define-provider.js";
import { SSLMARKET_DERIVED_STATUSES, SSLMARKET_STATUS_TABLE } from "./map-sslmarket-status.js";
import { sslmarket } from "./sslmarket-adapter.js";
import { SSLMARKET_CAPABILITIES } from "./sslmarket-capabilities.js";

/** The SSLmarket REST API, as the registry (`@certkit/certificates/providers`) lists it. */
export const sslmarketProvider = defineProvider({
  name: "sslmarket",
  displayName: "SSLmarket",
  clientPackage: "@certkit/sslmarket",
  apiName: "SSLmarket REST API",
  docs: {
    homepage: "https://www.sslmarket.co.uk",
    apiDocs: "https://www.sslmarket.co.uk/api",
    auth: "an API token (`X-Auth-Token`)",
  },
  capabilities: SSLMARKET_CAPABILITIES,
  statuses: { table: SSLMARKET_STATUS_TABLE, derived: SSLMARKET_DERIVED_STATUSES },
  keepsClientReference: false,
  recovery: "orders of the product with its names, placed since it was sent",
  options: [
    { option: "token", env: "CERTKIT_SSLMARKET_TOKEN", type: "text", credential: true, secret: true },
    { option: "contacts", env: "CERTKIT_SSLMARKET_CONTACTS", type: "json", credential: false, secret: false },
    { option: "defaultProduct", env: "CERTKIT_SSLMARKET_PRODUCT", type: "text", credential: false, secret: false },
    { option: "baseUrl", env: "CERTKIT_SSLMARKET_BASE_URL", type: "text", credential: false, secret: false },
  ],
  adapter: sslmarket,
});
