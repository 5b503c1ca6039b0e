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

/** A pending `after`: when it is due, and what it runs. */
interface Deadline {
  at: number;
  run: () => void;
}

/**
 * Every deadline of the runtime under one timer, armed for the earliest. A try's timeout is set and cancelled on
 * every call, almost never reached: a timer of its own each time costs more than the rest of the call's bookkeeping
 * together, while here setting and cancelling one is a set insertion and deletion.
 */
function createDeadlines(): Clock["after"] {
  const pending = new Set<Deadline>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armedFor = Infinity;

  const arm = (at: number) => {
    clearTimeout(timer);
    armedFor = at;
    timer = setTimeout(fire, clampDelay(at - Date.now()));
  };
  const fire = () => {
    timer = undefined;
    armedFor = Infinity;
    const now = Date.now();
    const due: Deadline[] = [];
    let next = Infinity;
    for (const deadline of pending) {
      if (deadline.at <= now) due.push(deadline);
      else next = Math.min(next, deadline.at);
    }
    for (const deadline of due) pending.delete(deadline);
    if (next < Infinity) arm(next);
    // In the order they were due, however late the timer fired (a busy process fires it late, with several due).
    for (const deadline of due.sort((a, b) => a.at - b.at)) deadline.run();
  };

  return (ms, run) => {
    const now = Date.now();
    const deadline = { at: now + clampDelay(ms), run };
    pending.add(deadline);
    // A timer that should have fired and did not (it was made under a test's fake timers) is replaced too.
    if (deadline.at < armedFor || now > armedFor) arm(deadline.at);
    // While anything waits, the timer keeps the process alive; with nothing left, it must not.
    else if (pending.size === 1) (timer as { ref?: () => void } | undefined)?.ref?.();
    return () => {
      if (!pending.delete(deadline) || pending.size > 0) return;
      const idle = timer as { unref?: () => void } | undefined;
      if (idle?.unref) idle.unref();
      else {
        clearTimeout(timer);
        timer = undefined;
        armedFor = Infinity;
      }
    };
  };
}

const after = createDeadlines();

/** The real clock. */
export const systemClock: Clock = { now: Date.now, random: Math.random, after, sleep: sleepOn(after) };
