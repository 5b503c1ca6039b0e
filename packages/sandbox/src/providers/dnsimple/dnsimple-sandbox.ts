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
  create: (world, options: DnsimpleSimulatorOptions) => new DnsimpleSimulator(world, options),
  adapterOptions: (origin) => ({ ...credentials, baseUrl: mountedUrl(origin, mount) }),
});
