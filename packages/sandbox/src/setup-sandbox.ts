import type { HttpHandler } from "msw";
import type { SandboxAdapterOptions, SandboxProvider } from "./providers.js";
import { createSandbox, type Sandbox, type SandboxClientOptions, type SandboxOptions } from "./sandbox.js";

/** The part of msw's `setupServer()` (Node) or `setupWorker()` (browser) that {@link setupSandbox} uses. */
export interface MswSetup {
  use(...handlers: HttpHandler[]): void;
}

/** Options of {@link setupSandbox}. */
export interface SetupSandboxOptions extends SandboxOptions {
  /** The origin the simulated APIs answer under. Default `https://sandbox.example.test` (never resolves, so nothing leaks). */
  origin?: string;
}

/** A sandbox installed in msw under one origin: the sandbox, with base URLs and client options bound to that origin. */
export interface MswSandbox extends Omit<Sandbox, "baseUrl" | "clientOptions" | "adapterOptions" | "handlers"> {
  readonly origin: string;
  /** The base URL of a simulated API. */
  baseUrl(provider: SandboxProvider): string;
  /** What a provider's client needs to reach its simulator: `create…Client(sandbox.clientOptions(provider))`. */
  clientOptions<P extends SandboxProvider>(provider: P): SandboxClientOptions<P>;
  /** What the facade's adapter for a provider needs to reach its simulator: `<adapter>(sandbox.adapterOptions(provider))`. */
  adapterOptions<P extends SandboxProvider>(provider: P): SandboxAdapterOptions<P>;
}

/** The default origin of {@link setupSandbox}: a reserved name that never resolves. */
export const DEFAULT_SANDBOX_ORIGIN = "https://sandbox.example.test";

/**
 * Creates a sandbox and installs its handlers in an msw setup (`setupServer()` in Node, `setupWorker()` in a
 * browser), so clients pointed at `clientOptions(provider)` reach the simulators without a port. msw's
 * `resetHandlers()` removes them again.
 */
export async function setupSandbox(msw: MswSetup, options: SetupSandboxOptions = {}): Promise<MswSandbox> {
  const { origin = DEFAULT_SANDBOX_ORIGIN, ...sandboxOptions } = options;
  const sandbox = await createSandbox(sandboxOptions);
  msw.use(...sandbox.handlers(origin));
  return {
    origin,
    clock: sandbox.clock,
    dns: sandbox.dns,
    web: sandbox.web,
    mail: sandbox.mail,
    get ca() {
      return sandbox.ca;
    },
    faults: sandbox.faults,
    simulators: sandbox.simulators,
    credentials: sandbox.credentials,
    baseUrl: (provider) => sandbox.baseUrl(origin, provider),
    clientOptions: (provider) => sandbox.clientOptions(origin, provider),
    adapterOptions: (provider) => sandbox.adapterOptions(origin, provider),
    seed: () => sandbox.seed(),
    snapshot: () => sandbox.snapshot(),
    restore: (snapshot) => sandbox.restore(snapshot),
    reset: () => sandbox.reset(),
  };
}
