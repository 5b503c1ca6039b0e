import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { BASE_URL, exampleClient, fakeClock, realTimeClock, useServer } from "./support/example-api.js";

const server = useServer();
const never = () => new Promise<never>(() => undefined);
const getOrder = (client: ReturnType<typeof exampleClient>, init: Record<string, unknown> = {}) =>
  client.GET("/orders/{id}", { params: { path: { id: "o-1" } }, ...init });

function hangingServer() {
  const seen = { count: 0 };
  server.use(http.all(`${BASE_URL}/*`, () => (seen.count++, never())));
  return seen;
}

describe("timeouts", () => {
  it("end a read the server never answers with TIMEOUT, without retrying it", async () => {
    const seen = hangingServer();
    const error = await getOrder(exampleClient(fakeClock().clock, { timeoutMs: 30 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TIMEOUT", retryable: true, effectUnknown: false });
    expect((error as Error).message).toBe("Example API: GET /orders/{id} timed out after 30 ms");
    expect(seen.count).toBe(1);
  });

  it("end a write with TIMEOUT that says the order may exist", async () => {
    hangingServer();
    const client = exampleClient(fakeClock().clock);
    const error = await client
      .POST("/orders", { body: { domain: "shop.example.test" }, timeoutMs: 30 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TIMEOUT", retryable: false, effectUnknown: true });
    expect((error as Error).message).toContain("timed out after 30 ms. The request may have reached the provider");
  });

  it("hold even when the fetch ignores its signal", async () => {
    const client = exampleClient(fakeClock().clock, { fetch: never, timeoutMs: 30 });
    await expect(getOrder(client)).rejects.toMatchObject({ code: "TIMEOUT" });
  });

  it("cover the body: headers that arrive and a body that never ends still time out", async () => {
    const endless = new ReadableStream({
      start: (controller) => controller.enqueue(new TextEncoder().encode('{"id":')),
    });
    const client = exampleClient(fakeClock().clock, {
      fetch: () => Promise.resolve(new Response(endless, { headers: { "Content-Type": "application/json" } })),
      timeoutMs: 30,
    });
    await expect(getOrder(client)).rejects.toMatchObject({ code: "TIMEOUT" });
  });

  it("are checked when given", async () => {
    const { clock } = fakeClock();
    expect(() => exampleClient(clock, { timeoutMs: 0 })).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT",
        message: 'example: option "timeoutMs" must be a number of milliseconds from 1 to 2147483647',
      }),
    );
    await expect(getOrder(exampleClient(clock), { timeoutMs: "soon" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});

describe("the caller's AbortSignal", () => {
  it("aborts a call in flight with ABORTED", async () => {
    const seen = hangingServer();
    const controller = new AbortController();
    const pending = getOrder(exampleClient(fakeClock().clock), { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ABORTED", retryable: false, effectUnknown: false });
    expect(seen.count).toBe(1);
  });

  it("makes an aborted write's effect unknown", async () => {
    hangingServer();
    const controller = new AbortController();
    const pending = exampleClient(fakeClock().clock).POST("/orders", {
      body: { domain: "a.example.test" },
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ code: "ABORTED", effectUnknown: true });
  });

  it("sends nothing when already aborted", async () => {
    const seen = hangingServer();
    await expect(getOrder(exampleClient(fakeClock().clock), { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: "ABORTED",
      effectUnknown: false,
    });
    expect(seen.count).toBe(0);
  });

  it("aborts the wait between retries", async () => {
    let count = 0;
    server.use(
      http.get(`${BASE_URL}/orders/:id`, () => (count++, HttpResponse.json({ error: "busy" }, { status: 503 }))),
    );
    const controller = new AbortController();
    // The real clock, so that the abort lands during the backoff wait.
    const client = exampleClient(realTimeClock(), { retry: { baseDelayMs: 10_000 } });
    const pending = getOrder(client, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toMatchObject({ code: "ABORTED" });
    expect(count).toBe(1);
  });

  it("is not mistaken for a timeout, and AbortSignal.timeout() is a TIMEOUT", async () => {
    hangingServer();
    await expect(getOrder(exampleClient(fakeClock().clock), { signal: AbortSignal.timeout(20) })).rejects.toMatchObject(
      {
        code: "TIMEOUT",
        message: "Example API: GET /orders/{id} timed out (the caller's signal)",
      },
    );
  });

  it("must be an AbortSignal", async () => {
    await expect(getOrder(exampleClient(fakeClock().clock), { signal: { aborted: false } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: 'example: option "signal" must be an AbortSignal',
    });
  });
});
