import { abortReason } from "../abort-reason.js";
import type { Send, Step } from "../call.js";

/**
 * Lets at most the client's `maxConcurrency` tries be in flight at once; the rest wait in order of arrival, and a
 * call aborted while waiting leaves the queue without sending anything. A slot is held from sending a try to the last
 * byte of its answer, never during a retry's wait.
 */
export const concurrencyStep: Step = (next, client) => {
  const max = client.maxConcurrency;
  if (max === Infinity) return next;
  let active = 0;
  const waiting: (() => void)[] = [];

  const queue = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        waiting.splice(waiting.indexOf(grant), 1);
        reject(abortReason(signal));
      };
      // The slot passes straight from the releasing call to this one, so `active` is unchanged.
      const grant = () => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      };
      waiting.push(grant);
      signal.addEventListener("abort", onAbort, { once: true });
    });

  const release = () => {
    const grant = waiting.shift();
    if (grant) grant();
    else active--;
  };

  const run: Send = (request, call) =>
    next(request, call).then(
      (response) => {
        release();
        return response;
      },
      (error: Error) => {
        release();
        throw error;
      },
    );

  return (request, call) => {
    if (active < max) {
      active++;
      return run(request, call);
    }
    if (call.signal.aborted) return Promise.reject(abortReason(call.signal));
    return queue(call.signal).then(() => run(request, call));
  };
};
