import type { ProviderSimulator, SimulatorWorld } from "./simulator.js";

/** The settings of a simulator that are not its credentials: what `createSandbox({ <provider>: … })` takes. */
export type SimulatorSettings<Options, Credentials> = Omit<Partial<Options>, keyof Credentials>;

/**
 * One simulated provider, described once: where it is mounted, the credentials it accepts, how to make it, its
 * defaults, what the demo orders from it and what the facade's adapter needs to reach it. The sandbox, its bin, the
 * CLI and the tests iterate these (see `SIMULATORS`); nothing else lists providers.
 */
export interface SimulatorDescriptor<
  Name extends string = string,
  Simulator extends ProviderSimulator = ProviderSimulator,
  Options extends object = object,
  Credentials extends Readonly<Record<string, string>> = Readonly<Record<string, string>>,
  AdapterOptions extends SimulatorAdapterOptions = SimulatorAdapterOptions,
> {
  /** The provider's name: its client package's folder (`@certkit/<name>`). */
  readonly name: Name;
  /** Where the simulated API lives under the sandbox's origin: its base URL is `origin + mount`. */
  readonly mount: `/${string}`;
  /**
   * The credentials the simulator accepts unless told otherwise, named as the provider's client options name them.
   * They guard nothing: they exist to be checked, so a client with wrong credentials gets the provider's own refusal.
   */
  readonly credentials: Credentials;
  /**
   * The sandbox's settings for the simulator unless told otherwise. `issuanceDelayMs` is how long the CA takes once
   * validation passed; a simulator that enforces a request budget says so with `rateLimit`.
   */
  readonly defaults: SimulatorSettings<Options, Credentials> & { readonly issuanceDelayMs: number };
  /** The certificate the demo orders here: a name the simulated account holds, one the other simulators' do not. */
  readonly demoOrder: { readonly commonName: string };
  /**
   * Settings under which the account never runs out of what orders draw on (IONOS's bought slots), for a sandbox that
   * many runs share, as the CLI's is. Absent when nothing runs out.
   */
  readonly plentiful?: SimulatorSettings<Options, Credentials>;
  /** What the sandbox's README says of the simulator, in its tables (Markdown, one line each). */
  readonly docs: SimulatorDocs;
  /** Makes the simulator in `world`; `options` holds the credentials and the settings. */
  create(world: SimulatorWorld, options: Options): Simulator;
  /**
   * The options of the facade's adapter (`@certkit/certificates/<name>`) that reach this simulator when the sandbox
   * is served at `origin`: the base URL, the credentials, and what else the adapter needs and the simulator has
   * (a plan, a contact).
   */
  adapterOptions(origin: string): AdapterOptions;
}

/** How the sandbox's README describes a simulator (`pnpm readme:tables` renders its tables from these). */
export interface SimulatorDocs {
  /** What to know of the credentials beyond their option names (where an account id is, another way to sign in). */
  readonly credentials?: string;
  /** The states an order goes through, and what moves it on. */
  readonly lifecycle: string;
  /** How domain validation is done and checked. */
  readonly validation: string;
  /** What a download gives. */
  readonly downloads: string;
}

/** What a facade adapter needs to reach a simulator: at least its base URL. */
export type SimulatorAdapterOptions = { readonly baseUrl: string } & Readonly<Record<string, unknown>>;

/** Any simulator's descriptor. */
export type AnySimulatorDescriptor = SimulatorDescriptor<
  string,
  ProviderSimulator,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- options differ per provider; each descriptor keeps its own
  any,
  Readonly<Record<string, string>>,
  SimulatorAdapterOptions
>;

/** Declares a simulator's descriptor, keeping its exact types (its name, options and credentials) for the registry. */
export function defineSimulator<
  const Name extends string,
  Simulator extends ProviderSimulator,
  Options extends object,
  const Credentials extends Readonly<Record<string, string>>,
  AdapterOptions extends SimulatorAdapterOptions,
>(
  descriptor: SimulatorDescriptor<Name, Simulator, Options, Credentials, AdapterOptions>,
): SimulatorDescriptor<Name, Simulator, Options, Credentials, AdapterOptions> {
  return descriptor;
}

/** The base URL of the simulated API mounted at `mount` under `origin` (e.g. `http://127.0.0.1:4010`). */
export function mountedUrl(origin: string, mount: string): string {
  return `${origin.replace(/\/+$/, "")}${mount}`;
}
