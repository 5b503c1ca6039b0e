import { defineSimulator, mountedUrl } from "../../define-simulator.js";
import { DEFAULT_ISSUANCE_DELAY_MS } from "../../simulator.js";
import { ZerosslSimulator, type ZerosslSimulatorOptions } from "./zerossl-simulator.js";

const mount = "/zerossl";
const credentials = { accessKey: "sandbox-zerossl-access-key" } as const;

/** The ZeroSSL simulator in the sandbox. */
export const zerosslSandbox = defineSimulator({
  name: "zerossl",
  mount,
  credentials,
  defaults: { issuanceDelayMs: DEFAULT_ISSUANCE_DELAY_MS },
  demoOrder: { commonName: "shop.example.net" },
  docs: {
    lifecycle:
      "`draft` → verify → `pending_validation` → `issued` after `zerossl.issuanceDelayMs` (60 s) · cancel (a draft or pending one) → `cancelled` · revoke → `revoked` · a failed check leaves it a `draft` with the details",
    validation:
      "CNAME (`CNAME_CSR_HASH`), HTTP(S) file (`HTTP_CSR_HASH`, `HTTPS_CSR_HASH`), approver email; errors come with HTTP 200 and `success: false`",
    downloads: "inline JSON (`certificate.crt`, `ca_bundle.crt`), a ZIP of both, PEM",
  },
  create: (world, options: ZerosslSimulatorOptions) => new ZerosslSimulator(world, options),
  adapterOptions: (origin) => ({ ...credentials, baseUrl: mountedUrl(origin, mount) }),
});
