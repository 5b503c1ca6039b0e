import type { HttpHandler } from "msw";
import { setupServer } from "msw/node";
import { SandboxClock } from "../../src/clock.js";
import { serveHandlers } from "../../src/server/serve-handlers.js";
import { createSimulatorWorld, type SimulatorWorld } from "../../src/simulator.js";

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
export function createTestWorld(frozenAt = new Date("2026-03-01T12:00:00Z")): Promise<SimulatorWorld> {
  return createSimulatorWorld(new SandboxClock({ frozenAt }));
}
