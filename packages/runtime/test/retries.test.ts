import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_RETRY, readRetryAfter, resolveRetryPolicy } from "../src/retry-policy.js";
import { BASE_URL, exampleClient, fakeClock, useServer } from "./support/example-api.js";

const server = useServer();

/** Answers each request with the next of `statuses` (the last one repeats), counting requests. */
function answerInTurn(method: "get" | "post", path: string, statuses: number[], headers: Record<string, string> = {}) {
  const seen = { count: 0 };
  const handler = method === "get" ? http.get : http.post;
  server.use(
    handler(`${BASE_URL}${path}`, () => {
      const status = statuses[Math.min(seen.count++, statuses.length - 1)] ?? 200;
      if (status < 300) return HttpResponse.json({ id: "o-1", state: "issued" }, { status });
      return HttpResponse.json({ error: `failure ${status}` }, { status, headers });
    }),
  );
  return seen;
}

const getOrder = (client: ReturnType<typeof exampleClient>, init: Record<string, unknown> = {}) =>
  client.GET("/orders/{id}", { params: { path: { id: "o-1" } }, ...init });
const postOrder = (client: ReturnType<typeof exampleClient>, init: Record<string, unknown> = {}) =>
  client.POST("/orders", { body: { domain: "shop.example.test" }, ...init });

describe("reads are retried", () => {
  it.each([408, 429, 500, 502, 503, 504])("on HTTP %i, with full-jitter exponential backoff", async (status) => {
    const seen = answerInTurn("get", "/orders/:id", [status, status, 200]);
    const { clock, sleeps } = fakeClock(0.5);
    const { data, error } = await getOrder(exampleClient(clock));
    expect(error).toBeUndefined();
    expect(data).toEqual({ id: "o-1", state: "issued" });
    expect(seen.count).toBe(3);
    // Half (random 0.5) of the caps 500 ms and 1000 ms.
    expect(sleeps).toEqual([250, 500]);
  });

  it.each([400, 401, 403, 404, 409, 422, 501])("not on HTTP %i", async (status) => {
    const seen = answerInTurn("get", "/orders/:id", [status, 200]);
    const { error } = await getOrder(exampleClient(fakeClock().clock));
    expect(error?.status).toBe(status);
    expect(seen.count).toBe(1);
  });

  it("stops after maxAttempts and returns the last error, still retryable", async () => {
    const seen = answerInTurn("get", "/orders/:id", [503]);
    const { error } = await getOrder(exampleClient(fakeClock().clock, { retry: { maxAttempts: 4 } }));
    expect(seen.count).toBe(4);
    expect(error).toMatchObject({ code: "PROVIDER", status: 503, retryable: true, effectUnknown: false });
  });

  it("starts no retry whose wait would end past maxElapsedMs", async () => {
    const seen = answerInTurn("get", "/orders/:id", [503]);
    const { clock, sleeps } = fakeClock(0.99);
    await getOrder(exampleClient(clock, { retry: { maxAttempts: 10, baseDelayMs: 1000, maxElapsedMs: 2500 } }));
    // Waits of 990 and 1980 ms would end at 2970 ms: only the first is taken.
    expect(sleeps).toEqual([990]);
    expect(seen.count).toBe(2);
  });

  it("honours Retry-After in seconds", async () => {
    const seen = answerInTurn("get", "/orders/:id", [429, 200], { "Retry-After": "7" });
    const { clock, sleeps } = fakeClock();
    await getOrder(exampleClient(clock));
    expect(sleeps).toEqual([7000]);
    expect(seen.count).toBe(2);
  });

  it("honours Retry-After as an HTTP-date", async () => {
    const { clock, sleeps } = fakeClock();
    answerInTurn("get", "/orders/:id", [503, 200], { "Retry-After": new Date(clock.now() + 12_000).toUTCString() });
    await getOrder(exampleClient(clock));
    expect(sleeps).toEqual([12_000]);
  });

  it("honours X-RateLimit-Reset (Unix seconds) on a 429 without Retry-After", async () => {
    const { clock, sleeps } = fakeClock();
    const reset = Math.floor(clock.now() / 1000) + 20;
    answerInTurn("get", "/orders/:id", [429, 200], {
      "X-RateLimit-Limit": "2400",
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": String(reset),
    });
    await getOrder(exampleClient(clock));
    expect(sleeps).toEqual([20_000]);
  });

  it("does not wait longer than maxDelayMs: the error says how long the provider asked for", async () => {
    const seen = answerInTurn("get", "/orders/:id", [429], { "Retry-After": "3600" });
    const { clock, sleeps } = fakeClock();
    const { error } = await getOrder(exampleClient(clock));
    expect(seen.count).toBe(1);
    expect(sleeps).toEqual([]);
    expect(error).toMatchObject({ code: "RATE_LIMITED", retryable: true, retryAfterMs: 3_600_000 });
  });

  it("is turned off by retry: false, for the client or for one call", async () => {
    const seen = answerInTurn("get", "/orders/:id", [503, 200]);
    const { clock } = fakeClock();
    await getOrder(exampleClient(clock, { retry: false }));
    expect(seen.count).toBe(1);
    await getOrder(exampleClient(clock), { retry: false });
    expect(seen.count).toBe(2);
  });

  it("takes per-call settings over the client's", async () => {
    const seen = answerInTurn("get", "/orders/:id", [503]);
    const { clock, sleeps } = fakeClock(0.5);
    await getOrder(exampleClient(clock, { retry: false }), { retry: { maxAttempts: 2, baseDelayMs: 40 } });
    expect(seen.count).toBe(2);
    expect(sleeps).toEqual([20]);
  });

  it("retries a network error, then answers", async () => {
    let count = 0;
    server.use(
      http.get(`${BASE_URL}/orders/:id`, () =>
        count++ === 0 ? HttpResponse.error() : HttpResponse.json({ id: "o-1", state: "issued" }),
      ),
    );
    const { data } = await getOrder(exampleClient(fakeClock().clock));
    expect(data?.id).toBe("o-1");
    expect(count).toBe(2);
  });

  it("throws NETWORK after the last try, saying how many were made", async () => {
    let count = 0;
    server.use(http.get(`${BASE_URL}/orders/:id`, () => (count++, HttpResponse.error())));
    const error = await getOrder(exampleClient(fakeClock().clock)).catch((e: unknown) => e);
    expect(count).toBe(3);
    expect(error).toMatchObject({ code: "NETWORK", retryable: true, effectUnknown: false });
    expect((error as Error).message).toMatch(/^Example API: GET \/orders\/\{id\} got no answer after 3 tries: /);
  });
});

describe("writes are never retried blindly", () => {
  it.each([500, 502, 503, 504, 408])(
    "a POST answered HTTP %i is sent once and says the order may exist",
    async (status) => {
      const seen = answerInTurn("post", "/orders", [status, 202]);
      const { error } = await postOrder(exampleClient(fakeClock().clock));
      expect(seen.count).toBe(1);
      expect(error).toMatchObject({ status, retryable: false, effectUnknown: true });
      expect(error?.message).toContain("the order may exist: check before sending it again");
    },
  );

  it("a POST that gets no answer is sent once, with effectUnknown", async () => {
    let count = 0;
    server.use(http.post(`${BASE_URL}/orders`, () => (count++, HttpResponse.error())));
    const error = await postOrder(exampleClient(fakeClock().clock)).catch((e: unknown) => e);
    expect(count).toBe(1);
    expect(error).toMatchObject({ code: "NETWORK", retryable: false, effectUnknown: true });
    expect((error as Error).message).toContain("the order may exist");
  });

  it("a POST whose connection was refused was not sent: it is retried, and then says it is safe to send again", async () => {
    const refused = Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }),
    });
    let tries = 0;
    const client = exampleClient(fakeClock().clock, { fetch: () => (tries++, Promise.reject(refused)) });
    const error = await postOrder(client).catch((e: unknown) => e);
    expect(tries).toBe(3);
    expect(error).toMatchObject({ code: "NETWORK", retryable: true, effectUnknown: false });
    expect((error as Error).message).toBe(
      "Example API: POST /orders got no answer after 3 tries: fetch failed (ECONNREFUSED). The request was not sent, so it is safe to send again",
    );
  });

  it("a POST refused with 429 is sent again: a rate limiter refuses before processing", async () => {
    const seen = answerInTurn("post", "/orders", [429, 202], { "Retry-After": "1" });
    const { clock, sleeps } = fakeClock();
    let sentBodies = 0;
    const { data } = await postOrder(
      exampleClient(clock, {
        fetch: async (request) => {
          if ((await request.clone().text()) === '{"domain":"shop.example.test"}') sentBodies++;
          return fetch(request);
        },
      }),
    );
    expect(data?.id).toBe("o-1");
    expect(seen.count).toBe(2);
    expect(sentBodies).toBe(2);
    expect(sleeps).toEqual([1000]);
  });

  it("a 2xx write whose body is not valid JSON says the order may exist", async () => {
    server.use(
      http.post(
        `${BASE_URL}/orders`,
        () => new HttpResponse('{"id": "o-1", "sta', { status: 202, headers: { "Content-Type": "application/json" } }),
      ),
    );
    const error = await postOrder(exampleClient(fakeClock().clock)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PROVIDER", status: 202, retryable: false, effectUnknown: true });
    expect((error as Error).message).toBe(
      "Example API: POST /orders answered HTTP 202 with a body that is not valid JSON. The provider accepted the request, so the order may exist: check before sending it again",
    );
  });
});

describe("retry settings", () => {
  it("are checked before any request", async () => {
    const { clock } = fakeClock();
    expect(() => exampleClient(clock, { retry: { maxAttempts: 0 } })).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT",
        message: 'example: option "retry.maxAttempts" must be a whole number from 1 to 100',
      }),
    );
    expect(() => exampleClient(clock, { retry: { baseDelayMs: -1 } })).toThrow(/retry.baseDelayMs/);
    expect(() => exampleClient(clock, { retry: "often" as never })).toThrow(/option "retry" must be an object/);
    const seen = answerInTurn("get", "/orders/:id", [200]);
    await expect(getOrder(exampleClient(clock), { retry: { maxElapsedMs: Number.NaN } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(seen.count).toBe(0);
  });

  it("default to the documented policy, and merge field by field", () => {
    expect(DEFAULT_RETRY).toEqual({ maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 30_000, maxElapsedMs: 60_000 });
    expect(resolveRetryPolicy("x", DEFAULT_RETRY, { maxAttempts: 5, baseDelayMs: undefined })).toEqual({
      ...DEFAULT_RETRY,
      maxAttempts: 5,
    });
  });

  it("draw each backoff between 0 and a doubling cap, never past maxDelayMs", () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, policy, () => 0.999))).toEqual([
      99, 199, 399, 799, 999,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });

  it("read Retry-After as seconds or an HTTP-date, and ignore anything else", () => {
    const now = Date.UTC(2026, 10, 23, 12, 0, 0);
    expect(readRetryAfter(new Headers({ "Retry-After": "120" }), now)).toBe(120_000);
    expect(readRetryAfter(new Headers({ "Retry-After": "Mon, 23 Nov 2026 12:00:30 GMT" }), now)).toBe(30_000);
    expect(readRetryAfter(new Headers({ "Retry-After": "Mon, 23 Nov 2026 11:00:00 GMT" }), now)).toBe(0);
    expect(readRetryAfter(new Headers({ "Retry-After": "soon" }), now)).toBeUndefined();
    expect(readRetryAfter(new Headers(), now)).toBeUndefined();
  });
});
