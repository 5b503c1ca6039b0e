import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

/** A host that never resolves: if interception failed, nothing would leave the machine. */
export const BASE_URL = "https://dnsimple-v1.example.test/v1";
export const EMAIL = "admin@example.test";
export const TOKEN = "v1-t0ken-s3cr3t-4c8e";
/** What `X-DNSimple-Token` must carry. */
export const TOKEN_HEADER = `${EMAIL}:${TOKEN}`;

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
