import { OrderIncompleteError, OrderNotConfirmedError, type ProviderName } from "@certkit/certificates";
import { formatOrderRef } from "../order-ref.js";
import { shellArgument } from "./shell-argument.js";

/** A failure after an order was sent, in the CLI's words, and what `--json` adds about the order. */
export interface OrderFailureWords {
  message: string;
  json: Record<string, unknown>;
}

/** The cause's message without the facade's operation name (`order: …`). */
function causeOf(error: Error): string {
  return error.cause instanceof Error ? error.cause.message : error.message;
}

/**
 * Says an order failure that the facade words for programs (`error.findOrders()`, `get("…")`) as a shell user acts
 * on it: the order's `provider:id` and the command that shows it, or the command that will list it; `undefined` for
 * any other error. An order bought and left part-way, or sent and never confirmed, must not be ordered again.
 */
export function orderFailureWords(error: unknown): OrderFailureWords | undefined {
  if (error instanceof OrderIncompleteError) {
    const ref = formatOrderRef({ provider: error.provider as ProviderName, id: error.created.id });
    return {
      message:
        `${ref} was bought, but its ${error.created.failedStep} step failed (${causeOf(error)}). ` +
        `Do not order again: certkit show ${shellArgument(ref)} shows it as it stands`,
      json: { order: { ref, failedStep: error.created.failedStep, providerIds: error.created.providerIds } },
    };
  }
  if (error instanceof OrderNotConfirmedError) {
    const { recovery } = error;
    return {
      message:
        `the order for ${recovery.commonName} was sent, but no answer confirmed it (${causeOf(error)}): it may have ` +
        `been placed. Do not order again: certkit list --provider ${error.provider} shows it once ${error.provider} lists it`,
      json: { recovery },
    };
  }
  return undefined;
}
