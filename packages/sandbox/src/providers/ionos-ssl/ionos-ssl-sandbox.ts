import { defineSimulator, mountedUrl } from "../../define-simulator.js";
import { DEFAULT_ISSUANCE_DELAY_MS } from "../../simulator.js";
import { IonosSimulator, type IonosSimulatorOptions } from "./ionos-ssl-simulator.js";

const mount = "/ionos-ssl";
const credentials = { apiKey: "sandbox.ionos-ssl-api-key" } as const;

/** The IONOS SSL simulator in the sandbox. */
export const ionosSslSandbox = defineSimulator({
  name: "ionos-ssl",
  mount,
  credentials,
  defaults: { issuanceDelayMs: DEFAULT_ISSUANCE_DELAY_MS },
  demoOrder: { commonName: "shop.example.com" },
  // IONOS sells certificates as slots bought ahead: a shared sandbox gets plenty of the type the demo and CLI order.
  plentiful: { slots: { SSL_STARTER: 1_000_000 } },
  docs: {
    lifecycle:
      '`PENDING` with an authentication `WAITING_FOR_CUSTOMER` → `DCV_READY` → `AUTHENTICATED` → `ACTIVE` after `"ionos-ssl".issuanceDelayMs` (60 s) · unassign frees the slot',
    validation: "DNS, FILE, EMAIL",
    downloads: "PEM in the certificate, with `caCertificates`",
  },
  create: (world, options: IonosSimulatorOptions) => new IonosSimulator(world, options),
  adapterOptions: (origin) => ({ ...credentials, baseUrl: mountedUrl(origin, mount) }),
});
