import type { Step } from "@certkit/runtime";
import { SERVER_FAILURE_TYPES } from "./describe-zerossl-error.js";

/** The status an error that ZeroSSL sent with HTTP 200 is given, so that the client reports it as an error. */
export const ERROR_IN_200_STATUS = 400;

/**
 * The status a ZeroSSL-side failure sent with HTTP 200 is given ({@link SERVER_FAILURE_TYPES}): 500, what ZeroSSL's
 * own `internal_server_error` names, rather than 502, which would blame a gateway between us and ZeroSSL. As for any
 * 5xx, the runtime then marks a write `effectUnknown` (the certificate may exist) and retries a read.
 */
export const SERVER_FAILURE_IN_200_STATUS = 500;

/**
 * The status to give a parsed JSON body that is ZeroSSL's error shape (`success` false or `0`, an `error` object),
 * or `undefined` when it is not an error.
 */
function errorStatus(body: unknown): number | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { success, error } = body as { success?: unknown; error?: unknown };
  if ((success !== false && success !== 0) || typeof error !== "object" || error === null) return undefined;
  const { type } = error as { type?: unknown };
  return typeof type === "string" && SERVER_FAILURE_TYPES.has(type)
    ? SERVER_FAILURE_IN_200_STATUS
    : ERROR_IN_200_STATUS;
}

/**
 * ZeroSSL may answer an error with HTTP 200 (its error body, `success: false`). This step, below openapi-fetch and
 * above the retries' view of the answer, turns such an answer into one with status {@link ERROR_IN_200_STATUS} (a
 * refusal: nothing was done), or {@link SERVER_FAILURE_IN_200_STATUS} for a failure on ZeroSSL's side, and the same
 * body and headers, so the call resolves with `{ error }` (a `CertkitError` read by `describeZerosslError`)
 * instead of `{ data }` holding an error. Only JSON answers are looked at: a ZIP or PEM download is left alone unless
 * ZeroSSL sent JSON in its place, which is then an error too.
 */
export const readErrorsIn200: Step = (next) => async (request, call) => {
  const response = await next(request, call);
  if (response.status !== 200 || !/\bjson\b/i.test(response.headers.get("content-type") ?? "")) return response;
  const text = await response.clone().text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return response;
  }
  const status = errorStatus(body);
  if (status === undefined) return response;
  // The body is already decoded: the headers that described its encoding and length no longer do.
  const headers = new Headers(response.headers);
  for (const name of ["content-encoding", "content-length", "transfer-encoding"]) headers.delete(name);
  return new Response(text, { status, statusText: "ZeroSSL error sent with HTTP 200", headers });
};
