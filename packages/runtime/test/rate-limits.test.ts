import { HttpResponse, delay, http } from "msw";
import { describe, expect, it } from "vitest";
import { systemClock } from "../src/clock.js";
import { DEFAULT_MAX_CONCURRENCY } from "../src/index.js";
import { readRateLimit } from "../src/rate-limit.js";
import { BASE_URL, exampleClient, fakeClock, useServer } from "./support/example-api.js";

const server = useServer();
const getOrder = (client: ReturnType<typeof exampleClient>, id = "o-1", init: Record<string, unknown> = {}) =>
  client.GET("/orders/{id}", { params: { path: { id } }, ...init });

/** A server that counts requests in flight and remembers the most at once. */
function trackingServer() {
  const stats = { inFlight: 0, most: 0, total: 0 };
  server.use(
    http.get(`${BASE_URL}/orders/:id`, async ({ params }) => {
      stats.total++;
      stats.most = Math.max(stats.most, ++stats.inFlight);
      await delay(5);
      stats.inFlight--;
      return HttpResponse.json({ id: String(params.id), state: "issued" });
    }),
  );
  return stats;
}

describe("maxConcurrency", () => {
  it("queues a burst instead of sending it at once", async () => {
    const stats = trackingServer();
    const client = exampleClient(fakeClock().clock, { maxConcurrency: 3 });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => getOrder(client, `o-${i}`)));
    expect(results.map((r) => r.data?.id)).toEqual(Array.from({ length: 40 }, (_, i) => `o-${i}`));
    expect(stats.most).toBe(3);
    expect(stats.total).toBe(40);
  });

  it("defaults to 10, and Infinity lifts the cap", async () => {
    expect(DEFAULT_MAX_CONCURRENCY).toBe(10);
    const stats = trackingServer();
    await Promise.all(Array.from({ length: 30 }, () => getOrder(exampleClient(fakeClock().clock))));
    expect(stats.most).toBeGreaterThan(10);
    stats.most = 0;
    const capped = exampleClient(fakeClock().clock);
    await Promise.all(Array.from({ length: 30 }, () => getOrder(capped)));
    expect(stats.most).toBe(10);
    stats.most = 0;
    const open = exampleClient(fakeClock().clock, { maxConcurrency: Infinity });
    await Promise.all(Array.from({ length: 30 }, () => getOrder(open)));
    expect(stats.most).toBe(30);
  });

  it("lets a queued call be aborted without sending it", async () => {
    const stats = trackingServer();
    const client = exampleClient(fakeClock().clock, { maxConcurrency: 1 });
    const first = getOrder(client);
    const queued = getOrder(client, "o-2", { signal: AbortSignal.abort() });
    await expect(queued).rejects.toMatchObject({ code: "ABORTED" });
    await first;
    expect(stats.total).toBe(1);
  });

  it("is checked", () => {
    expect(() => exampleClient(fakeClock().clock, { maxConcurrency: 0 })).toThrow(
      'example: option "maxConcurrency" must be a whole number of at least 1, or Infinity',
    );
  });
});

describe("rate-limit awareness", () => {
  it("exposes the last seen limit, remaining and reset", async () => {
    const { clock } = fakeClock();
    const reset = Math.floor(clock.now() / 1000) + 600;
    server.use(
      http.get(`${BASE_URL}/orders/:id`, () =>
        HttpResponse.json(
          { id: "o-1", state: "issued" },
          {
            headers: {
              "X-RateLimit-Limit": "2400",
              "X-RateLimit-Remaining": "2398",
              "X-RateLimit-Reset": String(reset),
            },
          },
        ),
      ),
    );
    const client = exampleClient(clock);
    expect(client.rateLimit).toBeUndefined();
    await getOrder(client);
    expect(client.rateLimit).toEqual({
      limit: 2400,
      remaining: 2398,
      resetAt: new Date(reset * 1000),
      observedAt: new Date(clock.now()),
    });
  });

  it("holds the next request until the reset when none is left, instead of spending a 429", async () => {
    const { clock, sleeps } = fakeClock();
    // One request per 30-second window, as a provider's rate limiter would allow.
    const window = { end: clock.now() + 30_000, remaining: 1 };
    const statuses: number[] = [];
    server.use(
      http.get(`${BASE_URL}/orders/:id`, () => {
        if (clock.now() >= window.end) Object.assign(window, { end: window.end + 30_000, remaining: 1 });
        const status = window.remaining > 0 ? 200 : 429;
        window.remaining = Math.max(0, window.remaining - 1);
        statuses.push(status);
        const headers = {
          "X-RateLimit-Limit": "1",
          "X-RateLimit-Remaining": String(window.remaining),
          "X-RateLimit-Reset": String(window.end / 1000),
        };
        return HttpResponse.json({ id: "o-1", state: "issued" }, { status, headers });
      }),
    );
    const client = exampleClient(clock, { retry: false });
    await getOrder(client);
    expect(client.rateLimit?.remaining).toBe(0);
    const { error } = await getOrder(client);
    expect(error).toBeUndefined();
    expect(sleeps).toEqual([30_000]);
    expect(statuses).toEqual([200, 200]);
  });

  /**
   * A provider's limiter: `limit` requests per `windowMs`, counted as they arrive; 429 past it. Windows end on whole
   * seconds, since the reset header is in Unix seconds.
   */
  function windowedServer(clock: { now(): number }, limit: number, windowMs: number) {
    const window = { end: Math.ceil((clock.now() + windowMs) / 1000) * 1000, used: 0 };
    const stats = { statuses: [] as number[], inFlight: 0, most: 0 };
    server.use(
      http.get(`${BASE_URL}/orders/:id`, async ({ params }) => {
        while (clock.now() >= window.end) Object.assign(window, { end: window.end + windowMs, used: 0 });
        const status = window.used < limit ? 200 : 429;
        window.used++;
        stats.statuses.push(status);
        stats.most = Math.max(stats.most, ++stats.inFlight);
        await delay(2);
        stats.inFlight--;
        const headers = {
          "X-RateLimit-Limit": String(limit),
          "X-RateLimit-Remaining": String(Math.max(0, limit - window.used)),
          "X-RateLimit-Reset": String(window.end / 1000),
        };
        return HttpResponse.json({ id: String(params.id), state: "issued" }, { status, headers });
      }),
    );
    return stats;
  }

  it("keeps a burst of concurrent calls within the limit: tries in flight count as spent, the rest wait for the reset", async () => {
    const { clock, sleeps } = fakeClock();
    const stats = windowedServer(clock, 5, 30_000);
    const client = exampleClient(clock, { maxConcurrency: 10 });
    await getOrder(client, "first");
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => getOrder(client, `o-${i}`)));
    expect(results.every((result) => result.error === undefined)).toBe(true);
    expect(stats.statuses).toHaveLength(25);
    expect(stats.statuses.filter((status) => status === 429)).toEqual([]);
    expect(sleeps.length).toBeGreaterThan(0);
  });

  it("keeps within the limit on a real clock too, with answers arriving in any order", async () => {
    const stats = windowedServer({ now: () => Date.now() }, 4, 1_000);
    const client = exampleClient(systemClock, { maxConcurrency: 8 });
    await getOrder(client, "first");
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => getOrder(client, `o-${i}`)));
    expect(results.every((result) => result.error === undefined)).toBe(true);
    expect(stats.statuses.filter((status) => status === 429)).toEqual([]);
    expect(stats.most).toBeLessThanOrEqual(4);
  });

  it("lets a call waiting for the reset be aborted, and frees its concurrency slot", async () => {
    const { clock } = fakeClock();
    windowedServer(clock, 1, 30_000);
    const client = exampleClient(clock, { maxConcurrency: 1 });
    await getOrder(client, "first");
    const stuck = getOrder(client, "o-2", { signal: AbortSignal.abort() });
    await expect(stuck).rejects.toMatchObject({ code: "ABORTED" });
    const { error } = await getOrder(client, "o-3");
    expect(error).toBeUndefined();
  });

  it("reads X-RateLimit-* (Unix or relative reset) and the IETF RateLimit-* headers", () => {
    const now = Date.UTC(2026, 10, 23, 12, 0, 0);
    expect(
      readRateLimit(new Headers({ "X-RateLimit-Remaining": "3", "X-RateLimit-Reset": "60" }), now)?.resetAt,
    ).toEqual(new Date(now + 60_000));
    // A reset alone says nothing the client can count with.
    expect(readRateLimit(new Headers({ "X-RateLimit-Reset": "60" }), now)).toBeUndefined();
    expect(
      readRateLimit(new Headers({ "RateLimit-Limit": "100", "RateLimit-Remaining": "5", "RateLimit-Reset": "9" }), now),
    ).toEqual({
      limit: 100,
      remaining: 5,
      resetAt: new Date(now + 9000),
      observedAt: new Date(now),
    });
    expect(readRateLimit(new Headers({ "X-RateLimit-Remaining": "lots" }), now)).toBeUndefined();
  });

  it("reads absurd figures as not said: a count past 2^31 - 1, a reset in milliseconds or years away", () => {
    const now = Date.UTC(2026, 10, 23, 12, 0, 0);
    const read = (headers: Record<string, string>) => readRateLimit(new Headers(headers), now);
    expect(read({ "X-RateLimit-Remaining": "3000000000" })).toBeUndefined();
    expect(read({ "X-RateLimit-Remaining": "99999999999999999999999" })).toBeUndefined();
    expect(read({ "X-RateLimit-Remaining": "5", "X-RateLimit-Limit": "3000000000" })).toMatchObject({
      remaining: 5,
      limit: undefined,
    });
    for (const reset of [String(now), "99999999999999", String(now / 1000 + 400 * 86_400), "40000000"]) {
      const state = read({ "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset });
      expect(state).toMatchObject({ remaining: 0, resetAt: undefined });
    }
    expect(read({ "RateLimit-Remaining": "0", "RateLimit-Reset": "99999999999" })?.resetAt).toBeUndefined();
    // A monthly quota's reset is a window still.
    expect(read({ "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "2592000" })?.resetAt).toEqual(
      new Date(now + 2_592_000_000),
    );
    expect(read({ "X-RateLimit-Remaining": "2147483647" })?.remaining).toBe(2_147_483_647);
    // A Unix time past 2038 (2^31 - 1 seconds) is a time still.
    const after2038 = Date.UTC(2040, 0, 1) / 1000;
    expect(
      readRateLimit(
        new Headers({ "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": String(after2038) }),
        after2038 * 1000 - 60_000,
      )?.resetAt,
    ).toEqual(new Date(after2038 * 1000));
  });
});
