import type { Call, Step } from "../call.js";
import { CertkitError } from "../certkit-error.js";
import { classify } from "../classify.js";
import { backoffDelay, serverDelay } from "../retry-policy.js";

/** The wait before the next try, or `undefined` when the call must not be tried again. */
function nextDelay(call: Call, askedFor: number | undefined): number | undefined {
  const policy = call.retry;
  const { clock } = call.client;
  if (policy === false || call.attempts >= policy.maxAttempts) return undefined;
  if (askedFor !== undefined && askedFor > policy.maxDelayMs) return undefined;
  const delay = askedFor ?? backoffDelay(call.attempts, policy, () => clock.random());
  return clock.now() + delay - call.startedAt > policy.maxElapsedMs ? undefined : delay;
}

/**
 * Sends a try again when {@link classify} says the same request may succeed (the one rule that also sets each
 * error's `retryable`): reads after a network failure, an unusable answer, 408, 429 or a server error; any method
 * after a 429 or a connection that was never made. It waits with exponential backoff and full jitter, or as long as
 * the provider asked (`Retry-After`, a rate-limit reset), within the call's retry policy. A timeout or an abort ends
 * the call: it is never retried. A request with a body is read once, so every try sends the same bytes.
 */
export const retryStep: Step = (next, client) => async (request, call) => {
  if (call.retry === false) return next(request, call);
  const body = request.body === null ? undefined : await request.arrayBuffer();
  for (;;) {
    let delay: number | undefined;
    let reason: string;
    try {
      const response = await next(body === undefined ? request : new Request(request, { body }), call);
      const { status } = response;
      if (!classify(call.method, status).retryable) return response;
      delay = nextDelay(call, serverDelay(response.headers, client.rateLimit, client.clock.now()));
      if (delay === undefined) return response;
      reason = `HTTP ${status}`;
    } catch (error) {
      if (!(error instanceof CertkitError) || !error.retryable || call.signal.aborted) throw error;
      delay = nextDelay(call, undefined);
      if (delay === undefined) throw error;
      reason = error.code === "NETWORK" ? "network error" : "unusable answer";
    }
    client.emit?.({ type: "retry", provider: client.provider, method: call.method, path: call.path, attempt: call.attempts, delayMs: delay, reason });
    await client.clock.sleep(delay, call.signal);
  }
};
