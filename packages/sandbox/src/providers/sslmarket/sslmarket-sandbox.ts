import { defineSimulator, mountedUrl } from "../../define-simulator.js";
import { DEFAULT_ISSUANCE_DELAY_MS } from "../../simulator.js";
import { SSLMARKET_DEMO_CONTACTS } from "./sslmarket-demo-contacts.js";
import { SslmarketSimulator, type SslmarketSimulatorOptions } from "./sslmarket-simulator.js";

const mount = "/sslmarket/api";
const credentials = { token: "sandbox-sslmarket-token" } as const;

/** The SSLmarket simulator in the sandbox. */
export const sslmarketSandbox = defineSimulator({
  name: "sslmarket",
  mount,
  credentials,
  defaults: { issuanceDelayMs: DEFAULT_ISSUANCE_DELAY_MS },
  demoOrder: { commonName: "mail.example.com" },
  docs: {
    lifecycle:
      "`pending_validation` → `processing` → `published` after `sslmarket.issuanceDelayMs` (60 s) · reissue → `reissuing` → `published` (or cancelled back) · revoke → `revoked` · `expired` past the end date",
    validation: "DNS, HTTP(S) file, email",
    downloads: "`pem_server`, `pem_intermediate`, `p7b` (DER); OCSP tool says good/revoked",
  },
  create: (world, options: SslmarketSimulatorOptions) => new SslmarketSimulator(world, options),
  // An SSLmarket order carries the company's contacts: the demo company's.
  adapterOptions: (origin) => ({
    ...credentials,
    baseUrl: mountedUrl(origin, mount),
    contacts: SSLMARKET_DEMO_CONTACTS,
  }),
});
