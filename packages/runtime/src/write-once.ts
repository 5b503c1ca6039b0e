import { CertkitError, isCertkitError } from "./certkit-error.js";

/** What {@link writeOnce} needs: the write, and a way to find what it creates by a key the caller chose. */
export interface WriteOnceOptions<Result> {
  /** Sends the write. Resolves to its result; rejects with a `CertkitError` when it fails. */
  send: () => Promise<Result>;
  /**
   * Looks for what `send` creates, by the caller's own key (e.g. Resello's `client_reference`). Resolves to it, or to
   * `undefined` when nothing with that key exists (so the write did not take effect).
   */
  find: () => Promise<Result | undefined>;
  /** Times `send` may be called in all. Default 3. */
  maxAttempts?: number;
}

/**
 * Sends a write that must not happen twice (a purchase) and makes it safe to repeat, for providers that let the
 * caller give each object a key of their own. When a try fails with `effectUnknown` (no answer, timeout, 5xx), it
 * calls `find`: if the object exists, that is the result; if not, the write did not happen and is sent again.
 * Any other failure, or a failing `find`, rejects with the write's error, which says the order may exist.
 *
 * The look-up must be consistent with the write; a provider whose list lags behind its writes could still hide an
 * order that exists, so use this only where the key is checked when the write is made.
 */
export async function writeOnce<Result>(options: WriteOnceOptions<Result>): Promise<Result> {
  const maxAttempts = options.maxAttempts ?? 3;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new CertkitError({
      code: "INVALID_INPUT",
      provider: "runtime",
      message: `writeOnce: option "maxAttempts" must be a whole number of at least 1`,
    });
  }
  for (let attempt = 1; ; attempt++) {
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
      if (attempt >= maxAttempts) throw error;
    }
  }
}
