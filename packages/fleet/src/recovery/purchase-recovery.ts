import type { CertificateClient, CertificateOrder } from "@certkit/certificates";
import type { PurchaseRow } from "../store/fleet-store.js";

/** What a recovery may ask the fleet while it looks. */
export interface RecoveryContext {
  /** Whether an order is already the confirmed purchase of some certificate: such an order is never adopted again. */
  isClaimed(orderId: string): Promise<boolean>;
  /**
   * Look only at what the provider showed after this time. Set once the grace period has passed: "not found" then
   * decides that the purchase never happened, which a listing from before could not show.
   */
  listedAfter?: Date;
  signal?: AbortSignal;
}

/**
 * After a crash (or a lost answer) between "intent committed" and "order known", finds the order the purchase
 * attempt may have created, so the fleet adopts it instead of buying again. `undefined` means none is seen yet: the
 * fleet looks again, and only after a grace period takes the attempt for never sent.
 */
export interface PurchaseRecovery {
  find(
    attempt: PurchaseRow,
    client: CertificateClient,
    context: RecoveryContext,
  ): Promise<CertificateOrder | undefined>;
  /** Whether orders at `provider` carry the client reference the fleet gives them (then the reference is sent). */
  keepsClientReference(provider: string): boolean;
}
