import type { Step } from "@certkit/runtime";

/** The status an error that ZeroSSL sent with HTTP 200 is given, so that the client reports it as an error. */
export const ERROR_IN_200_STATUS = 400;

/** Whether a parsed JSON body is ZeroSSL's error shape: `success` false (or `0`) and an `error` object. */
function isErrorBody(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const { success, error } = body as { success?: unknown; error?: unknown };
  return (success === false || success === 0) && typeof error === "object" && error !== null;
}

/**
 * ZeroSSL may answer an error with HTTP 200 (its error body, `success: false`). This step, below openapi-fetch and
 * above the retries' view of the answer, turns such an answer into one with status {@link ERROR_IN_200_STATUS} and the
 * same body and headers, so the call resolves with `{ error }` (a `CertkitError` read by `describeZerosslError`)
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
  if (!isErrorBody(body)) return response;
  // The body is already decoded: the headers that described its encoding and length no longer do.
  const headers = new Headers(response.headers);
  for (const name of ["content-encoding", "content-length", "transfer-encoding"]) headers.delete(name);
  return new Response(text, { status: ERROR_IN_200_STATUS, statusText: "ZeroSSL error sent with HTTP 200", headers });
};
