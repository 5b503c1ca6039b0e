import { DAY_MS } from "@certkit/runtime";

/**
 * Where a deduplicator remembers the deliveries it has seen, by a fixed-size key (see {@link deliveryKey}). `claim`
 * must be atomic (a Redis `SET key 1 NX EX <seconds>`, an insert into a unique column): two deliveries of one event
 * racing each other must not both get `true`.
 */
export interface DeliveryStore {
  /** Records `key`; `true` the first time, `false` when it is already there. */
  claim(key: string): boolean | Promise<boolean>;
  /**
   * Forgets `key`, so that the next delivery with it is handled again: {@link WebhookDeduplicator.handleOnce} calls
   * it when the handling failed (the provider then delivers again). A store without it keeps failed deliveries claimed.
   */
  release?(key: string): void | Promise<void>;
}

/** Options of {@link createWebhookDeduplicator}. */
export interface WebhookDeduplicatorOptions {
  /** Where seen deliveries are kept. Default: this process's memory, bounded by `maxEntries` and `maxAgeMs`. */
  store?: DeliveryStore;
  /**
   * How many deliveries the default in-memory store remembers at most; beyond it the oldest is forgotten. Each takes a
   * 43-character digest and a time, about 150 bytes with the map's own cost: 10 000 take about 1.5 MB. Default 10 000.
   */
  maxEntries?: number;
  /**
   * How long the default in-memory store remembers a delivery, in ms. DNSimple retries a delivery for about two hours,
   * so the default, 24 hours, outlasts every retry. Default 86 400 000.
   */
  maxAgeMs?: number;
}

/** What {@link WebhookDeduplicator.handleOnce} did. */
export type DeliveryHandling<T> = { handled: true; result: T } | { handled: false };

/** Tells first deliveries of a webhook event from repeats. */
export interface WebhookDeduplicator {
  /**
   * Handles a delivery at most once: claims it, and only then runs `handle` (the provider GET, the work), so repeats
   * arriving at the same time, or later, do nothing and cost no request. When `handle` throws, the claim is released
   * and the error thrown: answer the provider with an error, and its next delivery is handled. A repeat arriving in
   * this process while the first is handled waits for it: `{ handled: false }` once it succeeded, or, when it failed,
   * it handles the event itself. (Across processes sharing a store, a repeat during the handling is `{ handled:
   * false }` at once: the store knows the claim, not how it ends.)
   */
  handleOnce<T>(requestIdentifier: string, handle: () => T | Promise<T>): Promise<DeliveryHandling<T>>;
  /** Claims a delivery: `true` for the first delivery with this identifier, `false` for a repeat. */
  isFirstDelivery(requestIdentifier: string): Promise<boolean>;
}

const DEFAULT_MAX_ENTRIES = 10_000;
const DEFAULT_MAX_AGE_MS = DAY_MS;

// A half of a UTF-16 surrogate pair on its own: UTF-8 cannot hold it, and encodes every one as U+FFFD.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The fixed-size key a delivery is remembered by: `sha256:` and the Base64url SHA-256 digest of its identifier
 * (WebCrypto, in every runtime). However long an identifier a sender makes up, a store keeps 50 characters for it;
 * a cryptographic hash of the identifier's UTF-8, so no one can make two identifiers share a key (an identifier
 * that is not well-formed text, which UTF-8 would change, is refused).
 *
 * @throws TypeError when the identifier holds a lone surrogate.
 */
export async function deliveryKey(requestIdentifier: string): Promise<string> {
  if (LONE_SURROGATE.test(requestIdentifier))
    throw new TypeError("a delivery's request identifier must be well-formed text (it holds a lone surrogate)");
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(requestIdentifier)));
  let binary = "";
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `sha256:${btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
}

/**
 * The default store: a map in memory from key to the time it was claimed, in claim order, so the oldest entries are
 * first: expired ones are dropped from the front on every claim, and beyond `maxEntries` the oldest goes.
 */
function memoryStore(maxEntries: number, maxAgeMs: number): DeliveryStore {
  const claimedAt = new Map<string, number>();
  return {
    claim(key) {
      const now = Date.now();
      for (const [oldest, at] of claimedAt) {
        if (now - at < maxAgeMs) break;
        claimedAt.delete(oldest);
      }
      if (claimedAt.has(key)) return false;
      claimedAt.set(key, now);
      if (claimedAt.size > maxEntries) claimedAt.delete(claimedAt.keys().next().value!);
      return true;
    },
    release(key) {
      claimedAt.delete(key);
    },
  };
}

function checkLimit(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${name} must be a whole number ≥ 1, got ${value}`);
  return value;
}

/**
 * A deduplicator for webhook deliveries keyed on the provider's delivery id (DNSimple's `request_identifier`):
 * providers deliver at least once and retry on any non-2xx answer, so a handler sees the same event more than once.
 * It remembers a fixed-size digest of each id ({@link deliveryKey}), never the id itself, in memory (bounded in
 * number and age) or in a store of yours shared by every process that receives deliveries.
 */
export function createWebhookDeduplicator(options: WebhookDeduplicatorOptions = {}): WebhookDeduplicator {
  const maxEntries = checkLimit("maxEntries", options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  const maxAgeMs = checkLimit("maxAgeMs", options.maxAgeMs ?? DEFAULT_MAX_AGE_MS);
  const store = options.store ?? memoryStore(maxEntries, maxAgeMs);
  const keyOf = (requestIdentifier: unknown) => {
    if (typeof requestIdentifier !== "string" || requestIdentifier === "") {
      throw new TypeError("a deduplicator needs the delivery's request identifier");
    }
    return deliveryKey(requestIdentifier);
  };
  // The handlings under way in this process, by key: a repeat that arrives meanwhile waits for its outcome.
  const underWay = new Map<string, Promise<DeliveryHandling<unknown>>>();
  const attempt = async <T>(key: string, handle: () => T | Promise<T>): Promise<DeliveryHandling<T>> => {
    if (!(await store.claim(key))) return { handled: false };
    try {
      return { handled: true, result: await handle() };
    } catch (error) {
      await store.release?.(key);
      throw error;
    }
  };
  return {
    async isFirstDelivery(requestIdentifier) {
      return store.claim(await keyOf(requestIdentifier));
    },
    async handleOnce<T>(requestIdentifier: string, handle: () => T | Promise<T>): Promise<DeliveryHandling<T>> {
      const key = await keyOf(requestIdentifier);
      for (;;) {
        const running = underWay.get(key);
        if (running === undefined) break;
        // Answered only once the first handling succeeded: if it fails, this delivery handles the event itself (the
        // first's sender gets the error, and this one's would otherwise get a success for an event never handled).
        if (
          await running.then(
            () => true,
            () => false,
          )
        )
          return { handled: false };
      }
      const handling = attempt(key, handle);
      underWay.set(key, handling);
      try {
        return await handling;
      } finally {
        if (underWay.get(key) === handling) underWay.delete(key);
      }
    },
  };
}
