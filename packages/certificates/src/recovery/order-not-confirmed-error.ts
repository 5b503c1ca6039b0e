import { CertkitError } from "@certkit/runtime";
import type { CertificateOrder } from "../certificate-order.js";
import type { FindOrdersOptions } from "./find-orders.js";
import type { OrderRecovery } from "./order-recovery.js";

/** Looks for the order an {@link OrderNotConfirmedError} is about. */
export type FindLostOrders = (options?: FindOrdersOptions) => Promise<CertificateOrder[]>;

// A registry-wide brand, as CertkitError has: `instanceof` then holds across copies of this package, and only for
// this class (CertkitError's own check would match every CertkitError).
const brand = /* @__PURE__ */ Symbol.for("@certkit/certificates/OrderNotConfirmedError");

/**
 * An order was sent, and no answer confirmed it: the answer was lost (no answer, a timeout, a 5xx, an unreadable
 * answer), so the order may or may not have been placed. The facade never sends it again on its own. Do not order
 * again either: look for it with {@link OrderNotConfirmedError.findOrders} (or, later and from anywhere, with
 * `client.findOrders(error.recovery)`), which looks again with bounded pauses, since a provider's list may show a
 * new order only after a while.
 *
 * A `CertkitError` with the failure's `code` (`NETWORK`, `TIMEOUT`, `PROVIDER`, ...), `effectUnknown: true`,
 * `retryable: false` (never order again blindly), the failure as `cause`, and {@link OrderNotConfirmedError.recovery}.
 */
export class OrderNotConfirmedError extends CertkitError {
  /** What to look for the order by, as plain JSON: keep it to look again later. Also in `JSON.stringify(error)`. */
  readonly recovery: OrderRecovery;
  readonly #find: FindLostOrders | undefined;

  /**
   * @param cause - the failure that left the order unconfirmed.
   * @param find - looks for the order; set by the certificate client, which is what throws this error to callers.
   */
  constructor(cause: CertkitError, recovery: OrderRecovery, find?: FindLostOrders) {
    const key = recovery.clientReference === undefined ? "" : ` (client reference "${recovery.clientReference}")`;
    super({
      code: cause.code,
      provider: cause.provider,
      message:
        `order: the order for ${recovery.commonName}${key} was sent, but no answer confirmed it (${cause.message}): it may have been placed. ` +
        `Do not order again: look for it with error.findOrders(), or later with client.findOrders(error.recovery)`,
      retryable: false,
      effectUnknown: true,
      status: cause.status,
      providerCode: cause.providerCode,
      requestId: cause.requestId,
      cause,
    });
    this.recovery = recovery;
    this.#find = find;
    Object.defineProperty(this, brand, { value: true });
  }

  /**
   * Looks for the order (see `client.findOrders`): by its client key where the provider keeps one, else by its names,
   * product and time. Resolves with the orders that match, or an empty list when none shows within `maxWaitMs`.
   */
  findOrders(options?: FindOrdersOptions): Promise<CertificateOrder[]> {
    if (!this.#find) {
      return Promise.reject(
        new CertkitError({
          code: "UNSUPPORTED",
          provider: this.provider,
          message:
            "findOrders: this error was not thrown by a certificate client; call client.findOrders(error.recovery)",
        }),
      );
    }
    return this.#find(options);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), recovery: this.recovery };
  }
}
