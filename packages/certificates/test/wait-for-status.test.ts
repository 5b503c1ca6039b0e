import { CertkitError } from "@certkit/runtime";
import { describe, expect, it } from "vitest";
import { OrderEndedError, waitForStatus, type CertificateOrder, type OrderReader } from "../src/index.js";
import { orderIn } from "./support/orders.js";

/** A reader that answers the given outcomes in turn (the last one from then on), counting its calls. */
function readerOf(...outcomes: (CertificateOrder | CertkitError)[]): OrderReader & { calls: number } {
  const reader = {
    calls: 0,
    get(): Promise<CertificateOrder> {
      const outcome = outcomes[Math.min(reader.calls, outcomes.length - 1)]!;
      reader.calls += 1;
      return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
    },
  };
  return reader;
}

const fast = { intervalMs: 1, maxIntervalMs: 2 };

describe("waitForStatus", () => {
  it("polls until the order is issued, reporting each look", async () => {
    const reader = readerOf(orderIn("awaiting_validation"), orderIn("processing"), orderIn("issued"));
    const seen: string[] = [];
    const order = await waitForStatus(reader, "order-1", { ...fast, onProgress: (o, attempt) => seen.push(`${attempt}:${o.status}`) });
    expect(order.status).toBe("issued");
    expect(seen).toEqual(["1:awaiting_validation", "2:processing", "3:issued"]);
  });

  it("waits for any of several statuses", async () => {
    const reader = readerOf(orderIn("pending"), orderIn("awaiting_validation"));
    expect((await waitForStatus(reader, "order-1", { ...fast, until: ["awaiting_validation", "issued"] })).status).toBe("awaiting_validation");
  });

  it.each(["failed", "cancelled", "revoked"] as const)("rejects with OrderEndedError when the order is %s", async (status) => {
    const ended = orderIn(status, { reason: "DCV_FAILED", message: "the TXT record was not found" });
    const failure = await waitForStatus(readerOf(orderIn("processing"), ended), "order-1", fast).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OrderEndedError);
    expect(failure).toBeInstanceOf(CertkitError);
    expect(failure).toMatchObject({ code: "CONFLICT", providerCode: "DCV_FAILED", retryable: false, order: ended });
    expect((failure as Error).message).toBe(
      `certificate order order-1 is ${status} (${status.toUpperCase()}): the TXT record was not found; it will not become issued`,
    );
  });

  it("looks again after a refusal the client marks retryable, waiting as long as the provider asked", async () => {
    const limited = new CertkitError({ code: "RATE_LIMITED", provider: "dnsimple", message: "slow down", retryable: true, retryAfterMs: 30 });
    const reader = readerOf(limited, orderIn("issued"));
    const started = Date.now();
    await waitForStatus(reader, "order-1", fast);
    expect(reader.calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it("stops at the first error that is not retryable", async () => {
    const missing = new CertkitError({ code: "NOT_FOUND", provider: "ionos-ssl", message: "no such certificate", status: 404 });
    await expect(waitForStatus(readerOf(missing), "order-1", fast)).rejects.toBe(missing);
  });

  it("gives up with TIMEOUT after maxWaitMs", async () => {
    const reader = readerOf(orderIn("processing"));
    await expect(waitForStatus(reader, "order-1", { ...fast, maxWaitMs: 20 })).rejects.toMatchObject({
      code: "TIMEOUT",
      message: "waitForStatus: certificate order order-1 did not become issued within 20 ms",
    });
    expect(reader.calls).toBeGreaterThan(1);
  });

  it("stops with ABORTED when the signal aborts, between looks or before the first", async () => {
    const controller = new AbortController();
    const waiting = waitForStatus(readerOf(orderIn("processing")), "order-1", { intervalMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await expect(waiting).rejects.toMatchObject({ code: "ABORTED" });
    await expect(waitForStatus(readerOf(orderIn("issued")), "order-1", { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("grows the pause between looks by half each time, up to maxIntervalMs", async () => {
    const times: number[] = [];
    const reader: OrderReader = {
      get: () => {
        times.push(Date.now());
        return Promise.resolve(orderIn(times.length < 5 ? "processing" : "issued"));
      },
    };
    await waitForStatus(reader, "order-1", { intervalMs: 20, maxIntervalMs: 45 });
    const pauses = times.slice(1).map((time, index) => time - times[index]!);
    // 20, 30, 45, 45 ms (timers may fire a little late, never early).
    expect(pauses.map((pause, index) => pause >= [20, 30, 45, 45][index]! - 2)).toEqual([true, true, true, true]);
  });

  it.each([
    ["intervalMs", { intervalMs: -1 }],
    ["maxIntervalMs", { maxIntervalMs: Number.NaN }],
    ["maxWaitMs", { maxWaitMs: Number.POSITIVE_INFINITY }],
  ])("refuses a bad %s before any look", async (name, options) => {
    const reader = readerOf(orderIn("issued"));
    await expect(waitForStatus(reader, "order-1", options)).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining(name) });
    expect(reader.calls).toBe(0);
  });
});
