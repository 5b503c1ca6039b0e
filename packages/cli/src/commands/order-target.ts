import type { CertificateClient } from "@certkit/certificates";
import { formatOrderRef, parseOrderRef, type OrderRef } from "../order-ref.js";
import { providerOption, type CommandContext } from "./command.js";
import type { Session } from "../session.js";

/** The order a command's `ID` argument names, and the client of its provider. */
export interface OrderTarget {
  ref: OrderRef;
  /** `provider:id`, for messages. */
  label: string;
  client: CertificateClient;
  session: Session;
}

/**
 * Opens the session and resolves the order the command names (`provider:id`, or an id with `--provider`; by
 * default its first argument), which a failure then names.
 */
export async function orderTarget(
  context: CommandContext,
  text: string = context.positionals[0]!,
): Promise<OrderTarget> {
  const provider = providerOption(context.values);
  const session = await context.session();
  const ref = parseOrderRef(text, { provider, configured: session.configured });
  const label = formatOrderRef(ref);
  context.about(label);
  return { ref, label, client: session.client(ref.provider), session };
}
