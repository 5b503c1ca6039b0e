/**
 * Why a certkit call failed, as a machine-readable code.
 *
 * - `INVALID_INPUT`: the caller's input was rejected before any request was sent.
 * - `AUTH`: the provider refused the credentials (401/403).
 * - `NOT_FOUND`: the object does not exist (404).
 * - `CONFLICT`: the request conflicts with the object's state (409).
 * - `VALIDATION_FAILED`: the provider said the input is wrong (400/422).
 * - `RATE_LIMITED`: too many requests (429).
 * - `PROVIDER`: the provider failed or answered something unexpected (5xx, unknown status, malformed body).
 * - `NETWORK`: no answer arrived (connection refused, reset, DNS failure).
 * - `TIMEOUT`: no answer arrived in time.
 * - `ABORTED`: the caller aborted the call.
 * - `UNSUPPORTED`: the provider cannot do this.
 */
export type CertkitErrorCode =
  | "INVALID_INPUT"
  | "AUTH"
  | "NOT_FOUND"
  | "CONFLICT"
  | "VALIDATION_FAILED"
  | "RATE_LIMITED"
  | "PROVIDER"
  | "NETWORK"
  | "TIMEOUT"
  | "ABORTED"
  | "UNSUPPORTED";

/** What a {@link CertkitError} is made from. */
export interface CertkitErrorInit<Body = unknown> {
  code: CertkitErrorCode;
  /** The package's provider name, e.g. `"ionos-ssl"`. */
  provider: string;
  message: string;
  /** Whether the same call may succeed if made again unchanged. */
  retryable?: boolean;
  /**
   * A write failed after it may have reached the provider (no answer, a timeout, a 5xx, an unreadable answer):
   * whatever it was meant to create or change may exist. Check before sending it again.
   */
  effectUnknown?: boolean;
  /** HTTP status of the provider's answer, when there was one. */
  status?: number;
  /** The provider's own error code, e.g. IONOS `DCV_FAILED`. */
  providerCode?: string;
  /** The provider's request id, from the answer's headers. */
  requestId?: string;
  /** How long the provider asked the client to wait (`Retry-After`, `X-RateLimit-Reset`), in ms. */
  retryAfterMs?: number;
  /** The provider's messages per input field, when it rejected the input and said which field was wrong. */
  fieldErrors?: Readonly<Record<string, readonly string[]>>;
  /** The provider's error body: parsed JSON, or text (truncated); secrets already removed. */
  body?: Body | string;
  cause?: unknown;
}

// A registry-wide brand, so that `instanceof` holds even when two copies of this package are installed.
const brand = Symbol.for("@certkit/runtime/CertkitError");

/**
 * The one error type of every certkit package: what went wrong (`code`), where (`provider`, `status`,
 * `providerCode`, `requestId`), whether trying again may help (`retryable`, `retryAfterMs`) and whether a failed
 * write may still have taken effect (`effectUnknown`).
 *
 * It never holds a credential: messages and bodies are redacted when the error is made, and it keeps
 * no request or headers. `JSON.stringify(error)` gives its public fields.
 */
export class CertkitError<Body = unknown> extends Error {
  override readonly name = "CertkitError";
  readonly code: CertkitErrorCode;
  readonly provider: string;
  readonly retryable: boolean;
  readonly effectUnknown: boolean;
  readonly status: number | undefined;
  readonly providerCode: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly fieldErrors: Readonly<Record<string, readonly string[]>> | undefined;
  readonly body: Body | string | undefined;

  constructor(init: CertkitErrorInit<Body>) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.provider = init.provider;
    this.retryable = init.retryable ?? false;
    this.effectUnknown = init.effectUnknown ?? false;
    this.status = init.status;
    this.providerCode = init.providerCode;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.fieldErrors = init.fieldErrors;
    this.body = init.body;
    Object.defineProperty(this, brand, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }

  /** The public fields, for logs and structured output. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      provider: this.provider,
      message: this.message,
      retryable: this.retryable,
      effectUnknown: this.effectUnknown,
      status: this.status,
      providerCode: this.providerCode,
      requestId: this.requestId,
      retryAfterMs: this.retryAfterMs,
      fieldErrors: this.fieldErrors,
      body: this.body,
    };
  }
}

/** Whether `value` is a {@link CertkitError}, optionally with the given code. */
export function isCertkitError(value: unknown, code?: CertkitErrorCode): value is CertkitError {
  return value instanceof CertkitError && (code === undefined || value.code === code);
}
