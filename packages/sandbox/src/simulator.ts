import type { HttpHandler } from "msw";
import { SandboxCa } from "./ca/sandbox-ca.js";
import type { SandboxClock } from "./clock.js";
import { SandboxFaults } from "./faults/sandbox-faults.js";
import { FakeDns } from "./state/fake-dns.js";
import { FakeMail } from "./state/fake-mail.js";
import { FakeWeb } from "./state/fake-web.js";

/** How long every simulated CA takes to issue once validation passed, unless told otherwise: 60 s of sandbox time. */
export const DEFAULT_ISSUANCE_DELAY_MS = 60_000;

// The CA predates the oldest seeded certificate, so every chain is valid the way a strict TLS client checks it.
const CA_BACKDATE_MS = 2 * 365 * 86_400_000;

/** What every simulator shares: time, the world outside the provider (DNS, web, mail), the CA, and the faults. */
export interface SimulatorWorld {
  clock: SandboxClock;
  dns: FakeDns;
  web: FakeWeb;
  mail: FakeMail;
  ca: SandboxCa;
  faults: SandboxFaults;
}

/** A new world on `clock`: empty fake DNS, web and mail, a new CA, and no faults. */
export async function createSimulatorWorld(clock: SandboxClock): Promise<SimulatorWorld> {
  return {
    clock,
    dns: new FakeDns(),
    web: new FakeWeb(),
    mail: new FakeMail(),
    ca: await SandboxCa.create(new Date(clock.now().getTime() - CA_BACKDATE_MS)),
    faults: new SandboxFaults(),
  };
}

/**
 * One provider's simulated API. Its state is plain JSON (strings, numbers, booleans, arrays and objects; times as
 * ISO 8601), so the sandbox can save and restore it.
 */
export interface ProviderSimulator<State = unknown> {
  /** The name of the provider it simulates (a `SandboxProvider`). */
  readonly provider: string;
  /** msw handlers serving the API under `baseUrl`, with auth enforced and faults applied. */
  handlers(baseUrl: string): HttpHandler[];
  /** A deep copy of the simulator's state, safe to `JSON.stringify`. */
  snapshot(): State;
  /**
   * Replaces the simulator's state with a snapshot's. Throws a `TypeError` naming what is wrong, and changes
   * nothing, when `state` does not have the simulator's shape (it may come from a file).
   */
  restore(state: State): void;
  /**
   * How many certificate orders the account holds, whatever their state: each one was bought (or seeded). What tests
   * and benchmarks count to prove that nothing was bought twice.
   */
  orderCount(): number;
  /** Forgets every order: the state of a new account (settings given in the options stay). */
  reset(): void;
  /** Adds demo data: a few orders in different states, as a fresh account that has been used for a while would have. */
  seed(): Promise<void>;
}
