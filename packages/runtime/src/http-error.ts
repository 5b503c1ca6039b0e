import { EFFECT_UNKNOWN_ADVICE } from "./call-errors.js";
import { CertkitError, type CertkitErrorCode } from "./certkit-error.js";
import { classify } from "./classify.js";
import type { RateLimitState } from "./rate-limit.js";
import type { Redactor } from "./redact.js";
import { serverDelay } from "./retry-policy.js";

/** Text bodies longer than this are cut: an HTML error page is evidence, not payload. */
export const MAX_TEXT_BODY_LENGTH = 2048;

// Headers under which providers (or their gateways) name the request, in order of preference.
const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid", "cf-ray"];

/** What a provider package reads out of its own error body. */
export interface ProviderErrorDetails {
  /** The provider's own error code, e.g. IONOS `VALIDATION_FAILED`. */
  providerCode?: string | undefined;
  /** The provider's human message. */
  message?: string | undefined;
  /** A code to use instead of the one the HTTP status implies. */
  code?: CertkitErrorCode | undefined;
  /** The provider's messages per input field (e.g. DNSimple's `errors: {field: [message]}`). */
  fieldErrors?: Record<string, readonly string[]> | undefined;
}

/**
 * Reads a provider's error answer: its body (parsed JSON, text, or `undefined` when empty), status and headers
 * (some providers say what is wrong in a header). Returns what it understood and leaves the rest out.
 */
export type DescribeProviderError = (body: unknown, status: number, headers: Headers) => ProviderErrorDetails;

/** The {@link CertkitErrorCode} an HTTP error status means when the provider says nothing more precise. */
export function errorCodeForStatus(status: number): CertkitErrorCode {
  if (status === 401 || status === 403) return "AUTH";
  if (status === 404 || status === 410) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 400 || status === 422) return "VALIDATION_FAILED";
  if (status === 429) return "RATE_LIMITED";
  return "PROVIDER";
}

/** The provider's request id from an answer's headers, if it sent one. */
export function readRequestId(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

/** Everything {@link createHttpError} needs to describe a provider's non-2xx answer. */
export interface HttpErrorContext {
  provider: string;
  /** Human name of the API, used at the start of messages: `"IONOS SSL API"`. */
  apiName: string;
  method: string;
  /** The path template, e.g. `/v1/certificates/{id}`: it never holds ids or query values. */
  path: string;
  response: Response;
  /** The body as openapi-fetch parsed it: JSON when it was JSON, otherwise text, `undefined` when empty. */
  body: unknown;
  redactor: Redactor;
  describe?: DescribeProviderError | undefined;
  /** The client's last seen rate-limit figures, for `retryAfterMs` on a 429 that sends no `Retry-After`. */
  rateLimit?: RateLimitState | undefined;
  now: number;
}

/** Turns a provider's non-2xx answer into a {@link CertkitError} with status, codes, message and request id. */
export function createHttpError<Body>(context: HttpErrorContext): CertkitError<Body> & { readonly status: number } {
  const { response, redactor } = context;
  const body = normalizeBody(context.body, redactor);
  const details = describeSafely(context, body);
  const fieldErrors = details.fieldErrors ? redactor.value(details.fieldErrors) : undefined;
  // A provider that names the wrong fields but says nothing else still gets a message that names them.
  const providerMessage = details.message
    ? redactor.text(details.message)
    : fieldErrors && summarizeFieldErrors(fieldErrors);
  // The reason phrase and the request id are the server's own text: an echo of a secret is as likely there as anywhere.
  const statusText = redactor.text(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
  const requestId = readRequestId(response.headers);
  const { retryable, effectUnknown } = classify(context.method, response.status);
  const message =
    `${context.apiName}: ${context.method} ${context.path} failed with ${statusText}` +
    (details.providerCode ? ` (${details.providerCode})` : "") +
    (providerMessage ? `: ${providerMessage}` : "") +
    (effectUnknown ? `. ${EFFECT_UNKNOWN_ADVICE}` : "");
  const rateLimit = response.status === 429 ? context.rateLimit : undefined;
  return new CertkitError<Body>({
    code: details.code ?? errorCodeForStatus(response.status),
    provider: context.provider,
    message,
    retryable,
    effectUnknown,
    status: response.status,
    providerCode: details.providerCode,
    requestId: requestId === undefined ? undefined : redactor.text(requestId),
    retryAfterMs: serverDelay(response.headers, rateLimit, context.now),
    fieldErrors,
    body: body as Body | string | undefined,
  }) as CertkitError<Body> & { readonly status: number };
}

/**
 * What the provider's own reader makes of the body, keeping only what has the right type (a hostile body can put
 * anything where a message was expected) and the provider code redacted; nothing when the reader fails.
 */
function describeSafely({ describe, response, redactor }: HttpErrorContext, body: unknown): ProviderErrorDetails {
  let details: ProviderErrorDetails | undefined;
  try {
    details = describe?.(body, response.status, response.headers);
  } catch {
    details = undefined;
  }
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const providerCode = text(details?.providerCode);
  return {
    providerCode: providerCode === undefined ? undefined : redactor.text(providerCode),
    message: text(details?.message),
    code: text(details?.code) as CertkitErrorCode | undefined,
    fieldErrors: readFieldErrors(details?.fieldErrors),
  };
}

/**
 * Reads the common `{field: message | [messages]}` shape (Rails, DNSimple) into messages per field, leaving out
 * whatever is not text. `undefined` when nothing readable is there.
 */
export function readFieldErrors(value: unknown): Record<string, string[]> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const fields: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(value)) {
    const list: unknown[] = Array.isArray(messages) ? messages : [messages];
    const texts = list.filter((item): item is string => typeof item === "string" && item.trim() !== "");
    if (texts.length > 0) fields[field] = texts;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/** `field: message, message; other: message`, for an error whose provider sent only messages per field. */
function summarizeFieldErrors(fieldErrors: Readonly<Record<string, readonly string[]>>): string | undefined {
  const parts = Object.entries(fieldErrors).map(([field, messages]) => `${field}: ${messages.join(", ")}`);
  return parts.length > 0 ? parts.join("; ") : undefined;
}

function normalizeBody(body: unknown, redactor: Redactor): unknown {
  if (body === undefined || body === null || body === "") return undefined;
  if (typeof body !== "string") return redactor.value(body);
  // Cut before redacting, so a huge page costs no more than its start; a secret cut in two still loses every 8-character piece.
  const text = redactor.text(body.slice(0, MAX_TEXT_BODY_LENGTH)).slice(0, MAX_TEXT_BODY_LENGTH);
  return body.length > MAX_TEXT_BODY_LENGTH ? `${text}… [truncated]` : text;
}
