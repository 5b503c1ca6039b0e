import { describe, expect, it } from "vitest";
import { createWebhookDeduplicator, type DeliveryStore } from "../src/index.js";

describe("createWebhookDeduplicator", () => {
  it("says true for the first delivery of an identifier and false for repeats", async () => {
    const dedupe = createWebhookDeduplicator();
    expect(await dedupe.isFirstDelivery("3a3f3e4a-0001")).toBe(true);
    expect(await dedupe.isFirstDelivery("3a3f3e4a-0001")).toBe(false);
    expect(await dedupe.isFirstDelivery("3a3f3e4a-0002")).toBe(true);
  });

  it("forgets the oldest identifiers beyond maxEntries", async () => {
    const dedupe = createWebhookDeduplicator({ maxEntries: 2 });
    for (const id of ["a", "b", "c"]) await dedupe.isFirstDelivery(id);
    expect(await dedupe.isFirstDelivery("a")).toBe(true);
    expect(await dedupe.isFirstDelivery("c")).toBe(false);
  });

  it("uses a store of the caller's own, such as a shared database", async () => {
    const claimed = new Set<string>();
    const store: DeliveryStore = {
      claim: (key) => Promise.resolve(claimed.has(key) ? false : Boolean(claimed.add(key))),
    };
    const first = createWebhookDeduplicator({ store });
    const second = createWebhookDeduplicator({ store });
    expect(await first.isFirstDelivery("x")).toBe(true);
    expect(await second.isFirstDelivery("x")).toBe(false);
  });

  it("refuses a missing identifier and a bad maxEntries", async () => {
    await expect(createWebhookDeduplicator().isFirstDelivery("")).rejects.toThrow(TypeError);
    expect(() => createWebhookDeduplicator({ maxEntries: 0 })).toThrow(RangeError);
  });
});
