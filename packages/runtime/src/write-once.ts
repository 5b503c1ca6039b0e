import { isCertkitError } from "./certkit-error.js";

/** What {@link writeOnce} needs: the write, and a way to find what it creates by a key the caller chose. */
export interface WriteOnceOptions<Result> {
  /** Sends the write. Resolves to its result; rejects with a `CertkitError` when it fails. */
  send: () => Promise<Result>;
  /**
   * Looks for what `send` creates, by the caller's own key (e.g. Resello's `client_reference`). Resolves to it, or to
   * `undefined` when nothing with that key is listed: that proves nothing (a provider's list may show a new object
   * only a while after it was made), so the write is not sent again.
   */
  find: () => Promise<Result | undefined>;
}

/**
 * Sends a write that must not happen twice (a purchase) once, and never again. When it fails with `effectUnknown`
 * (no answer, a timeout, a 5xx, an unreadable answer), it looks once with `find`: what it finds is the result.
 * Otherwise, or when the look fails, it rejects with the write's error (`effectUnknown: true`): the object may exist,
 * and the caller, who holds the key, looks again later rather than writing again.
 *
 * A write is never repeated because a look found nothing: lists and searches lag behind writes (a search index
 * shows a new order seconds later), so "not found" does not prove the write did not take effect. Only a provider
 * that refuses a second write with the same key could make a repeat safe, and none certkit covers is known to.
 */
export async function writeOnce<Result>(options: WriteOnceOptions<Result>): Promise<Result> {
  try {
    return await options.send();
  } catch (error) {
    if (!isCertkitError(error) || !error.effectUnknown) throw error;
    let found: Result | undefined;
    try {
      found = await options.find();
    } catch {
      throw error;
    }
    if (found !== undefined) return found;
    throw error;
  }
}
