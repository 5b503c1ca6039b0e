import { CertkitError } from "@certkit/runtime";

/** What an order (or a renewal) created before a later step failed: enough to finish it or cancel it. */
export interface CreatedOrder {
  /** The order's id, as `get()`, `cancel()` and the other operations take it. */
  id: string;
  /**
   * The step that did not complete: `issue` (DNSimple: bought, not requested from the CA), `configure` or `submit`
   * (DNSimple v1: bought, not sent to the CA), `read` (placed; reading it back failed).
   */
  failedStep: "issue" | "configure" | "submit" | "read";
  /** The provider's own ids of what was created, by the names its API gives them (DNSimple: `purchaseId`, `certificateId`). */
  providerIds: Readonly<Record<string, string | number>>;
}

// A registry-wide brand, as CertkitError has: `instanceof` then holds across copies of this package, and only for
// this class (CertkitError's own check would match every CertkitError).
const brand = /* @__PURE__ */ Symbol.for("@certkit/certificates/OrderIncompleteError");

/**
 * An order was placed (and paid for), and a later step of `order()` failed: the order exists, unfinished or unread.
 * Never order again: {@link OrderIncompleteError.created} names what exists, so it can be read (`get(created.id)`),
 * finished with the provider's own client (the message says how) or cancelled where the provider allows.
 *
 * A `CertkitError` with the failed step's `code`, `effectUnknown: true` (the order took effect), `retryable: false`,
 * that failure as `cause`, and {@link OrderIncompleteError.created}.
 */
export class OrderIncompleteError extends CertkitError {
  /** What was created before the step that failed. Also in `JSON.stringify(error)`. */
  readonly created: CreatedOrder;

  /**
   * @param nextStep - what the caller can do about it, for the message.
   * @param operation - the operation that failed part-way: `order`, or `renew` (a renewal is a purchase too).
   */
  constructor(cause: CertkitError, created: CreatedOrder, nextStep: string, operation: "order" | "renew" = "order") {
    super({
      code: cause.code,
      provider: cause.provider,
      message: `${operation}: ${created.id} was bought, but its ${created.failedStep} step failed (${cause.message}). Do not ${operation} again: ${nextStep}`,
      retryable: false,
      effectUnknown: true,
      status: cause.status,
      providerCode: cause.providerCode,
      requestId: cause.requestId,
      fieldErrors: cause.fieldErrors,
      cause,
    });
    this.created = created;
    Object.defineProperty(this, brand, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), created: this.created };
  }
}
