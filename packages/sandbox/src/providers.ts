/** Where each simulated API lives under the sandbox's origin: its base URL is `origin + mount`. */
export const SANDBOX_MOUNTS = {
  "ionos-ssl": "/ionos-ssl",
  dnsimple: "/dnsimple/v2",
  "dnsimple-v1": "/dnsimple/v1",
  resello: "/resello/api/v1",
  sslmarket: "/sslmarket/api",
} as const;

/** A provider the sandbox simulates, by the name of its certkit package (`@certkit/<name>`). */
export type SandboxProvider = keyof typeof SANDBOX_MOUNTS;

/** Every simulated provider, in a stable order. */
export const SANDBOX_PROVIDERS = Object.keys(SANDBOX_MOUNTS) as SandboxProvider[];

/** The base URL of `provider`'s simulated API under `origin` (e.g. `http://127.0.0.1:4010`). */
export function sandboxBaseUrl(origin: string, provider: SandboxProvider): string {
  return `${origin.replace(/\/+$/, "")}${SANDBOX_MOUNTS[provider]}`;
}
