import type { Step } from "../call.js";
import type { DynamicAuth } from "../dynamic-auth.js";

/**
 * The step of credentials that change while a client lives (an OAuth access token): asks `source` for headers before
 * every try, so that a retry after a refresh carries the new token; learns their secrets for redaction before the
 * try is sent; and tells `source` to drop what it cached when the provider answers 401. A provider package gives it
 * as its config's `auth.step`.
 */
export function dynamicAuthStep(source: DynamicAuth): Step {
  return (next, client) => async (request, call) => {
    const given = await source.headers(call.signal);
    client.redactor.add(given.secrets);
    for (const [name, value] of Object.entries(given.headers)) request.headers.set(name, value);
    const response = await next(request, call);
    if (response.status === 401) source.invalidate?.();
    return response;
  };
}
