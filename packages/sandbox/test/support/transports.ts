import type { HttpHandler } from "msw";
import { setupServer } from "msw/node";
import { SandboxCa } from "../../src/ca/sandbox-ca.js";
import { SandboxClock } from "../../src/clock.js";
import { SandboxFaults } from "../../src/faults/sandbox-faults.js";
import { serveHandlers } from "../../src/server/serve-handlers.js";
import type { SimulatorWorld } from "../../src/simulator.js";
import { FakeDns } from "../../src/state/fake-dns.js";
import { FakeMail } from "../../src/state/fake-mail.js";
import { FakeWeb } from "../../src/state/fake-web.js";

/** The two ways a simulator is served: msw in this process, or a real HTTP server on loopback. */
export type Transport = "msw" | "http";
export const TRANSPORTS: readonly Transport[] = ["msw", "http"];

const MSW_ORIGIN = "https://sandbox.example.test";
const msw = setupServer();
let mswListening = false;

/** Serves `handlersFor(origin)` over `transport` until `close()`; clients use the returned origin. */
export async function serveOver(
  transport: Transport,
  handlersFor: (origin: string) => HttpHandler[],
): Promise<{ origin: string; close: () => Promise<void> }> {
  if (transport === "msw") {
    if (!mswListening) msw.listen({ onUnhandledFrame: "error" });
    mswListening = true;
    msw.resetHandlers(...handlersFor(MSW_ORIGIN));
    return {
      origin: MSW_ORIGIN,
      close: () => {
        msw.resetHandlers();
        return Promise.resolve();
      },
    };
  }
  // A real server is reached over the real network stack: msw must not be intercepting then.
  if (mswListening) msw.close();
  mswListening = false;
  const server = await serveHandlers(handlersFor);
  return { origin: server.url, close: () => server.close() };
}

/** A world of its own for one test: a frozen clock, empty fake DNS/web/mail, a new CA and no faults. */
export async function createTestWorld(frozenAt = new Date("2026-03-01T12:00:00Z")): Promise<SimulatorWorld> {
  const clock = new SandboxClock({ frozenAt });
  return {
    clock,
    dns: new FakeDns(),
    web: new FakeWeb(),
    mail: new FakeMail(),
    ca: await SandboxCa.create(new Date(frozenAt.getTime() - 2 * 365 * 86_400_000)),
    faults: new SandboxFaults(),
  };
}
