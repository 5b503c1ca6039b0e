import { defineSimulator, mountedUrl } from "../../define-simulator.js";
import { DEFAULT_ISSUANCE_DELAY_MS } from "../../simulator.js";
import { DEFAULT_RESELLO_PLANS } from "./resello-plans.js";
import { ReselloSimulator, type ReselloSimulatorOptions } from "./resello-simulator.js";

const mount = "/resello/api/v1";
const credentials = { resellerReference: "sandbox-reseller", apiKey: "sandbox-resello-api-key" } as const;

/**
 * The OpenID Connect client the Resello simulator accepts at its token endpoint (`<resello base URL>/oauth2/token`),
 * for the client's `oidc` sign-in: `createReselloClient({ oidc: { tokenUrl, ...SANDBOX_RESELLO_OIDC_CLIENT } })`.
 */
export const SANDBOX_RESELLO_OIDC_CLIENT = {
  clientId: "sandbox-resello-client",
  clientSecret: "sandbox-resello-client-secret",
} as const;

/** The Resello simulator in the sandbox. Its token endpoint accepts {@link SANDBOX_RESELLO_OIDC_CLIENT} unless told otherwise. */
export const reselloSandbox = defineSimulator({
  name: "resello",
  mount,
  credentials,
  defaults: { issuanceDelayMs: DEFAULT_ISSUANCE_DELAY_MS, oidc: SANDBOX_RESELLO_OIDC_CLIENT },
  demoOrder: { commonName: "api.example.net" },
  docs: {
    credentials: "or `oidc` with `SANDBOX_RESELLO_OIDC_CLIENT`, below",
    lifecycle:
      "`pending` → `validate` (checks every name) → `active` after `resello.issuanceDelayMs` (60 s) · renew → `pending` → `active` with a new term · reissue: a new certificate at once, the old one revoked · delete → `disabled`",
    validation: "DNS, FILE, EMAIL",
    downloads: "`crt`, `ca`, `csr` (PEM), `pkcs7` (DER), `zip`",
  },
  create: (world, options: ReselloSimulatorOptions) => new ReselloSimulator(world, options),
  // A Resello order names a plan: the first the simulator sells.
  adapterOptions: (origin) => ({
    ...credentials,
    baseUrl: mountedUrl(origin, mount),
    plan: DEFAULT_RESELLO_PLANS[0]!.id,
  }),
});
