import type { Step } from "../call.js";
import { redirectError } from "../call-errors.js";

/** Whether an answer points elsewhere: a 3xx (304 Not Modified does not), or one a browser hides, or one followed already. */
export function isRedirect(response: Response): boolean {
  return (
    response.type === "opaqueredirect" ||
    response.redirected ||
    (response.status >= 300 && response.status < 400 && response.status !== 304)
  );
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
