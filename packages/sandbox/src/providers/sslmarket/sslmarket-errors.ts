import type { ApiError } from "@certkit/sslmarket";

/** The 4xx statuses the simulator answers: bad input, an unknown order or product, an action in the wrong state. */
export type SslmarketErrorStatus = 400 | 404 | 409;

/** A client error as a typed reply of any SSLmarket operation (the spec's `4XX` response). */
export interface SslmarketErrorReply {
  status: SslmarketErrorStatus;
  body: ApiError;
}

/**
 * A 4xx answer with SSLmarket's error body: the error type and its description (the member names `error` and
 * `message` are the sandbox's choice; SSLmarket does not publish them), plus `errors` per field for bad input.
 */
export function clientError(
  status: SslmarketErrorStatus,
  type: string,
  message: string,
  fieldErrors?: Record<string, string[]>,
): SslmarketErrorReply {
  return {
    status,
    body: { error: type, message, ...(fieldErrors === undefined ? {} : { errors: fieldErrors }) },
  };
}

/** 404 for an order number the account does not have. */
export function orderNotFound(orderId: string | number): SslmarketErrorReply {
  return clientError(404, "order_not_found", `There is no order ${orderId} in this account.`);
}

/** 409 for an action the order's state does not allow. */
export function wrongState(what: string, state: string): SslmarketErrorReply {
  return clientError(409, "invalid_state", `${what} is not possible while the order is ${state}.`);
}

/** The answer to a request without a valid `X-Auth-Token`. */
export function unauthorized(): Response {
  return Response.json(
    { error: "unauthorized", message: "The X-Auth-Token header is missing or holds no valid API key." },
    { status: 401 },
  );
}
