import { CertkitError } from "./certkit-error.js";

/** The words a write's error ends with when its effect is unknown. */
export const EFFECT_UNKNOWN_ADVICE =
  "The request may have reached the provider, so the order may exist: check before sending it again";

/** What the error of a call that got no usable answer is about. */
export interface FailedCall {
  provider: string;
  apiName: string;
  method: string;
  path: string;
}

// Node's (undici's) error codes for a connection that was never made: the request cannot have been received.
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/** Whether a method only reads, so that sending it twice is harmless. */
export function isReadMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "OPTIONS";
}

function where(call: FailedCall): string {
  return `${call.apiName}: ${call.method} ${call.path}`;
}

/** The error's own code and its causes' codes (`ECONNRESET`...), which say more than "fetch failed". */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let at = error, depth = 0; at instanceof Error && depth < 5; at = at.cause, depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
  }
  return codes;
}

/** A plain copy of a failure, so nothing the original held (a request, a socket, headers) travels with the error. */
function safeCause(error: unknown, redact: (text: string) => string): Error {
  const name = error instanceof Error ? error.name : "Error";
  const message = redact(error instanceof Error ? error.message : String(error));
  const codes = errorCodes(error);
  return Object.assign(new Error(codes.length > 0 ? `${message} (${codes.join(", ")})` : message), { name });
}

/** No answer arrived: refused, reset, unreachable. Reads are retryable; a write's effect is unknown unless it never left. */
export function networkError(call: FailedCall, error: unknown, attempts: number, redact: (text: string) => string): CertkitError {
  const cause = safeCause(error, redact);
  const codes = errorCodes(error);
  const notSent = codes.some((code) => NOT_SENT_CODES.has(code));
  const read = isReadMethod(call.method);
  const tries = attempts > 1 ? ` after ${attempts} tries` : "";
  const detail = cause.message;
  let message = `${where(call)} got no answer${tries}: ${detail}`;
  if (!read && notSent) message += ". The request was not sent, so it is safe to send again";
  if (!read && !notSent) message += `. ${EFFECT_UNKNOWN_ADVICE}`;
  return new CertkitError({
    code: "NETWORK",
    provider: call.provider,
    message,
    retryable: read || notSent,
    effectUnknown: !read && !notSent,
    cause,
  });
}

/** A try took longer than `timeoutMs`. */
export function timeoutError(call: FailedCall, timeoutMs: number): CertkitError {
  const read = isReadMethod(call.method);
  return new CertkitError({
    code: "TIMEOUT",
    provider: call.provider,
    message: `${where(call)} timed out after ${timeoutMs} ms` + (read ? "" : `. ${EFFECT_UNKNOWN_ADVICE}`),
    retryable: read,
    effectUnknown: !read,
  });
}

/**
 * The caller's `AbortSignal` fired. `sent` says whether a request was on its way (a write's effect is then unknown).
 * A signal that fired because of its own time limit (`AbortSignal.timeout()`) is a `TIMEOUT`; any other is `ABORTED`.
 */
export function abortedError(call: FailedCall, signal: AbortSignal | undefined, sent: boolean): CertkitError {
  const unknown = sent && !isReadMethod(call.method);
  const timedOut = (signal?.reason as { name?: unknown } | undefined)?.name === "TimeoutError";
  return new CertkitError({
    code: timedOut ? "TIMEOUT" : "ABORTED",
    provider: call.provider,
    message:
      `${where(call)} ${timedOut ? "timed out (the caller's signal)" : "was aborted"}` +
      (unknown ? `. ${EFFECT_UNKNOWN_ADVICE}` : ""),
    retryable: timedOut && isReadMethod(call.method),
    effectUnknown: unknown,
  });
}

/** A 2xx answer whose body could not be used: empty where a representation was due, or JSON that does not parse. */
export function unusableAnswerError(call: FailedCall, status: number, problem: string, cause?: unknown): CertkitError {
  const read = isReadMethod(call.method);
  return new CertkitError({
    code: "PROVIDER",
    provider: call.provider,
    message:
      `${where(call)} answered HTTP ${status} ${problem}` +
      (read ? "" : `. The provider accepted the request, so the order may exist: check before sending it again`),
    retryable: read,
    effectUnknown: !read,
    status,
    cause,
  });
}

/**
 * Anything else thrown below the client (a middleware's own error), kept as a redacted cause. `sent` says whether a
 * try had been sent, which leaves a write's effect unknown.
 */
export function unexpectedError(
  call: FailedCall,
  error: unknown,
  redact: (text: string) => string,
  sent: boolean,
): CertkitError {
  const cause = safeCause(error, redact);
  const unknown = sent && !isReadMethod(call.method);
  return new CertkitError({
    code: "PROVIDER",
    provider: call.provider,
    message: `${where(call)} failed: ${cause.message}` + (unknown ? `. ${EFFECT_UNKNOWN_ADVICE}` : ""),
    effectUnknown: unknown,
    cause,
  });
}
