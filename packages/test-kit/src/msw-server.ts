import { setupServer, type SetupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

/** An msw server for one test file, and every request it saw in the current test. */
export interface MswTestServer {
  /** Add a test's handlers with `server.use(...)`; they are dropped after each test. */
  server: SetupServer;
  /** Copies of the requests sent in the current test, in order; emptied after each test. */
  requests: Request[];
}

/**
 * Starts an msw server for the calling file (or `describe` block): it intercepts from the first test to the last,
 * fails every request no handler answers (nothing leaves the machine by mistake), and forgets each test's handlers
 * and requests when the test ends, so no count carries over from one test to the next.
 */
export function useMswServer(): MswTestServer {
  const server = setupServer();
  const requests: Request[] = [];
  server.events.on("request:start", ({ request }) => {
    requests.push(request.clone());
  });
  beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  afterAll(() => server.close());
  return { server, requests };
}
