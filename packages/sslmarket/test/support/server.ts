import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

/** A host that never resolves: if interception failed, nothing would leave the machine. */
export const BASE_URL = "https://sslmarket.example.test/api";
export const TOKEN = "sslm-Tok3n-9f4c2e7a1b";

/** The msw server of this package's tests, with every request recorded and unmatched ones failing the test. */
export const server = setupServer();
export const requests: Request[] = [];

server.events.on("request:start", ({ request }) => {
  requests.push(request.clone());
});

beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());
