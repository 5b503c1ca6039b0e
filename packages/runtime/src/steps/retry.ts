import type { Call, OutgoingRequest, Step } from "../call.js";
import { CertkitError } from "../certkit-error.js";
import { classify } from "../classify.js";
import { backoffDelay, serverDelay } from "../retry-policy.js";

/**
 * The wait before the next try, or `undefined` when the call must not be tried again. `tries` counts what this step
 * sent down, whether or not it reached the provider (credentials that could not be had fail before the request).
 */
function nextDelay(call: Call, tries: number, askedFor: number | undefined): number | undefined {
  const policy = call.retry;
  const { clock } = call.client;
  if (policy === false || tries >= policy.maxAttempts) return undefined;
  if (askedFor !== undefined && askedFor > policy.maxDelayMs) return undefined;
  const delay = askedFor ?? backoffDelay(tries, policy, () => clock.random());
  return clock.now() + delay - call.startedAt > policy.maxElapsedMs ? undefined : delay;
}

/**
 * Sends a try again when the outcome's classification says the same request may succeed (the one rule that also sets
 * each error's `retryable`): reads after a network failure, an unusable answer, 408, 429 or a server error; any method
 * after a 429 or a connection that was never made. It waits with exponential backoff and full jitter, or as long as
 * the provider asked (`Retry-After`, a rate-limit reset), within the call's retry policy. A timeout or an abort ends
 * the call: it is never retried.
 */
export const retryStep: Step = (next, client) => {
  /** Waits `delay` as the policy allows, telling the listener why, then sends `request` again. */
  const again = (
    request: OutgoingRequest,
    call: Call,
    tries: number,
    delay: number,
    reason: string,
  ): Promise<Response> => {
    client.emit?.({
      type: "retry",
      provider: client.provider,
      method: call.method,
      path: call.path,
      attempt: call.attempts,
      delayMs: delay,
      reason,
    });
    return client.clock.sleep(delay, call.signal).then(() => attempt(request, call, tries + 1));
  };

  /**
   * One try, and what follows it: the answer, or another try after a wait. A request with a body is sent as a copy,
   * so that the original, never sent, gives every try the same bytes.
   */
  const attempt = (request: OutgoingRequest, call: Call, tries: number): Promise<Response> =>
    next(request.body === null ? request : request.clone(), call).then(
      (response) => {
        // A 2xx is never sent again: the common answer skips the classifier.
        if (response.ok || !classify(call.method, response.status).retryable) return response;
        const delay = nextDelay(call, tries, serverDelay(response.headers, client.rateLimit, client.clock.now()));
        return delay === undefined ? response : again(request, call, tries, delay, `HTTP ${response.status}`);
      },
      (error: Error) => {
        if (!(error instanceof CertkitError) || !error.retryable || call.signal.aborted) throw error;
        const delay = nextDelay(call, tries, undefined);
        if (delay === undefined) throw error;
        return again(request, call, tries, delay, error.code === "NETWORK" ? "network error" : "unusable answer");
      },
    );

  return (request, call) => (call.retry === false ? next(request, call) : attempt(request, call, 1));
};
