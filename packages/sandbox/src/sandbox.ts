import type { HttpHandler } from "msw";
import { SandboxCa } from "./ca/sandbox-ca.js";
import { SandboxClock } from "./clock.js";
import { IonosSimulator, type IonosSimulatorOptions } from "./ionos/ionos-simulator.js";
import { controlHandlers } from "./server/control-handlers.js";
import { FakeDns } from "./state/fake-dns.js";
import { FakeWeb } from "./state/fake-web.js";

/** Where each simulated API lives under the sandbox's origin: its base URL is `origin + mount`. */
export const SANDBOX_MOUNTS = {
  "ionos-ssl": "/ionos-ssl",
} as const;

/** A provider the sandbox simulates, by package name. */
export type SandboxProvider = keyof typeof SANDBOX_MOUNTS;

/** The credentials each simulator accepts unless told otherwise. They guard nothing: they exist to be checked. */
export const SANDBOX_CREDENTIALS = {
  "ionos-ssl": { apiKey: "sandbox.ionos-ssl-api-key" },
} as const;

/** Options of {@link createSandbox}. */
export interface SandboxOptions {
  /** The clock every simulator reads. Default: one that follows the system time. */
  clock?: SandboxClock;
  /** IONOS simulator settings. */
  ionos?: Partial<IonosSimulatorOptions>;
}

/** Every simulator, sharing one clock, one fake DNS, one fake web and one CA. */
export interface Sandbox {
  readonly clock: SandboxClock;
  readonly dns: FakeDns;
  readonly web: FakeWeb;
  readonly ca: SandboxCa;
  readonly ionos: IonosSimulator;
  /** The credentials each simulator accepts. */
  readonly credentials: { "ionos-ssl": { apiKey: string } };
  /** The base URL of a simulated API under `origin`. */
  baseUrl(origin: string, provider: SandboxProvider): string;
  /** msw handlers for every simulated API under `origin` (see {@link SANDBOX_MOUNTS}) and the control API. */
  handlers(origin: string): HttpHandler[];
}

/** Creates a sandbox: a new CA, an empty fake DNS and web, and a simulator per provider. */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? new SandboxClock();
  const dns = new FakeDns();
  const web = new FakeWeb();
  const ca = await SandboxCa.create(new Date(clock.now().getTime() - 86_400_000));
  const world = { clock, dns, web, ca };
  const credentials = { "ionos-ssl": { apiKey: options.ionos?.apiKey ?? SANDBOX_CREDENTIALS["ionos-ssl"].apiKey } };
  const ionos = new IonosSimulator(world, { ...options.ionos, apiKey: credentials["ionos-ssl"].apiKey });
  const baseUrl = (origin: string, provider: SandboxProvider) => `${origin.replace(/\/+$/, "")}${SANDBOX_MOUNTS[provider]}`;
  return {
    clock,
    dns,
    web,
    ca,
    ionos,
    credentials,
    baseUrl,
    handlers: (origin) => [
      ...ionos.handlers(baseUrl(origin, "ionos-ssl")),
      ...controlHandlers(origin, {
        clock,
        dns,
        web,
        describe: () => ({
          now: clock.now().toISOString(),
          providers: { "ionos-ssl": { baseUrl: baseUrl(origin, "ionos-ssl"), ...credentials["ionos-ssl"] } },
        }),
      }),
    ],
  };
}
