import { CertkitError, isCertkitError } from "@certkit/runtime";
import type { ProviderName } from "../certificate-order.js";
import { OrderIncompleteError, type CreatedOrder } from "./order-incomplete-error.js";
import { OrderNotConfirmedError } from "./order-not-confirmed-error.js";
import type { OrderRecovery } from "./order-recovery.js";

/** What an adapter knows of a lost order: everything but the time it was sent, which {@link placeOrder} notes. */
export type LostOrder = Omit<OrderRecovery, "sentAt">;

/**
 * Sends the write that places an order, once. A failure that leaves its effect unknown (the answer was lost) becomes
 * an {@link OrderNotConfirmedError} carrying the recovery (sent now, by the system clock: the certificate client
 * puts its own clock's time in its place). A refusal is thrown as it is: nothing was placed.
 */
export async function placeOrder<T>(send: () => Promise<T>, lost: () => LostOrder): Promise<T> {
  const sentAt = new Date().toISOString();
  try {
    return await send();
  } catch (error) {
    if (isCertkitError(error) && error.effectUnknown) throw new OrderNotConfirmedError(error, { ...lost(), sentAt });
    throw error;
  }
}

/**
 * Reads the answer of a write that placed an order. When the answer cannot be read as an order (it names no id), the
 * order exists but cannot be addressed: that is an {@link OrderNotConfirmedError} carrying `recovery`, as for a lost
 * answer.
 */
export function readPlacedOrder<T>(read: () => T, lost: () => LostOrder): T {
  try {
    return read();
  } catch (error) {
    if (isCertkitError(error)) throw new OrderNotConfirmedError(error, { ...lost(), sentAt: new Date().toISOString() });
    throw error;
  }
}

/** What {@link afterPlacing} says when its step fails. */
export interface PlacedOrder {
  provider: ProviderName;
  /** The operation that placed it. Default `order`. */
  operation?: "order" | "renew";
  created: CreatedOrder;
  /** What the caller can do about it, for the message. */
  nextStep: string;
}

/**
 * Runs a step of `order()` (or `renew()`) after the purchase was made: any failure becomes an
 * {@link OrderIncompleteError} naming what was created, since it exists whatever happens next.
 */
export async function afterPlacing<T>(placed: PlacedOrder, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const cause = isCertkitError(error)
      ? error
      : new CertkitError({
          code: "PROVIDER",
          provider: placed.provider,
          message: error instanceof Error ? error.message : String(error),
          cause: error,
        });
    throw new OrderIncompleteError(cause, placed.created, placed.nextStep, placed.operation);
  }
}
