import type { HttpHandler } from "msw";
import { SandboxCa, type SandboxCaState } from "./ca/sandbox-ca.js";
import { SandboxClock } from "./clock.js";
import { SANDBOX_CREDENTIALS, SANDBOX_RESELLO_OIDC_CLIENT, type SandboxCredentialOverrides, type SandboxCredentials } from "./credentials.js";
import type { SandboxFaults } from "./faults/sandbox-faults.js";
import { DnsimpleSimulator, type DnsimpleSimulatorOptions } from "./dnsimple/dnsimple-simulator.js";
import { DnsimpleV1Simulator, type DnsimpleV1SimulatorOptions } from "./dnsimple-v1/dnsimple-v1-simulator.js";
import { IonosSimulator, type IonosSimulatorOptions } from "./ionos/ionos-simulator.js";
import { ReselloSimulator, type ReselloSimulatorOptions } from "./resello/resello-simulator.js";
import { SslmarketSimulator, type SslmarketSimulatorOptions } from "./sslmarket/sslmarket-simulator.js";
import { SANDBOX_PROVIDERS, sandboxBaseUrl, type SandboxProvider } from "./providers.js";
import { controlHandlers } from "./server/control-handlers.js";
import { createSimulatorWorld, type ProviderSimulator } from "./simulator.js";
import { FakeDns, type FakeDnsState } from "./state/fake-dns.js";
import { FakeMail, type FakeMailState } from "./state/fake-mail.js";
import { FakeWeb, type FakeWebState } from "./state/fake-web.js";
import { checkSnapshot } from "./state/check-snapshot.js";

/** Options of {@link createSandbox}. */
export interface SandboxOptions {
  /** The clock every simulator reads. Default: one that follows the system time. */
  clock?: SandboxClock;
  /** Credentials to accept instead of {@link SANDBOX_CREDENTIALS}, per provider. */
  credentials?: SandboxCredentialOverrides;
  /** Add demo data to every simulator (see {@link ProviderSimulator.seed}). Default `false`. */
  seed?: boolean;
  /** IONOS SSL simulator settings (credentials go in `credentials`). */
  ionos?: Omit<Partial<IonosSimulatorOptions>, "apiKey">;
  /** DNSimple v2 simulator settings (the token goes in `credentials`; a Basic user and 2FA code may go here). */
  dnsimple?: Omit<Partial<DnsimpleSimulatorOptions>, "token">;
  /** DNSimple v1 simulator settings (credentials go in `credentials`). */
  dnsimpleV1?: Omit<Partial<DnsimpleV1SimulatorOptions>, "email" | "token">;
  /**
   * Resello simulator settings (Basic credentials go in `credentials`). Its token endpoint accepts
   * {@link SANDBOX_RESELLO_OIDC_CLIENT} unless `oidc` names another client.
   */
  resello?: Omit<Partial<ReselloSimulatorOptions>, "resellerReference" | "apiKey">;
  /** SSLmarket simulator settings (credentials go in `credentials`). */
  sslmarket?: Omit<Partial<SslmarketSimulatorOptions>, "token">;
}

/** The simulators of a sandbox, by provider. */
export interface SandboxSimulators {
  "ionos-ssl": IonosSimulator;
  dnsimple: DnsimpleSimulator;
  "dnsimple-v1": DnsimpleV1Simulator;
  resello: ReselloSimulator;
  sslmarket: SslmarketSimulator;
}

/** The whole state of a sandbox, as JSON: what {@link Sandbox.snapshot} gives and {@link Sandbox.restore} takes. */
export interface SandboxSnapshot {
  format: "certkit-sandbox/1";
  /** Sandbox time when the snapshot was taken; a restored sandbox's clock is moved forward to it if behind. */
  now: string;
  ca: SandboxCaState;
  dns: FakeDnsState;
  web: FakeWebState;
  mail: FakeMailState;
  providers: Partial<Record<SandboxProvider, unknown>>;
}

/** The client options that reach one simulator: its base URL and the credentials it accepts. */
export type SandboxClientOptions<P extends SandboxProvider> = SandboxCredentials[P] & { baseUrl: string };

/** Every simulator, sharing one clock, one fake DNS, web and mail, one CA, and one set of faults. */
export interface Sandbox {
  readonly clock: SandboxClock;
  readonly dns: FakeDns;
  readonly web: FakeWeb;
  readonly mail: FakeMail;
  readonly ca: SandboxCa;
  readonly faults: SandboxFaults;
  readonly simulators: SandboxSimulators;
  /** The credentials each simulator accepts. */
  readonly credentials: SandboxCredentials;
  /** The base URL of a simulated API under `origin`. */
  baseUrl(origin: string, provider: SandboxProvider): string;
  /** What a provider's client needs to reach its simulator under `origin`: `create…Client(sandbox.clientOptions(origin, p))`. */
  clientOptions<P extends SandboxProvider>(origin: string, provider: P): SandboxClientOptions<P>;
  /** msw handlers for every simulated API under `origin` (see {@link SANDBOX_MOUNTS}) and the control API. */
  handlers(origin: string): HttpHandler[];
  /** Adds demo data to every simulator. */
  seed(): Promise<void>;
  /** The whole state (CA, fake DNS/web/mail, every simulator), safe to `JSON.stringify`. Faults are not part of it. */
  snapshot(): Promise<SandboxSnapshot>;
  /** Replaces the whole state with a snapshot's. Throws a `TypeError` (and changes nothing) when it is not one. */
  restore(snapshot: SandboxSnapshot): Promise<void>;
  /** Forgets every order, record, file and email (the CA, credentials and faults stay). */
  reset(): void;
}

/** Creates a sandbox: a new CA, an empty fake DNS, web and mail, and a simulator per provider. */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? new SandboxClock();
  const world = await createSimulatorWorld(clock);
  const credentials = Object.fromEntries(
    SANDBOX_PROVIDERS.map((provider) => [provider, { ...SANDBOX_CREDENTIALS[provider], ...options.credentials?.[provider] }]),
  ) as SandboxCredentials;
  const simulators: SandboxSimulators = {
    "ionos-ssl": new IonosSimulator(world, { ...options.ionos, ...credentials["ionos-ssl"] }),
    dnsimple: new DnsimpleSimulator(world, { ...options.dnsimple, ...credentials.dnsimple }),
    "dnsimple-v1": new DnsimpleV1Simulator(world, { ...options.dnsimpleV1, ...credentials["dnsimple-v1"] }),
    resello: new ReselloSimulator(world, { oidc: SANDBOX_RESELLO_OIDC_CLIENT, ...options.resello, ...credentials.resello }),
    sslmarket: new SslmarketSimulator(world, { ...options.sslmarket, ...credentials.sslmarket }),
  };
  const all = (): ProviderSimulator[] => SANDBOX_PROVIDERS.map((provider) => simulators[provider]);
  const sandbox: Sandbox = {
    clock,
    dns: world.dns,
    web: world.web,
    mail: world.mail,
    get ca() {
      return world.ca;
    },
    faults: world.faults,
    simulators,
    credentials,
    baseUrl: sandboxBaseUrl,
    clientOptions: (origin, provider) => ({ ...credentials[provider], baseUrl: sandboxBaseUrl(origin, provider) }),
    handlers: (origin) => [
      ...all().flatMap((simulator) => simulator.handlers(sandboxBaseUrl(origin, simulator.provider))),
      ...controlHandlers(origin, {
        sandbox,
        describe: () => ({
          now: clock.now().toISOString(),
          providers: Object.fromEntries(SANDBOX_PROVIDERS.map((provider) => [provider, sandbox.clientOptions(origin, provider)])),
        }),
      }),
    ],
    seed: async () => {
      for (const simulator of all()) await simulator.seed();
    },
    snapshot: async () => ({
      format: "certkit-sandbox/1",
      now: clock.now().toISOString(),
      ca: await world.ca.snapshot(),
      dns: world.dns.snapshot(),
      web: world.web.snapshot(),
      mail: world.mail.snapshot(),
      providers: Object.fromEntries(all().map((simulator) => [simulator.provider, simulator.snapshot()])),
    }),
    restore: async (snapshot) => {
      checkSnapshot(snapshot);
      const ca = await SandboxCa.restore(snapshot.ca).catch(() => {
        throw new TypeError('sandbox snapshot: "ca" does not hold the CA\'s certificates and key');
      });
      // Restore into scratch copies first, so a snapshot that fails part-way changes nothing.
      new FakeDns().restore(snapshot.dns);
      new FakeWeb().restore(snapshot.web);
      new FakeMail().restore(snapshot.mail);
      const before = all().map((simulator) => [simulator, simulator.snapshot()] as const);
      try {
        for (const simulator of all()) {
          const state = snapshot.providers[simulator.provider];
          if (state === undefined) simulator.reset();
          else simulator.restore(state);
        }
      } catch (problem) {
        for (const [simulator, state] of before) simulator.restore(state);
        throw problem;
      }
      world.ca = ca;
      world.dns.restore(snapshot.dns);
      world.web.restore(snapshot.web);
      world.mail.restore(snapshot.mail);
      const behind = Date.parse(snapshot.now) - clock.now().getTime();
      if (behind > 0) clock.advance(behind);
    },
    reset: () => {
      for (const simulator of all()) simulator.reset();
      world.dns.restore({});
      world.web.restore({});
      world.mail.restore([]);
    },
  };
  if (options.seed) await sandbox.seed();
  return sandbox;
}
