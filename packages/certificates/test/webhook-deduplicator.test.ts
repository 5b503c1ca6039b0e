import { afterEach, describe, expect, it, vi } from "vitest";
import { createWebhookDeduplicator, deliveryKey, type DeliveryStore } from "../src/index.js";

/** A store of the caller's own that records the keys it is given. */
function recordingStore(): DeliveryStore & { keys: string[]; released: string[] } {
  const claimed = new Set<string>();
  const store = {
    keys: [] as string[],
    released: [] as string[],
    claim: (key: string) => {
      store.keys.push(key);
      return Promise.resolve(claimed.has(key) ? false : Boolean(claimed.add(key)));
    },
    release: (key: string) => {
      store.released.push(key);
      claimed.delete(key);
    },
  };
  return store;
}

afterEach(() => vi.useRealTimers());

describe("createWebhookDeduplicator", () => {
  it("says true for the first delivery of an identifier and false for repeats", async () => {
    const dedupe = createWebhookDeduplicator();
    expect(await dedupe.isFirstDelivery("3a3f3e4a-0001")).toBe(true);
    expect(await dedupe.isFirstDelivery("3a3f3e4a-0001")).toBe(false);
    expect(await dedupe.isFirstDelivery("3a3f3e4a-0002")).toBe(true);
  });

  it("keeps a fixed-size digest of each identifier, never the identifier, however long a sender makes it", async () => {
    const store = recordingStore();
    const dedupe = createWebhookDeduplicator({ store });
    const forged = "x".repeat(10 * 1024 * 1024);
    expect(await dedupe.isFirstDelivery(forged)).toBe(true);
    expect(await dedupe.isFirstDelivery("5f0c8a4e-2b1d-4c3e-9f8a-7b6c5d4e3f2a")).toBe(true);
    expect(store.keys.map((key) => key.length)).toEqual([50, 50]);
    expect(store.keys[1]).toBe(await deliveryKey("5f0c8a4e-2b1d-4c3e-9f8a-7b6c5d4e3f2a"));
    expect(store.keys[1]).toMatch(/^sha256:[A-Za-z0-9_-]{43}$/);
    expect(await deliveryKey("a")).not.toBe(await deliveryKey("b"));
  });

  it("forgets the oldest identifiers beyond maxEntries", async () => {
    const dedupe = createWebhookDeduplicator({ maxEntries: 2 });
    for (const id of ["a", "b", "c"]) await dedupe.isFirstDelivery(id);
    expect(await dedupe.isFirstDelivery("a")).toBe(true);
    expect(await dedupe.isFirstDelivery("c")).toBe(false);
  });

  it("forgets a delivery after maxAgeMs, and remembers it until then", async () => {
    vi.useFakeTimers({ now: new Date("2026-06-01T09:00:00Z"), toFake: ["Date"] });
    const dedupe = createWebhookDeduplicator({ maxAgeMs: 2 * 3_600_000 });
    expect(await dedupe.isFirstDelivery("retried")).toBe(true);
    vi.setSystemTime(Date.now() + 2 * 3_600_000 - 1);
    expect(await dedupe.isFirstDelivery("retried")).toBe(false);
    vi.setSystemTime(Date.now() + 2 * 3_600_000);
    expect(await dedupe.isFirstDelivery("retried")).toBe(true);
  });

  it("uses a store of the caller's own, such as a shared database", async () => {
    const store = recordingStore();
    const first = createWebhookDeduplicator({ store });
    const second = createWebhookDeduplicator({ store });
    expect(await first.isFirstDelivery("x")).toBe(true);
    expect(await second.isFirstDelivery("x")).toBe(false);
  });

  it("refuses a missing identifier and bad limits", async () => {
    await expect(createWebhookDeduplicator().isFirstDelivery("")).rejects.toThrow(TypeError);
    await expect(createWebhookDeduplicator().handleOnce(undefined as unknown as string, () => 1)).rejects.toThrow(
      TypeError,
    );
    // UTF-8 would make each lone surrogate U+FFFD: three identifiers, one key.
    for (const id of ["evt-\uD800", "evt-\uDFFF"])
      await expect(createWebhookDeduplicator().isFirstDelivery(id), id).rejects.toThrow(/well-formed text/);
    expect(await createWebhookDeduplicator().isFirstDelivery("evt-\uFFFD")).toBe(true);
    expect(await createWebhookDeduplicator().isFirstDelivery("evt-\uD83D\uDE00")).toBe(true);
    expect(() => createWebhookDeduplicator({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => createWebhookDeduplicator({ maxAgeMs: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});

describe("handleOnce", () => {
  it("runs the handler once for 1,000 deliveries of one event arriving at once", async () => {
    const dedupe = createWebhookDeduplicator();
    let runs = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 1_000 }, () =>
        dedupe.handleOnce("9a5fd2bb-0001", async () => {
          runs += 1;
          await new Promise((resolve) => setTimeout(resolve, 5));
          return "done";
        }),
      ),
    );
    expect(runs).toBe(1);
    expect(outcomes.filter((outcome) => outcome.handled)).toEqual([{ handled: true, result: "done" }]);
  });

  it("releases the claim when the handler fails, so the provider's next delivery is handled", async () => {
    const store = recordingStore();
    const dedupe = createWebhookDeduplicator({ store });
    const down = new Error("the provider is down");
    await expect(dedupe.handleOnce("retry-me", () => Promise.reject(down))).rejects.toBe(down);
    expect(store.released).toEqual([await deliveryKey("retry-me")]);
    expect(await dedupe.handleOnce("retry-me", () => "handled")).toEqual({ handled: true, result: "handled" });
    expect(await dedupe.handleOnce("retry-me", () => "again")).toEqual({ handled: false });
  });

  /** A handler that says when it starts, and ends when the test says. */
  function heldHandler<T>() {
    let start!: () => void;
    const started = new Promise<void>((resolve) => (start = resolve));
    let end!: { resolve: (value: T) => void; reject: (error: Error) => void };
    const handle = () => {
      start();
      return new Promise<T>((resolve, reject) => (end = { resolve, reject }));
    };
    return { handle, started, end: () => end };
  }

  it("answers a repeat that arrives during the first handling only when that one ends, and handles it if it failed", async () => {
    const dedupe = createWebhookDeduplicator();
    const held = heldHandler<string>();
    const first = dedupe.handleOnce("slow-event", held.handle);
    await held.started;
    const runs: string[] = [];
    let repeatAnswered = false;
    const repeat = dedupe
      .handleOnce("slow-event", () => {
        runs.push("repeat");
        return "handled by the repeat";
      })
      .finally(() => (repeatAnswered = true));
    // Time for the repeat to reach its claim; its sender gets no answer while the event is not handled yet.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(repeatAnswered).toBe(false);
    held.end().reject(new Error("the provider is down"));
    await expect(first).rejects.toThrow("the provider is down");
    expect(await repeat).toEqual({ handled: true, result: "handled by the repeat" });
    expect(runs).toEqual(["repeat"]);
  });

  it("answers a repeat that arrives during a first handling that succeeds as not handled, once it succeeded", async () => {
    const dedupe = createWebhookDeduplicator();
    const held = heldHandler<string>();
    const first = dedupe.handleOnce("event", held.handle);
    await held.started;
    let repeatAnswered = false;
    const repeat = dedupe.handleOnce("event", () => "never").finally(() => (repeatAnswered = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(repeatAnswered).toBe(false);
    held.end().resolve("done");
    expect(await first).toEqual({ handled: true, result: "done" });
    expect(await repeat).toEqual({ handled: false });
  });

  it("keeps a failed delivery claimed in a store that cannot release", async () => {
    const claimed = new Set<string>();
    const dedupe = createWebhookDeduplicator({
      store: { claim: (key) => (claimed.has(key) ? false : Boolean(claimed.add(key))) },
    });
    await expect(dedupe.handleOnce("once", () => Promise.reject(new Error("failed")))).rejects.toThrow("failed");
    expect(await dedupe.handleOnce("once", () => "never")).toEqual({ handled: false });
  });
});
