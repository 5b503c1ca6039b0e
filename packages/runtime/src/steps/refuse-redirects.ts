import type { Step } from "../call.js";
import { redirectError } from "../call-errors.js";

/** Whether an answer points elsewhere: a 3xx (304 Not Modified does not), or one a browser hides, or one followed already. */
export function isRedirect(response: Response): boolean {
  const { status } = response;
  // The usual answer is a 2xx not followed: one read of `redirected`, none of `type` (an opaque redirect's status is 0).
  if (status >= 200 && status < 300) return response.redirected;
  return (status >= 300 && status < 400 && status !== 304) || response.redirected || response.type === "opaqueredirect";
}

/**
 * Refuses every redirect: the credentials, and a write's body, would go to wherever the answer points (another
 * origin, plain http). The answer's body is left unread, and the call fails with a `PROVIDER` error naming the status
 * and the target's origin. A fetch that follows redirects despite `redirect: "manual"` is caught by `redirected`.
 */
export const refuseRedirectsStep: Step = (next) => async (request, call) => {
  const response = await next(request, call);
  if (!isRedirect(response)) return response;
  response.body?.cancel().catch(() => {
    // The body was never wanted; a failure to drop it changes nothing.
  });
  throw redirectError(call, response, request.url);
};
