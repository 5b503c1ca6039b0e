import { abortReason } from "./abort-reason.js";

/** The longest pause a timer can hold: `setTimeout` fires at once for anything above 2^31 − 1 ms (about 24.8 days). */
export const MAX_TIMER_MS = 2_147_483_647;

/** Time and chance for the whole runtime, replaceable in tests. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** A number in [0, 1), for jitter. */
  random(): number;
  /** Calls `run` after `ms` (clamped to the timer's range); the function returned cancels it. */
  after(ms: number, run: () => void): () => void;
  /** Resolves after `ms`; rejects with the signal's reason if it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** `ms` as a timer can hold it: 0 to {@link MAX_TIMER_MS}, 0 for anything that is not a number. */
export function clampDelay(ms: number): number {
  return ms > 0 ? Math.min(ms, MAX_TIMER_MS) : 0;
}

/** An abortable sleep on any `after`: the one every wait of the runtime goes through. */
export function sleepOn(after: Clock["after"]): Clock["sleep"] {
  return (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const onAbort = () => {
        cancel();
        reject(abortReason(signal));
      };
      const cancel = after(ms, () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      });
      signal?.addEventListener("abort", onAbort, { once: true });
    });
}

const after: Clock["after"] = (ms, run) => {
  const timer = setTimeout(run, clampDelay(ms));
  return () => clearTimeout(timer);
};

/** The real clock. */
export const systemClock: Clock = { now: Date.now, random: Math.random, after, sleep: sleepOn(after) };
