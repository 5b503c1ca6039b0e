import { defineSimulator, mountedUrl } from "../../define-simulator.js";
import { DEFAULT_ISSUANCE_DELAY_MS } from "../../simulator.js";
import {
  DEFAULT_DNSIMPLE_V1_CONTACT_ID,
  DnsimpleV1Simulator,
  type DnsimpleV1SimulatorOptions,
} from "./dnsimple-v1-simulator.js";

const mount = "/dnsimple/v1";
const credentials = { email: "sandbox@example.com", token: "sandbox-dnsimple-v1-token" } as const;

/** The DNSimple API v1 simulator in the sandbox. */
export const dnsimpleV1Sandbox = defineSimulator({
  name: "dnsimple-v1",
  mount,
  credentials,
  defaults: { issuanceDelayMs: DEFAULT_ISSUANCE_DELAY_MS },
  demoOrder: { commonName: "blog.example.org" },
  docs: {
    lifecycle:
      '`purchased` → configure → `configured` → submit → `submitted` → `issued` after the approver\'s email is approved and `"dnsimple-v1".issuanceDelayMs` (60 s)',
    validation: "approver email",
    downloads: "PEM in `ssl_certificate`; the private key when DNSimple made it",
  },
  create: (world, options: DnsimpleV1SimulatorOptions) => new DnsimpleV1Simulator(world, options),
  // A v1 purchase names a contact of the account: the simulated account's one.
  adapterOptions: (origin) => ({
    ...credentials,
    baseUrl: mountedUrl(origin, mount),
    contactId: DEFAULT_DNSIMPLE_V1_CONTACT_ID,
  }),
});
