import type { Step } from "../call.js";

/**
 * Reports each try (`request`, with its URL redacted) and each answer (`response`, with its status and time to the
 * last byte) to the client's `onEvent`. Without a listener it is not in the stack at all: nothing is built.
 */
export const eventsStep: Step = (next, client) => {
  const { emit, clock, provider } = client;
  if (!emit) return next;
  return async (request, call) => {
    const { method, path, attempts: attempt } = call;
    emit({ type: "request", provider, method, path, url: client.redactor.text(request.url), attempt });
    const started = clock.now();
    const response = await next(request, call);
    emit({
      type: "response",
      provider,
      method,
      path,
      attempt,
      status: response.status,
      durationMs: clock.now() - started,
    });
    return response;
  };
};
