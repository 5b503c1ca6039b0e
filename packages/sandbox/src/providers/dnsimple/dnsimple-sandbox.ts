import { defineSimulator, mountedUrl } from "../../define-simulator.js";
import { DEFAULT_ISSUANCE_DELAY_MS } from "../../simulator.js";
import { DEFAULT_DNSIMPLE_RATE_LIMIT } from "./dnsimple-rate-limit.js";
import { DnsimpleSimulator, type DnsimpleSimulatorOptions } from "./dnsimple-simulator.js";

const mount = "/dnsimple/v2";
const credentials = { token: "sandbox-dnsimple-token" } as const;

/** The DNSimple API v2 simulator in the sandbox: the only one that enforces a request budget. */
export const dnsimpleSandbox = defineSimulator({
  name: "dnsimple",
  mount,
  credentials,
  defaults: { issuanceDelayMs: DEFAULT_ISSUANCE_DELAY_MS, rateLimit: DEFAULT_DNSIMPLE_RATE_LIMIT },
  // The simulated account's domains are example.com, .org and .net.
  demoOrder: { commonName: "www.example.com" },
  docs: {
    credentials: "account id in `sandbox.simulators.dnsimple.accountId`, 1010",
    lifecycle:
      "purchase `new` → issue → `requesting` → `issued` (or `failed`) after `dnsimple.issuanceDelayMs` (60 s) · renewal `new` → `renewing` → `renewed` with a new certificate",
    validation: "DNSimple hosts the zone: it publishes and checks its own `_acme-challenge` records",
    downloads: "server, chain, root as PEM; the private key",
  },
  create: (world, options: DnsimpleSimulatorOptions) => new DnsimpleSimulator(world, options),
  adapterOptions: (origin) => ({ ...credentials, baseUrl: mountedUrl(origin, mount) }),
});
