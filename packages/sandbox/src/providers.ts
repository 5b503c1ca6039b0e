import { mountedUrl, type AnySimulatorDescriptor, type SimulatorSettings } from "./define-simulator.js";
import { SIMULATORS } from "./generated/simulators.js";

/** The descriptor of every simulator, as a union. */
type Simulator = (typeof SIMULATORS)[number];

/** A provider the sandbox simulates, by the name of its certkit package (`@certkit/<name>`). */
export type SandboxProvider = Simulator["name"];

/** The descriptor of `P`'s simulator. */
export type SimulatorOf<P extends SandboxProvider> = Extract<Simulator, { name: P }>;

/** The settings `createSandbox({ [provider]: … })` takes for `P`'s simulator: its options but the credentials. */
export type SettingsOf<P extends SandboxProvider> =
  SimulatorOf<P> extends { create(world: never, options: infer Options): unknown; credentials: infer Credentials }
    ? SimulatorSettings<Options, Credentials>
    : never;

/** The options of the facade's adapter for `P` that reach its simulator (see {@link sandboxAdapterOptions}). */
export type SandboxAdapterOptions<P extends SandboxProvider> = ReturnType<SimulatorOf<P>["adapterOptions"]>;

/** A simulator's descriptor with its options untyped, for code that treats every simulator alike. */
export type AnySimulator = AnySimulatorDescriptor & { readonly name: SandboxProvider };

/** Every simulator's descriptor, for code that treats them all alike. */
export const ALL_SIMULATORS: readonly AnySimulator[] = SIMULATORS;

/** An entry per provider, made from each simulator by `value`. */
export function perProvider<T>(value: (simulator: AnySimulator) => T): Record<SandboxProvider, T> {
  return Object.fromEntries(ALL_SIMULATORS.map((simulator) => [simulator.name, value(simulator)])) as Record<
    SandboxProvider,
    T
  >;
}

const SIMULATOR_BY_PROVIDER = perProvider((simulator) => simulator);

/** Where each simulated API lives under the sandbox's origin: its base URL is `origin + mount`. */
export const SANDBOX_MOUNTS: Readonly<Record<SandboxProvider, string>> = perProvider((simulator) => simulator.mount);

/** Every simulated provider, sorted by name. */
export const SANDBOX_PROVIDERS: readonly SandboxProvider[] = SIMULATORS.map((simulator) => simulator.name);

/** The base URL of `provider`'s simulated API under `origin` (e.g. `http://127.0.0.1:4010`). */
export function sandboxBaseUrl(origin: string, provider: SandboxProvider): string {
  return mountedUrl(origin, SANDBOX_MOUNTS[provider]);
}

/**
 * The options of the facade's adapter for `provider` (`@certkit/certificates/<provider>`) that reach its simulator
 * under `origin`: base URL, credentials, and what else the adapter needs and the simulator has (a plan, a contact).
 */
export function sandboxAdapterOptions<P extends SandboxProvider>(
  origin: string,
  provider: P,
): SandboxAdapterOptions<P> {
  return SIMULATOR_BY_PROVIDER[provider].adapterOptions(origin) as SandboxAdapterOptions<P>;
}
