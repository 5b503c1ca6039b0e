import { CertkitError } from "@certkit/runtime";
import type { CertificateOrder } from "./certificate-order.js";

/** The statuses an order does not leave, short of a new order. */
export const ENDED_STATUSES = ["failed", "cancelled", "revoked"] as const;

// A registry-wide brand, as CertkitError has: `instanceof` then holds across copies of this package, and only for
// this class (CertkitError's own check would match every CertkitError).
const brand = /* @__PURE__ */ Symbol.for("@certkit/certificates/OrderEndedError");

/**
 * An order ended (`failed`, `cancelled` or `revoked`) while the caller waited for another status. A `CertkitError`
 * with code `CONFLICT` that also carries the order as it was last seen.
 */
export class OrderEndedError extends CertkitError {
  /** The order as last seen: its `status`, `reason` and `message` say how it ended. */
  readonly order: CertificateOrder;

  constructor(order: CertificateOrder, awaited: readonly string[]) {
    super({
      code: "CONFLICT",
      provider: order.provider,
      retryable: false,
      ...(order.reason === undefined ? {} : { providerCode: order.reason }),
      message:
        `certificate order ${order.id} is ${order.status} (${order.providerStatus})` +
        `${order.message ? `: ${order.message}` : ""}; it will not become ${awaited.join(" or ")}`,
    });
    this.order = order;
    Object.defineProperty(this, brand, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
