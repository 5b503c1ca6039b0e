import { abortReason } from "./abort-reason.js";
import type { RateLimitState } from "./rate-limit.js";
import type { TransportClock } from "./transport.js";

/**
 * Spends a provider's rate limit no faster than it allows, across all of a client's calls at once. The last answer
 * says how many requests are left in the window; the gate counts down from there for every try it lets through, and
 * counts tries still in flight as spent (the provider may not have counted them yet). When none is left, tries wait
 * for the window's reset; without a known reset, for the next answer to say more.
 */
export interface RateLimitGate {
  /** What the provider last said, as `client.rateLimit` shows it. */
  readonly current: RateLimitState | undefined;
  /**
   * Resolves when a try may be sent, and counts it as sent. A wait longer than `longestWaitMs` is not made: the try
   * goes, and the provider's refusal says how long to wait. Rejects with the signal's reason if it aborts first.
   */
  enter(signal: AbortSignal | undefined, longestWaitMs: number): Promise<void>;
  /** A try that `enter` let through has ended, with the rate-limit figures of its answer (if it had any). */
  leave(observed: RateLimitState | undefined): void;
}

/** Makes a {@link RateLimitGate} for one client. */
export function createRateLimitGate(clock: TransportClock): RateLimitGate {
  let current: RateLimitState | undefined;
  // Tries that may still be sent in the current window by our count, or undefined while no limit is known.
  let allowance: number | undefined;
  let windowEnd: number | undefined;
  let inFlight = 0;
  let waitingForAnswer: (() => void)[] = [];

  const nextAnswer = (signal: AbortSignal | undefined) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const onAbort = () => {
        waitingForAnswer = waitingForAnswer.filter((wake) => wake !== done);
        reject(abortReason(signal));
      };
      const done = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      waitingForAnswer.push(done);
      signal?.addEventListener("abort", onAbort, { once: true });
    });

  return {
    get current() {
      return current;
    },
    async enter(signal, longestWaitMs) {
      while (allowance !== undefined && allowance <= 0) {
        const now = clock.now();
        if (windowEnd !== undefined && windowEnd > now) {
          if (windowEnd - now > longestWaitMs) break;
          await clock.sleep(windowEnd - now, signal);
        } else if (windowEnd !== undefined) {
          // A new window: the whole limit, less the tries still in flight, which may count in it.
          allowance = current?.limit === undefined ? undefined : current.limit - inFlight;
          windowEnd = undefined;
        } else if (inFlight > 0) {
          await nextAnswer(signal);
        } else {
          break;
        }
      }
      if (allowance !== undefined) allowance--;
      inFlight++;
    },
    leave(observed) {
      inFlight--;
      if (observed !== undefined) {
        current = observed;
        const resetAt = observed.resetAt?.getTime();
        const estimate = observed.remaining === undefined ? undefined : observed.remaining - inFlight;
        // Answers can arrive out of order: within one window, the lower count is the one to trust.
        allowance =
          resetAt !== undefined && resetAt === windowEnd && allowance !== undefined && estimate !== undefined ? Math.min(allowance, estimate) : estimate;
        windowEnd = resetAt;
      }
      const waiting = waitingForAnswer;
      waitingForAnswer = [];
      for (const wake of waiting) wake();
    },
  };
}
