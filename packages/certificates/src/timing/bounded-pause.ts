import { CertkitError } from "@certkit/runtime";

/** The longest delay `setTimeout` keeps (2^31 − 1 ms, about 24.8 days): a longer one fires at once. */
export const TIMER_MAX_MS = 2_147_483_647;

/** The `ABORTED` error of a facade helper (`waitForStatus`, `findOrders`) whose signal aborted. */
export function abortedError(operation: string, signal: AbortSignal): CertkitError {
  return new CertkitError({
    code: "ABORTED",
    provider: "certificates",
    message: `${operation} was aborted`,
    cause: signal.reason,
  });
}

/** Waits `ms` (at most {@link TIMER_MAX_MS}), or rejects with `ABORTED` as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined, operation: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(operation, signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(operation, signal!));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.min(Math.max(0, ms), TIMER_MAX_MS),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Waits `totalMs` as a run of timers, none longer than `pieceMs` (itself clamped to {@link TIMER_MAX_MS}): a long
 * pause (a provider's `Retry-After` of days) is honoured in full without ever handing `setTimeout` a delay it would
 * overflow into an immediate one. Rejects with `ABORTED` when `signal` aborts.
 */
export async function boundedPause(
  totalMs: number,
  pieceMs: number,
  signal: AbortSignal | undefined,
  operation: string,
): Promise<void> {
  const piece = Math.min(Math.max(1, pieceMs), TIMER_MAX_MS);
  // A monotonic clock: the system clock stepped back an hour would stretch the pause by an hour.
  const end = performance.now() + totalMs;
  // At least one timer, so a zero pause still yields to the event loop.
  do {
    await sleep(Math.min(piece, end - performance.now()), signal, operation);
  } while (end - performance.now() > 0);
}
