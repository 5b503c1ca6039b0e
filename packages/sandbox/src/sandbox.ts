import type { HttpHandler } from "msw";
import { SandboxCa, type SandboxCaState } from "./ca/sandbox-ca.js";
import { SandboxClock } from "./clock.js";
import { SANDBOX_CREDENTIALS, type SandboxCredentialOverrides, type SandboxCredentials } from "./credentials.js";
import type { SandboxFaults } from "./faults/sandbox-faults.js";
import {
  perProvider,
  SANDBOX_PROVIDERS,
  sandboxAdapterOptions,
  sandboxBaseUrl,
  type SandboxAdapterOptions,
  type SandboxProvider,
  type SettingsOf,
  type SimulatorOf,
} from "./providers.js";
import { controlHandlers } from "./server/control-handlers.js";
import { createSimulatorWorld, type ProviderSimulator } from "./simulator.js";
import { FakeDns, type FakeDnsState } from "./state/fake-dns.js";
import { FakeMail, type FakeMailState } from "./state/fake-mail.js";
import { FakeWeb, type FakeWebState } from "./state/fake-web.js";
import { checkSnapshot } from "./state/check-snapshot.js";

/**
 * Each simulator's settings, under its provider's name: its options but the credentials (those go in
 * `credentials`), e.g. `{ "ionos-ssl": { issuanceDelayMs: 1000 }, dnsimple: { rateLimit: { limit: 100 } } }`.
 */
export type SandboxSimulatorSettings = {
  /** The settings of the simulator of the provider of that name. */
  [P in SandboxProvider]?: SettingsOf<P>;
};

/** Options of {@link createSandbox}: the shared clock, credentials and seed, and each simulator's settings. */
export interface SandboxOptions extends SandboxSimulatorSettings {
  /** The clock every simulator reads. Default: one that follows the system time. */
  clock?: SandboxClock;
  /** Credentials to accept instead of {@link SANDBOX_CREDENTIALS}, per provider. */
  credentials?: SandboxCredentialOverrides;
  /** Add demo data to every simulator (see {@link ProviderSimulator.seed}). Default `false`. */
  seed?: boolean;
}

/** The simulators of a sandbox, by provider. */
export type SandboxSimulators = { readonly [P in SandboxProvider]: ReturnType<SimulatorOf<P>["create"]> };

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
  /** What the facade's adapter for a provider needs to reach its simulator under `origin` (see {@link sandboxAdapterOptions}). */
  adapterOptions<P extends SandboxProvider>(origin: string, provider: P): SandboxAdapterOptions<P>;
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
  const credentials = perProvider((simulator) => ({
    ...SANDBOX_CREDENTIALS[simulator.name],
    ...options.credentials?.[simulator.name],
  })) as SandboxCredentials;
  const settings: SandboxSimulatorSettings = options;
  const simulators = perProvider((simulator) =>
    simulator.create(world, { ...simulator.defaults, ...settings[simulator.name], ...credentials[simulator.name] }),
  ) as SandboxSimulators;
  const all = (): ProviderSimulator[] => SANDBOX_PROVIDERS.map((provider) => simulators[provider]);
  const byProvider = (): [SandboxProvider, ProviderSimulator][] =>
    SANDBOX_PROVIDERS.map((provider) => [provider, simulators[provider]]);
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
    adapterOptions: (origin, provider) => ({ ...sandboxAdapterOptions(origin, provider), ...credentials[provider] }),
    handlers: (origin) => [
      ...byProvider().flatMap(([provider, simulator]) => simulator.handlers(sandboxBaseUrl(origin, provider))),
      ...controlHandlers(origin, {
        sandbox,
        describe: () => ({
          now: clock.now().toISOString(),
          providers: Object.fromEntries(
            SANDBOX_PROVIDERS.map((provider) => [provider, sandbox.clientOptions(origin, provider)]),
          ),
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
      providers: perProvider((simulator) => simulators[simulator.name].snapshot()),
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
        for (const [provider, simulator] of byProvider()) {
          const state = snapshot.providers[provider];
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
