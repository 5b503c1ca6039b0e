import { CertkitError, DAY_MS } from "@certkit/runtime";
import { useMswServer } from "@certkit/test-kit";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ionosSsl } from "../src/providers/ionos-ssl/index.js";
import {
  createCertificateClient,
  OrderEndedError,
  waitForStatus,
  type CertificateOrder,
  type OrderReader,
} from "../src/index.js";
import { TIMER_MAX_MS } from "../src/timing/bounded-pause.js";
import { orderIn } from "./support/orders.js";

// Every case runs on vitest's fake clock: pauses of days pass in no real time, and every timer set is recorded.

/** A reader that answers the given outcomes in turn (the last one from then on), recording when it was called. */
function readerOf(...outcomes: (CertificateOrder | CertkitError)[]): OrderReader & { calls: number[] } {
  const reader = {
    calls: [] as number[],
    get(): Promise<CertificateOrder> {
      const outcome = outcomes[Math.min(reader.calls.length, outcomes.length - 1)]!;
      reader.calls.push(Date.now());
      return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
    },
  };
  return reader;
}

const rateLimited = (retryAfterMs: number) =>
  new CertkitError({
    code: "RATE_LIMITED",
    provider: "ionos-ssl",
    message: "slow down",
    status: 429,
    retryable: true,
    retryAfterMs,
  });

/** Runs the wait to its end on the fake clock, and says how it ended. */
async function settle<T>(waiting: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const outcome = waiting.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

let timers: number[];
beforeEach(() => {
  vi.useFakeTimers({
    now: new Date("2026-03-01T00:00:00Z"),
    toFake: ["setTimeout", "clearTimeout", "Date", "performance"],
  });
  timers = [];
  const setTimer = globalThis.setTimeout;
  vi.spyOn(globalThis, "setTimeout").mockImplementation(((handler: () => void, delay?: number, ...rest: unknown[]) => {
    timers.push(delay ?? 0);
    return setTimer(handler, delay, ...rest);
  }) as typeof setTimeout);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("waitForStatus", () => {
  it("polls until the order is issued, reporting each look, with pauses growing by half up to maxIntervalMs", async () => {
    const reader = readerOf(
      orderIn("awaiting_validation"),
      orderIn("processing"),
      orderIn("processing"),
      orderIn("processing"),
      orderIn("issued"),
    );
    const seen: string[] = [];
    const { value } = await settle(
      waitForStatus(reader, "order-1", {
        intervalMs: 20,
        maxIntervalMs: 45,
        onProgress: (o, attempt) => seen.push(`${attempt}:${o.status}`),
      }),
    );
    expect(value?.status).toBe("issued");
    expect(seen).toEqual(["1:awaiting_validation", "2:processing", "3:processing", "4:processing", "5:issued"]);
    expect(reader.calls.slice(1).map((time, index) => time - reader.calls[index]!)).toEqual([20, 30, 45, 45]);
  });

  it("waits for any of several statuses", async () => {
    const reader = readerOf(orderIn("pending"), orderIn("awaiting_validation"));
    const { value } = await settle(waitForStatus(reader, "order-1", { until: ["awaiting_validation", "issued"] }));
    expect(value?.status).toBe("awaiting_validation");
  });

  it.each(["failed", "cancelled", "revoked"] as const)(
    "rejects with OrderEndedError when the order is %s",
    async (status) => {
      const ended = orderIn(status, { reason: "DCV_FAILED", message: "the TXT record was not found" });
      const { error } = await settle(waitForStatus(readerOf(orderIn("processing"), ended), "order-1"));
      expect(error).toBeInstanceOf(OrderEndedError);
      expect(error).toBeInstanceOf(CertkitError);
      expect(error).toMatchObject({ code: "CONFLICT", providerCode: "DCV_FAILED", retryable: false, order: ended });
      expect((error as Error).message).toBe(
        `certificate order order-1 is ${status} (${status.toUpperCase()}): the TXT record was not found; it will not become issued`,
      );
    },
  );

  it("looks again after a refusal the client marks retryable, no sooner than the provider asked", async () => {
    const reader = readerOf(rateLimited(30_000), orderIn("issued"));
    await settle(waitForStatus(reader, "order-1", { intervalMs: 1_000 }));
    expect(reader.calls).toHaveLength(2);
    expect(reader.calls[1]! - reader.calls[0]!).toBe(30_000);
  });

  it("honours a pause longer than maxIntervalMs as several bounded timers, with no look before it ends", async () => {
    const reader = readerOf(rateLimited(2 * DAY_MS), orderIn("issued"));
    const { value } = await settle(
      waitForStatus(reader, "order-1", { intervalMs: 1_000, maxIntervalMs: 3_600_000, maxWaitMs: 3 * DAY_MS }),
    );
    expect(value?.status).toBe("issued");
    expect(reader.calls[1]! - reader.calls[0]!).toBe(2 * DAY_MS);
    expect(Math.max(...timers)).toBeLessThanOrEqual(3_600_000);
    expect(timers.length).toBeGreaterThanOrEqual(48);
  });

  it("rejects at once with the provider's error when the pause it asks for ends after maxWaitMs", async () => {
    const refusal = rateLimited(30 * DAY_MS);
    const reader = readerOf(refusal, orderIn("issued"));
    const started = Date.now();
    const { error } = await settle(waitForStatus(reader, "order-1", { maxWaitMs: 3_600_000 }));
    expect(error).toBe(refusal);
    expect(reader.calls).toHaveLength(1);
    expect(Date.now()).toBe(started);
  });

  it("waits longer than the timer's limit when maxWaitMs says so, every timer within it", async () => {
    const reader = readerOf(orderIn("processing"));
    const maxWaitMs = 100 * DAY_MS;
    const started = Date.now();
    const { error } = await settle(
      waitForStatus(reader, "order-1", { intervalMs: 10 * DAY_MS, maxIntervalMs: 10 * TIMER_MAX_MS, maxWaitMs }),
    );
    expect(error).toMatchObject({
      code: "TIMEOUT",
      message: `waitForStatus: certificate order order-1 did not become issued within ${maxWaitMs} ms`,
    });
    expect(Date.now() - started).toBe(maxWaitMs);
    expect(Math.max(...timers)).toBe(TIMER_MAX_MS);
    // Looks at 0, 10, 25 and 47.5 days, then every 24.86 days (the timer's limit), and at the deadline.
    expect(reader.calls.map((time) => Math.round((time - started) / DAY_MS))).toEqual([0, 10, 25, 48, 72, 97, 100]);
  });

  it("rejects with TIMEOUT at maxWaitMs while a look is still on its way, even one that ignores its signal", async () => {
    const seen: AbortSignal[] = [];
    const slow: OrderReader = {
      get: (_id, options) => {
        seen.push(options!.signal!);
        return new Promise(() => undefined);
      },
    };
    const started = Date.now();
    const { error } = await settle(waitForStatus(slow, "order-1", { maxWaitMs: 5_000 }));
    expect(error).toMatchObject({ code: "TIMEOUT", message: expect.stringContaining("within 5000 ms") });
    expect(Date.now() - started).toBe(5_000);
    // A client that honours its signal stops the request at that moment.
    expect(seen[0]!.aborted).toBe(true);
  });

  it("still looks once with maxWaitMs 0, and takes what that look says", async () => {
    const reader = readerOf(orderIn("issued"));
    const { value } = await settle(waitForStatus(reader, "order-1", { maxWaitMs: 0 }));
    expect(value?.status).toBe("issued");
    expect(reader.calls).toHaveLength(1);
  });

  it("keeps its pauses when the system clock is set back (the pauses are measured on a monotonic clock)", async () => {
    const reader = readerOf(orderIn("processing"), orderIn("issued"));
    const waiting = waitForStatus(reader, "order-1", { intervalMs: 1_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(reader.calls).toHaveLength(1);
    vi.setSystemTime(Date.now() - 3_600_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reader.calls).toHaveLength(2);
    expect((await waiting).status).toBe("issued");
  });

  it("stops with ABORTED when the signal aborts, between looks or before the first", async () => {
    const controller = new AbortController();
    const reader = readerOf(orderIn("processing"));
    const waiting = waitForStatus(reader, "order-1", { intervalMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    const { error } = await settle(waiting);
    expect(error).toMatchObject({ code: "ABORTED" });
    expect(reader.calls).toHaveLength(1);
    await expect(
      waitForStatus(readerOf(orderIn("issued")), "order-1", { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("stops at the first error that is not retryable", async () => {
    const missing = new CertkitError({
      code: "NOT_FOUND",
      provider: "ionos-ssl",
      message: "no such certificate",
      status: 404,
    });
    await expect(waitForStatus(readerOf(missing), "order-1")).rejects.toBe(missing);
  });

  it.each([
    ["intervalMs", { intervalMs: 0 }],
    ["intervalMs", { intervalMs: -1 }],
    ["intervalMs", { intervalMs: Number.POSITIVE_INFINITY }],
    ["maxIntervalMs", { maxIntervalMs: Number.NaN }],
    ["maxIntervalMs", { intervalMs: 1_000, maxIntervalMs: 10 }],
    ["maxWaitMs", { maxWaitMs: Number.POSITIVE_INFINITY }],
    ["maxWaitMs", { maxWaitMs: "60000" as unknown as number }],
  ])("refuses a bad %s before any look", async (name, options) => {
    const reader = readerOf(orderIn("issued"));
    await expect(waitForStatus(reader, "order-1", options)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining(name),
    });
    expect(reader.calls).toHaveLength(0);
  });
});

describe("waitForStatus against a provider answering Retry-After: 2592000 (30 days)", () => {
  const { server } = useMswServer();

  it("sends at most one request per maxIntervalMs, and none until the 30 days are over", async () => {
    const base = "https://ionos.example.test/ssl";
    const requests: number[] = [];
    server.use(
      http.get(`${base}/v1/certificates/:id`, () => {
        requests.push(Date.now());
        return requests.length === 1
          ? HttpResponse.json(
              { code: "ERROR", message: "Too many requests" },
              { status: 429, headers: { "Retry-After": "2592000" } },
            )
          : HttpResponse.json({
              id: "c-1",
              commonName: "shop.example.com",
              status: "ACTIVE",
              certificateType: "SSL_STARTER",
            });
      }),
    );
    const certs = createCertificateClient(ionosSsl({ apiKey: "pre.secret", baseUrl: base }), {
      now: () => new Date(0),
    });
    const maxIntervalMs = 3_600_000;
    const waiting = waitForStatus(certs, "c-1", { intervalMs: 5_000, maxIntervalMs, maxWaitMs: 40 * DAY_MS });

    await vi.advanceTimersByTimeAsync(30 * DAY_MS - 1_000);
    expect(requests).toHaveLength(1);
    const { value } = await settle(waiting);
    expect(value?.status).toBe("issued");
    expect(requests).toHaveLength(2);
    expect(requests[1]! - requests[0]!).toBeGreaterThanOrEqual(30 * DAY_MS);
  });
});
