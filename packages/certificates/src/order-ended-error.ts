import { CertkitError } from "@certkit/runtime";
import type { CertificateOrder } from "./certificate-order.js";

/** The statuses an order does not leave, short of a new order. */
export const ENDED_STATUSES = ["failed", "cancelled", "revoked"] as const;

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
  }
}
