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
  /** HTTP status of the provider's answer, when there was one. */
  status?: number;
  /** The provider's own error code, e.g. IONOS `DCV_FAILED`. */
  providerCode?: string;
  /** The provider's request id, from the answer's headers. */
  requestId?: string;
  /** The provider's error body: parsed JSON, or text (truncated); secrets already removed. */
  body?: Body | string;
  cause?: unknown;
}

// A registry-wide brand, so that `instanceof` holds even when two copies of this package are installed.
const brand = Symbol.for("@certkit/runtime/CertkitError");

/**
 * The one error type of every certkit package: what went wrong (`code`), where (`provider`, `status`,
 * `providerCode`, `requestId`) and whether trying again may help (`retryable`).
 *
 * It never holds a credential: messages and bodies are redacted when the error is made, and it keeps
 * no request or headers. `JSON.stringify(error)` gives its public fields.
 */
export class CertkitError<Body = unknown> extends Error {
  override readonly name = "CertkitError";
  readonly code: CertkitErrorCode;
  readonly provider: string;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly providerCode: string | undefined;
  readonly requestId: string | undefined;
  readonly body: Body | string | undefined;

  constructor(init: CertkitErrorInit<Body>) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.provider = init.provider;
    this.retryable = init.retryable ?? false;
    this.status = init.status;
    this.providerCode = init.providerCode;
    this.requestId = init.requestId;
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
      status: this.status,
      providerCode: this.providerCode,
      requestId: this.requestId,
      body: this.body,
    };
  }
}

/** Whether `value` is a {@link CertkitError}, optionally with the given code. */
export function isCertkitError(value: unknown, code?: CertkitErrorCode): value is CertkitError {
  return value instanceof CertkitError && (code === undefined || value.code === code);
}
