import type { CertificateOrder } from "@certkit/certificates";
import type { PurchaseRecovery } from "./purchase-recovery.js";

/** Providers whose orders keep the customer's own key (Resello's `client_reference`), so it finds an order exactly. */
const KEEPS_CLIENT_REFERENCE = new Set(["resello"]);

/** The client reference an order carries in the provider's answer, where it has one. */
function clientReferenceOf(order: CertificateOrder): string | undefined {
  const raw = order.raw as { client_reference?: unknown } | null;
  return typeof raw?.client_reference === "string" ? raw.client_reference : undefined;
}

/** Options of {@link listRecovery}. */
export interface ListRecoveryOptions {
  /** How far the provider's clock may be behind the database's when comparing creation times. Default 5 minutes. */
  clockSkewMs?: number;
}

/**
 * Recovery from the provider's own list: the order with the attempt's client reference where the provider keeps one;
 * otherwise an order for the same names (its common name first, every name of the attempt on it) created after the
 * intent (when the provider says when), that no certificate has claimed yet.
 */
export function listRecovery(options: ListRecoveryOptions = {}): PurchaseRecovery {
  const skew = options.clockSkewMs ?? 300_000;
  return {
    keepsClientReference: (provider) => KEEPS_CLIENT_REFERENCE.has(provider),
    async find(attempt, client, context) {
      const { signal } = context;
      const since = attempt.intendedAt.getTime() - skew;
      const byReference = KEEPS_CLIENT_REFERENCE.has(attempt.provider);
      for await (const order of client.list(signal === undefined ? {} : { signal })) {
        if (byReference) {
          if (clientReferenceOf(order) === attempt.clientReference) return order;
          continue;
        }
        const names = new Set([order.commonName, ...order.altNames]);
        if (order.commonName !== attempt.names[0] || !attempt.names.every((name) => names.has(name))) continue;
        if (order.createdAt !== undefined && Date.parse(order.createdAt) < since) continue;
        if (["failed", "cancelled", "revoked"].includes(order.status)) continue;
        if (await context.isClaimed(order.id)) continue;
        return order;
      }
      return undefined;
    },
  };
}
