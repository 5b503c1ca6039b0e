import { abortReason } from "../abort-reason.js";
import type { Send, Step } from "../call.js";
import { readRateLimit, type RateLimitState } from "../rate-limit.js";

/**
 * The longest a try waits for the provider's rate-limit window to reset. A longer wait is not made: the try goes,
 * and the provider's refusal (429) says how long to wait, which the retry step honours or reports.
 */
export const MAX_RATE_LIMIT_WAIT_MS = 30_000;

/**
 * Spends a provider's rate limit no faster than it allows, across all of a client's calls at once. The last answer
 * says how many requests are left in the window; the gate counts down from there for every try it lets through, and
 * counts tries still in flight as spent (the provider may not have counted them yet). When none is left, tries wait
 * for the window's reset; without a known reset, for the next answer to say more. The figures of the last answer that
 * had any are the client's `rateLimit`.
 */
export const rateLimitStep: Step = (next, client) => {
  const { clock } = client;
  // Tries that may still be sent in the current window by our count, or undefined while no limit is known.
  let allowance: number | undefined;
  let windowEnd: number | undefined;
  let inFlight = 0;
  let waitingForAnswer: (() => void)[] = [];

  const nextAnswer = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        waitingForAnswer = waitingForAnswer.filter((wake) => wake !== done);
        reject(abortReason(signal));
      };
      const done = () => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      };
      waitingForAnswer.push(done);
      signal.addEventListener("abort", onAbort, { once: true });
    });

  /** Counts a try as sent. Called in the same turn as the check that lets it through, so no other try slips between. */
  const take = () => {
    if (allowance !== undefined) allowance--;
    inFlight++;
  };

  /** Waits while no request is left and the wait is worth making, then takes a request. */
  const waitAndTake = async (signal: AbortSignal) => {
    while (allowance !== undefined && allowance <= 0) {
      signal.throwIfAborted();
      const now = clock.now();
      if (windowEnd !== undefined && windowEnd > now) {
        if (windowEnd - now > MAX_RATE_LIMIT_WAIT_MS) break;
        await clock.sleep(windowEnd - now, signal);
      } else if (windowEnd !== undefined) {
        // A new window: the whole limit, less the tries still in flight, which may count in it.
        allowance = client.rateLimit?.limit === undefined ? undefined : client.rateLimit.limit - inFlight;
        windowEnd = undefined;
      } else if (inFlight > 0) {
        await nextAnswer(signal);
      } else {
        break;
      }
    }
    take();
  };

  const leave = (observed: RateLimitState | undefined) => {
    inFlight--;
    if (observed !== undefined) {
      client.rateLimit = observed;
      const resetAt = observed.resetAt?.getTime();
      // A late answer about a window already over (or older than the one counted) says nothing about this one.
      const stale =
        resetAt !== undefined && (resetAt <= clock.now() || (windowEnd !== undefined && resetAt < windowEnd));
      if (!stale) {
        const estimate = observed.remaining === undefined ? undefined : observed.remaining - inFlight;
        // Answers can arrive out of order: within one window, the lower count is the one to trust.
        const sameWindow = resetAt !== undefined && resetAt === windowEnd;
        allowance =
          sameWindow && allowance !== undefined && estimate !== undefined ? Math.min(allowance, estimate) : estimate;
        windowEnd = resetAt;
      }
    }
    if (waitingForAnswer.length === 0) return;
    const waiting = waitingForAnswer;
    waitingForAnswer = [];
    for (const wake of waiting) wake();
  };

  const run: Send = (request, call) =>
    next(request, call).then(
      (response) => {
        leave(readRateLimit(response.headers, clock.now()));
        return response;
      },
      (error: Error) => {
        leave(undefined);
        throw error;
      },
    );

  return (request, call) => {
    if (allowance !== undefined && allowance <= 0) return waitAndTake(call.signal).then(() => run(request, call));
    take();
    return run(request, call);
  };
};
