import type { SandboxProvider } from "./providers.js";

/**
 * The credentials each simulator accepts unless told otherwise, named as each provider's client options name them,
 * so `createIonosSslClient({ ...SANDBOX_CREDENTIALS["ionos-ssl"], baseUrl })` works. They guard nothing: they exist
 * to be checked, so a client with wrong credentials gets the provider's own refusal.
 */
export const SANDBOX_CREDENTIALS = {
  "ionos-ssl": { apiKey: "sandbox.ionos-ssl-api-key" },
  dnsimple: { token: "sandbox-dnsimple-token" },
  "dnsimple-v1": { email: "sandbox@example.com", token: "sandbox-dnsimple-v1-token" },
  resello: { resellerReference: "sandbox-reseller", apiKey: "sandbox-resello-api-key" },
  sslmarket: { token: "sandbox-sslmarket-token" },
} as const satisfies Record<SandboxProvider, Record<string, string>>;

/** The credentials of every simulator, with the same fields as {@link SANDBOX_CREDENTIALS}. */
export type SandboxCredentials = { [P in SandboxProvider]: { -readonly [K in keyof (typeof SANDBOX_CREDENTIALS)[P]]: string } };

/** Credentials a sandbox accepts instead of {@link SANDBOX_CREDENTIALS}: any field, for any provider, left out keeps the default. */
export type SandboxCredentialOverrides = { [P in SandboxProvider]?: Partial<SandboxCredentials[P]> };

/**
 * The OpenID Connect client the Resello simulator accepts at its token endpoint (`<resello base URL>/oauth2/token`),
 * for the client's `oidc` sign-in: `createReselloClient({ oidc: { tokenUrl, ...SANDBOX_RESELLO_OIDC_CLIENT } })`.
 */
export const SANDBOX_RESELLO_OIDC_CLIENT = {
  clientId: "sandbox-resello-client",
  clientSecret: "sandbox-resello-client-secret",
} as const;
