import type { HttpHandler } from "msw";
import type { SandboxCa } from "./ca/sandbox-ca.js";
import type { SandboxClock } from "./clock.js";
import type { SandboxFaults } from "./faults/sandbox-faults.js";
import type { SandboxProvider } from "./providers.js";
import type { FakeDns } from "./state/fake-dns.js";
import type { FakeMail } from "./state/fake-mail.js";
import type { FakeWeb } from "./state/fake-web.js";

/** What every simulator shares: time, the world outside the provider (DNS, web, mail), the CA, and the faults. */
export interface SimulatorWorld {
  clock: SandboxClock;
  dns: FakeDns;
  web: FakeWeb;
  mail: FakeMail;
  ca: SandboxCa;
  faults: SandboxFaults;
}

/**
 * One provider's simulated API. Its state is plain JSON (strings, numbers, booleans, arrays and objects; times as
 * ISO 8601), so the sandbox can save and restore it.
 */
export interface ProviderSimulator<State = unknown> {
  readonly provider: SandboxProvider;
  /** msw handlers serving the API under `baseUrl`, with auth enforced and faults applied. */
  handlers(baseUrl: string): HttpHandler[];
  /** A deep copy of the simulator's state, safe to `JSON.stringify`. */
  snapshot(): State;
  /**
   * Replaces the simulator's state with a snapshot's. Throws a `TypeError` naming what is wrong, and changes
   * nothing, when `state` does not have the simulator's shape (it may come from a file).
   */
  restore(state: State): void;
  /** Forgets every order: the state of a new account (settings given in the options stay). */
  reset(): void;
  /** Adds demo data: a few orders in different states, as a fresh account that has been used for a while would have. */
  seed(): Promise<void>;
}
