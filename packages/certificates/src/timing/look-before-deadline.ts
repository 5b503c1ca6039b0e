import { TIMER_MAX_MS } from "./bounded-pause.js";

/**
 * Runs `look` with a signal that aborts when `signal` does and when `deadline` (a `performance.now()` time) passes,
 * and rejects with `late()` at the deadline even when the look ignores its signal: a provider slower than the time
 * left cannot hold a wait past its limit. A look that fails because the deadline aborted it fails with `late()` too.
 * The deadline is watched by timers of at most `pieceMs`, as the wait's pauses are. A look that starts with no time
 * left (a wait's last, at its deadline, or the one look of a wait of 0 ms) is not cut: it is the wait's last word.
 */
export function lookBeforeDeadline<T>(
  deadline: number,
  pieceMs: number,
  signal: AbortSignal | undefined,
  look: (signal: AbortSignal) => Promise<T>,
  late: () => Error,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let expired = false;
  const forward = () => controller.abort(signal!.reason);
  return new Promise<T>((resolve, reject) => {
    const expire = () => {
      expired = true;
      controller.abort(late());
      reject(late());
    };
    // A deadline further off than one timer may be is reached by several.
    const arm = () => {
      const left = deadline - performance.now();
      if (left <= 0) expire();
      else timer = setTimeout(arm, Math.min(left, pieceMs, TIMER_MAX_MS));
    };
    if (signal?.aborted) forward();
    else signal?.addEventListener("abort", forward, { once: true });
    if (deadline - performance.now() > 0) arm();
    look(controller.signal).then(resolve, (error: unknown) =>
      reject(expired && !signal?.aborted ? late() : (error as Error)),
    );
  }).finally(() => {
    clearTimeout(timer);
    signal?.removeEventListener("abort", forward);
  });
}
