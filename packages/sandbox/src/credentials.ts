import { perProvider, type SandboxProvider, type SimulatorOf } from "./providers.js";

/**
 * The credentials each simulator accepts unless told otherwise, named as each provider's client options name them,
 * so `createIonosSslClient({ ...SANDBOX_CREDENTIALS["ionos-ssl"], baseUrl })` works. They guard nothing: they exist
 * to be checked, so a client with wrong credentials gets the provider's own refusal.
 */
export const SANDBOX_CREDENTIALS = perProvider((simulator) => simulator.credentials) as {
  /** The credentials the simulator of the provider of that name accepts. */
  readonly [P in SandboxProvider]: SimulatorOf<P>["credentials"];
};

/** The credentials of every simulator, with the same fields as {@link SANDBOX_CREDENTIALS}. */
export type SandboxCredentials = {
  [P in SandboxProvider]: { -readonly [K in keyof SimulatorOf<P>["credentials"]]: string };
};

/** Credentials a sandbox accepts instead of {@link SANDBOX_CREDENTIALS}: any field, for any provider, left out keeps the default. */
export type SandboxCredentialOverrides = { [P in SandboxProvider]?: Partial<SandboxCredentials[P]> };
