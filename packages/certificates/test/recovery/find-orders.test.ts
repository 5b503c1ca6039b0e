import { CertkitError } from "@certkit/runtime";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createCertificateClient,
  OrderNotConfirmedError,
  type CertificateAdapter,
  type CertificateOrder,
  type OrderRecovery,
} from "../../src/index.js";
import { lookWithBackoff } from "../../src/recovery/find-orders.js";
import { orderIn } from "../support/orders.js";

// findOrders' pauses, on vitest's fake clock: a lagging list is looked at again with doubling, bounded pauses.

beforeEach(() => {
  vi.useFakeTimers({
    now: new Date("2026-06-01T09:00:00Z"),
    toFake: ["setTimeout", "clearTimeout", "Date", "performance"],
  });
});
afterEach(() => vi.useRealTimers());

/** A look that finds the order only from `showsAt` (ms after the start) on, recording when it was called. */
function laggingLook(showsAt: number) {
  const start = Date.now();
  const calls: number[] = [];
  const look = () => {
    calls.push(Date.now() - start);
    return Promise.resolve(Date.now() - start >= showsAt ? [orderIn("pending")] : []);
  };
  return { look, calls };
}

async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

const recovery: OrderRecovery = {
  provider: "ionos-ssl",
  commonName: "shop.example.com",
  altNames: [],
  sentAt: "2026-06-01T09:00:00.000Z",
};

describe("findOrders' backoff", () => {
  it("looks at once, then after 1, 2, 4, 8, 15, 15 s... until the list shows the order", async () => {
    const { look, calls } = laggingLook(20_000);
    const { value } = await settle(lookWithBackoff(look));
    expect(value).toHaveLength(1);
    expect(calls).toEqual([0, 1_000, 3_000, 7_000, 15_000, 30_000]);
  });

  it("gives up after maxWaitMs with what it found (nothing), having looked a bounded number of times", async () => {
    const { look, calls } = laggingLook(Number.POSITIVE_INFINITY);
    const { value } = await settle(lookWithBackoff(look, { maxWaitMs: 60_000 }));
    expect(value).toEqual([]);
    expect(calls).toEqual([0, 1_000, 3_000, 7_000, 15_000, 30_000, 45_000, 60_000]);
  });

  it("looks once with maxWaitMs 0, and keeps every pause within maxIntervalMs", async () => {
    const once = laggingLook(Number.POSITIVE_INFINITY);
    await settle(lookWithBackoff(once.look, { maxWaitMs: 0 }));
    expect(once.calls).toEqual([0]);
    const bounded = laggingLook(Number.POSITIVE_INFINITY);
    await settle(lookWithBackoff(bounded.look, { maxWaitMs: 10_000, intervalMs: 2_000, maxIntervalMs: 3_000 }));
    expect(bounded.calls).toEqual([0, 2_000, 5_000, 8_000, 10_000]);
  });

  it("stops with ABORTED, and passes a failing look's error on", async () => {
    const controller = new AbortController();
    const { look } = laggingLook(Number.POSITIVE_INFINITY);
    const waiting = lookWithBackoff(look, { signal: controller.signal });
    setTimeout(() => controller.abort(), 1_500);
    expect((await settle(waiting)).error).toMatchObject({ code: "ABORTED" });
    const down = new CertkitError({ code: "PROVIDER", provider: "ionos-ssl", message: "down", status: 503 });
    expect((await settle(lookWithBackoff(() => Promise.reject(down)))).error).toBe(down);
  });

  it.each([
    { maxWaitMs: -1 },
    { intervalMs: 0 },
    { maxIntervalMs: Number.NaN },
    { maxWaitMs: Number.POSITIVE_INFINITY },
  ])("refuses %o before looking", async (options) => {
    const { look, calls } = laggingLook(0);
    expect((await settle(lookWithBackoff(look, options))).error).toMatchObject({ code: "INVALID_INPUT" });
    expect(calls).toEqual([]);
  });
});

describe("client.findOrders", () => {
  const adapter = (found: CertificateOrder[]): CertificateAdapter => ({
    provider: "ionos-ssl",
    capabilities: {
      list: true,
      get: true,
      order: true,
      validation: true,
      confirmValidation: true,
      download: true,
      renew: false,
      reissue: false,
      cancel: true,
      revoke: false,
      validationMethods: ["dns"],
      csr: "optional",
    },
    productLimits: () => undefined,
    findOrders: () => Promise.resolve(found),
  });

  it("derives statuses as every answer's are, and refuses the recovery of another provider's order", async () => {
    const certs = createCertificateClient(adapter([orderIn("issued", { validUntil: "2026-01-01T00:00:00Z" })]));
    expect((await certs.findOrders(recovery, { maxWaitMs: 0 })).map((order) => order.status)).toEqual(["expired"]);
    await expect(certs.findOrders({ ...recovery, provider: "resello" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { recovery: [expect.any(String)] },
    });
    for (const bad of [
      null,
      "recovery",
      { ...recovery, altNames: "www.example.com" },
      { ...recovery, sentAt: "yesterday" },
      { ...recovery, parent: 1010 },
      { ...recovery, commonName: undefined },
    ]) {
      await expect(certs.findOrders(bad as unknown as OrderRecovery)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
  });

  it("says how to look when an OrderNotConfirmedError was made outside a client", async () => {
    const lost = new CertkitError({
      code: "NETWORK",
      provider: "ionos-ssl",
      message: "no answer",
      effectUnknown: true,
    });
    const error = new OrderNotConfirmedError(lost, recovery);
    expect(error).toBeInstanceOf(OrderNotConfirmedError);
    expect(lost).not.toBeInstanceOf(OrderNotConfirmedError);
    await expect(error.findOrders()).rejects.toMatchObject({
      code: "UNSUPPORTED",
      message: expect.stringContaining("client.findOrders(error.recovery)"),
    });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      code: "NETWORK",
      effectUnknown: true,
      retryable: false,
      recovery,
    });
  });
});
