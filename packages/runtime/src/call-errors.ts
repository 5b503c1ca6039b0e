import type { Call } from "./call.js";
import { CertkitError, type CertkitErrorCode } from "./certkit-error.js";
import { classify, isReadMethod, type Outcome } from "./classify.js";

/** The words a write's error ends with when its effect is unknown. */
export const EFFECT_UNKNOWN_ADVICE =
  "The request may have reached the provider, so the order may exist: check before sending it again";

// Node's (undici's) error codes for a connection that was never made: the request cannot have been received.
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

// undici's refusals of a request it will not send as given (a `Keep-Alive`, `Transfer-Encoding` or `Upgrade` header,
// `Expect`), before anything leaves: the same request would be refused again.
const REFUSED_AS_GIVEN_CODES = new Set(["UND_ERR_INVALID_ARG", "UND_ERR_NOT_SUPPORTED"]);

/** What the error of a call is about: the API, the method and the path template. */
export function where(call: Pick<Call, "client" | "method" | "path">): string {
  return `${call.client.apiName}: ${call.method} ${call.path}`;
}

/**
 * A failure of the call, classified by {@link classify}: its `retryable` and `effectUnknown`, and the advice a write
 * whose effect is unknown ends with (`advice`, when the default does not fit).
 */
export function callError(
  call: Pick<Call, "client" | "method" | "path">,
  code: CertkitErrorCode,
  outcome: Outcome,
  message: string,
  extra: { status?: number; cause?: unknown; advice?: string } = {},
): CertkitError {
  const verdict = classify(call.method, outcome);
  return new CertkitError({
    code,
    provider: call.client.provider,
    message: `${where(call)} ${message}` + (verdict.effectUnknown ? `. ${extra.advice ?? EFFECT_UNKNOWN_ADVICE}` : ""),
    ...verdict,
    status: extra.status,
    cause: extra.cause,
  });
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
export function safeCause(error: unknown, redact: (text: string) => string): Error {
  const name = error instanceof Error ? error.name : "Error";
  const message = redact(error instanceof Error ? error.message : String(error));
  const codes = errorCodes(error);
  return Object.assign(new Error(codes.length > 0 ? `${message} (${codes.join(", ")})` : message), { name });
}

/** Whether this runs in a web page or a web worker, where fetch hides why a request failed. */
function inBrowser(): boolean {
  return (
    typeof document === "object" ||
    typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === "function"
  );
}

/**
 * No answer arrived: refused, reset, unreachable. A write's effect is unknown unless it never left. In a browser, a
 * bare `TypeError` is all fetch says both for an unreachable server and for a CORS refusal: the message says so, and
 * since the refusal would repeat, it is not retried.
 */
export function networkError(call: Call, error: unknown): CertkitError {
  const cause = safeCause(error, call.client.redactor.text);
  const codes = errorCodes(error);
  if (codes.some((code) => REFUSED_AS_GIVEN_CODES.has(code))) {
    return new CertkitError({
      code: "INVALID_INPUT",
      provider: call.client.provider,
      message: `${where(call)} cannot be sent as given: ${cause.message}. Nothing was sent`,
      retryable: false,
      effectUnknown: false,
      cause,
    });
  }
  const notSent = codes.some((code) => NOT_SENT_CODES.has(code));
  const opaque = !notSent && error instanceof TypeError && error.cause === undefined && inBrowser();
  const tries = call.attempts > 1 ? ` after ${call.attempts} tries` : "";
  let message = `got no answer${tries}: ${cause.message}`;
  if (opaque) {
    const origin = (globalThis as { location?: { origin?: string } }).location?.origin ?? "the page's origin";
    message +=
      `. The browser gives no reason, and a CORS refusal looks the same: the server must allow ${origin} ` +
      "(Access-Control-Allow-Origin, and the client's headers in Access-Control-Allow-Headers)";
  }
  if (notSent && !isReadMethod(call.method)) message += ". The request was not sent, so it is safe to send again";
  return callError(call, "NETWORK", notSent ? "not-sent" : opaque ? "opaque" : "network", message, { cause });
}

/** A try took longer than the call's `timeoutMs`. */
export function timeoutError(call: Call): CertkitError {
  return callError(call, "TIMEOUT", "timeout", `timed out after ${call.timeoutMs} ms`);
}

/**
 * The caller's `AbortSignal` fired. A write that was on its way may have reached the provider. A signal that fired
 * because of its own time limit (`AbortSignal.timeout()`) is a `TIMEOUT`; any other is `ABORTED`.
 */
export function abortedError(call: Call, reason: unknown): CertkitError {
  const timedOut = (reason as { name?: unknown } | undefined)?.name === "TimeoutError";
  const verdict = classify(call.method, "timeout");
  return new CertkitError({
    code: timedOut ? "TIMEOUT" : "ABORTED",
    provider: call.client.provider,
    message:
      `${where(call)} ${timedOut ? "timed out (the caller's signal)" : "was aborted"}` +
      (call.inFlight && verdict.effectUnknown ? `. ${EFFECT_UNKNOWN_ADVICE}` : ""),
    retryable: timedOut && verdict.retryable,
    effectUnknown: call.inFlight && verdict.effectUnknown,
  });
}

/** A 2xx answer whose body could not be used: empty where a representation was due, or JSON that does not parse. */
export function unusableAnswerError(call: Call, status: number, problem: string, cause?: unknown): CertkitError {
  return callError(call, "PROVIDER", "unusable", `answered HTTP ${status} ${problem}`, {
    status,
    cause,
    advice: "The provider accepted the request, so the order may exist: check before sending it again",
  });
}

/** Where a redirect pointed: its origin only (never a path or query that could hold anything else). */
export function redirectTarget(response: Response, requestUrl: string): string {
  if (response.type === "opaqueredirect") return "a location the browser hides";
  const location = response.redirected ? response.url : response.headers.get("location");
  try {
    return location ? new URL(location, requestUrl).origin : "no location";
  } catch {
    return "a location that is not a URL";
  }
}

/**
 * A 3xx answer. Redirects are never followed: the credentials and the body would go to wherever the answer points.
 * The message names the status and where it pointed (redacted). `redirected` is a custom fetch that followed one
 * anyway: its answer is refused.
 */
export function redirectError(call: Call, response: Response, requestUrl: string): CertkitError {
  const target = call.client.redactor.text(redirectTarget(response, requestUrl));
  const status = response.redirected ? undefined : response.status || undefined;
  const message = response.redirected
    ? `was redirected to ${target} by a fetch that follows redirects: its answer is refused`
    : `was answered with a redirect${status ? ` (HTTP ${status})` : ""} to ${target}, which is never followed: nothing was sent there`;
  return callError(call, "PROVIDER", "refused", message, { status });
}

/** An answer longer than `maxResponseBytes`: the try was stopped before it could fill the memory. */
export function oversizeError(call: Call, status: number): CertkitError {
  return callError(
    call,
    "PROVIDER",
    "refused",
    `answered HTTP ${status} with a body over ${call.client.maxResponseBytes} bytes (maxResponseBytes)`,
    {
      status,
    },
  );
}

/** Anything else thrown below the client (a middleware's own error), kept as a redacted cause. */
export function unexpectedError(call: Call, error: unknown): CertkitError {
  const cause = safeCause(error, call.client.redactor.text);
  const unknown = call.attempts > 0 && classify(call.method, "network").effectUnknown;
  return new CertkitError({
    code: "PROVIDER",
    provider: call.client.provider,
    message: `${where(call)} failed: ${cause.message}` + (unknown ? `. ${EFFECT_UNKNOWN_ADVICE}` : ""),
    effectUnknown: unknown,
    cause,
  });
}
