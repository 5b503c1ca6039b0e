import { abortReason } from "../abort-reason.js";
import type { Call, Step } from "../call.js";

/** Ends `call` because its try ran out of time. */
function expire(call: Call): void {
  call.timedOut = true;
  call.abort(new DOMException("The try timed out", "TimeoutError"));
}

/**
 * Bounds each try, from sending the request to the last byte of its answer, by the call's `timeoutMs`: running out
 * ends the call (its signal aborts, which stops the fetch, and `call.stop` fails whatever the try is waiting for, even
 * a fetch that ignores the signal). It counts the tries, and says while one is on its way.
 */
export const timeoutStep: Step = (next, client) => (request, call) => {
  if (call.signal.aborted) return Promise.reject(abortReason(call.signal));
  call.attempts++;
  call.inFlight = true;
  const cancel = client.clock.after(call.timeoutMs, () => expire(call));
  const settle = () => {
    cancel();
    // After an abort the call is over, and whether a try was on its way is part of its error.
    if (!call.signal.aborted) call.inFlight = false;
  };
  return next(request, call).then(
    (response) => {
      settle();
      return response;
    },
    (error: Error) => {
      settle();
      throw error;
    },
  );
};
