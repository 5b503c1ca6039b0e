import { abortReason } from "./abort-reason.js";

/** Lets at most `max` tries be in flight at once; the rest wait in order of arrival. */
export interface ConcurrencyLimiter {
  /** Resolves when a slot is free; rejects with the signal's reason if the signal aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Frees a slot taken with `acquire`. */
  release(): void;
}

/** Makes a {@link ConcurrencyLimiter}; `Infinity` lets everything through. */
export function createConcurrencyLimiter(max: number): ConcurrencyLimiter {
  let active = 0;
  const waiting: (() => void)[] = [];

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      if (active < max) {
        active++;
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          waiting.splice(waiting.indexOf(grant), 1);
          reject(abortReason(signal));
        };
        // The slot passes straight from the releasing call to this one, so `active` is unchanged.
        const grant = () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        };
        waiting.push(grant);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
    release() {
      const next = waiting.shift();
      if (next) next();
      else active--;
    },
  };
}
