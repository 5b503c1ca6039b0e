import { abortReason } from "../abort-reason.js";
import type { Step } from "../call.js";

/**
 * Bounds each try, from sending the request to the last byte of its answer, by the call's `timeoutMs`; running out
 * ends the call (its signal aborts, which stops the fetch). The try also fails at once when the call is aborted, even
 * if its fetch ignores the signal: nothing below can hold the caller past either. It counts the tries.
 */
export const timeoutStep: Step = (next, client) => (request, call) =>
  new Promise<Response>((resolve, reject) => {
    if (call.signal.aborted) return reject(abortReason(call.signal));
    call.attempts++;
    call.inFlight = true;
    const cancel = client.clock.after(call.timeoutMs, () => {
      call.timedOut = true;
      call.abort(new DOMException("The try timed out", "TimeoutError"));
    });
    const settle = () => {
      cancel();
      call.stop = undefined;
      // After an abort the call is over, and whether a try was on its way is part of its error.
      if (!call.signal.aborted) call.inFlight = false;
    };
    call.stop = () => {
      settle();
      reject(abortReason(call.signal));
    };
    next(request, call).then(
      (response) => {
        settle();
        resolve(response);
      },
      (error: Error) => {
        settle();
        reject(error);
      },
    );
  });
