import { defineProvider } from "../../registry/define-provider.js";
import { zerossl } from "./zerossl-adapter.js";
import { ZEROSSL_CAPABILITIES } from "./zerossl-capabilities.js";
import { ZEROSSL_STATUS_TABLE } from "./map-zerossl-status.js";

/** The ZeroSSL provider, as the registry (`@certkit/certificates/providers`) lists it. */
export const zerosslProvider = defineProvider({
  name: "zerossl",
  displayName: "ZeroSSL",
  clientPackage: "@certkit/zerossl",
  apiName: "ZeroSSL REST API",
  docs: {
    homepage: "https://zerossl.com",
    apiDocs: "https://zerossl.com/documentation/api/",
    auth: "an access key (`access_key` query parameter)",
  },
  capabilities: ZEROSSL_CAPABILITIES,
  statuses: { table: ZEROSSL_STATUS_TABLE },
  keepsClientReference: false,
  recovery: "`draft` or `pending_validation` certificates with the names, created after the order was sent",
  options: [
    { option: "accessKey", env: "CERTKIT_ZEROSSL_ACCESS_KEY", type: "text", credential: true, secret: true },
    { option: "baseUrl", env: "CERTKIT_ZEROSSL_BASE_URL", type: "text", credential: false, secret: false },
    { option: "validityDays", env: "CERTKIT_ZEROSSL_VALIDITY_DAYS", type: "integer", credential: false, secret: false },
  ],
  adapter: zerossl,
});
