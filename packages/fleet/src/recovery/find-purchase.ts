import {
  ENDED_STATUSES,
  type CertificateClient,
  type CertificateOrder,
  type OrderRecovery,
} from "@certkit/certificates";

/** What {@link findPurchase} asks the fleet while it looks. */
export interface FindPurchaseContext {
  /** Whether an order is already the confirmed purchase of some certificate: such an order is never adopted again. */
  isClaimed(orderId: string): Promise<boolean>;
  signal?: AbortSignal;
}

const ENDED: ReadonlySet<string> = new Set(ENDED_STATUSES);

/**
 * The order a purchase attempt may have made before its worker died or its answer was lost, found with the facade's
 * `findOrders` and the recovery committed with the intent: by the client key where the provider keeps one (that
 * order is this attempt's, whatever its status), else the first order with its names, placed since it was sent, not
 * ended, that no certificate has claimed. It looks once: the fleet looks again later, and only after the recovery
 * grace period takes "not found" for "never sent".
 */
export async function findPurchase(
  client: CertificateClient,
  recovery: OrderRecovery,
  context: FindPurchaseContext,
): Promise<CertificateOrder | undefined> {
  const signal = context.signal === undefined ? {} : { signal: context.signal };
  const found = await client.findOrders(recovery, { maxWaitMs: 0, ...signal });
  const byKey = recovery.clientReference !== undefined;
  for (const order of found) {
    if (!byKey && ENDED.has(order.status)) continue;
    if (await context.isClaimed(order.id)) continue;
    return order;
  }
  return undefined;
}
