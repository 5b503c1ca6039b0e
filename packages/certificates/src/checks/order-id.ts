import type { ProviderName } from "../certificate-order.js";
import { invalidInput } from "./invalid-input.js";

/** The longest order id taken: above every provider's (DNSimple's carries a domain name of up to 253 characters). */
export const MAX_ORDER_ID_LENGTH = 512;

// C0 and C1 controls and DEL (Unicode's Cc): no provider's id holds one, and one in a URL or a log line is trouble.
const CONTROL = /\p{Cc}/u;

/**
 * An order id as every operation takes it, before the adapter's own check of its form: text, not blank, at most
 * {@link MAX_ORDER_ID_LENGTH} characters, no control character.
 * @throws CertkitError `INVALID_INPUT` (field `id`) otherwise; nothing is sent.
 */
export function checkOrderId(provider: ProviderName, id: unknown, operation: string): string {
  if (typeof id !== "string" || id.trim() === "") throw invalidInput(provider, "id", "must be an order id", operation);
  if (id.length > MAX_ORDER_ID_LENGTH)
    throw invalidInput(provider, "id", `is longer than ${MAX_ORDER_ID_LENGTH} characters`, operation);
  if (CONTROL.test(id)) throw invalidInput(provider, "id", "holds a control character", operation);
  return id;
}
