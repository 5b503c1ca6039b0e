import { isCertkitError, type CertkitError } from "@certkit/runtime";

/**
 * Whether the provider refused a finishing call outright: it answered 4xx (not a missing order, not the credentials),
 * so the call took no effect. Another caller finishing the same order first is refused so (DNSimple: "already
 * requested"); reading the order again tells that apart from a real refusal.
 */
export function refusedOutright(error: unknown): error is CertkitError {
  return (
    isCertkitError(error) &&
    !error.effectUnknown &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500 &&
    error.code !== "NOT_FOUND" &&
    error.code !== "AUTH" &&
    error.code !== "RATE_LIMITED"
  );
}
