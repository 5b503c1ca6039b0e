/**
 * Where a deduplicator remembers the deliveries it has seen. `claim` must be atomic (a Redis `SET key 1 NX EX ...`, a
 * unique row): two deliveries of one event racing each other must not both get `true`.
 */
export interface DeliveryStore {
  /** Records `key`; `true` the first time, `false` when it was already there. */
  claim(key: string): boolean | Promise<boolean>;
}

/** Options of {@link createWebhookDeduplicator}. */
export interface WebhookDeduplicatorOptions {
  /** Where seen deliveries are kept. Default: this process's memory, the latest `maxEntries` of them. */
  store?: DeliveryStore;
  /** How many deliveries the default in-memory store remembers. Default 10 000. */
  maxEntries?: number;
}

/** Tells first deliveries of a webhook event from repeats. */
export interface WebhookDeduplicator {
  /** `true` for the first delivery with this identifier, `false` for a repeat. */
  isFirstDelivery(requestIdentifier: string): Promise<boolean>;
}

/** The default store: a set in memory that forgets the oldest keys beyond `maxEntries`. */
function memoryStore(maxEntries: number): DeliveryStore {
  const seen = new Set<string>();
  return {
    claim(key) {
      if (seen.has(key)) return false;
      seen.add(key);
      // A Set iterates in insertion order: the first key is the oldest.
      if (seen.size > maxEntries) seen.delete(seen.values().next().value!);
      return true;
    },
  };
}

/**
 * A deduplicator for webhook deliveries keyed on the provider's delivery id (DNSimple's `request_identifier`):
 * providers deliver at least once and retry on any non-2xx answer, so a handler sees the same event more than once.
 */
export function createWebhookDeduplicator(options: WebhookDeduplicatorOptions = {}): WebhookDeduplicator {
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a whole number ≥ 1, got ${maxEntries}`);
  const store = options.store ?? memoryStore(maxEntries);
  return {
    async isFirstDelivery(requestIdentifier) {
      if (typeof requestIdentifier !== "string" || requestIdentifier === "") {
        throw new TypeError("isFirstDelivery needs the delivery's request identifier");
      }
      return store.claim(requestIdentifier);
    },
  };
}
