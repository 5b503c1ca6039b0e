import type { CertificateClient } from "@certkit/certificates";
import { formatOrderRef, parseOrderRef, type OrderRef } from "../order-ref.js";
import { isProviderName } from "../provider-names.js";
import { UsageError } from "../usage-error.js";
import type { CommandContext } from "./command.js";
import type { Session } from "../session.js";

/** The order a command's `ID` argument names, and the client of its provider. */
export interface OrderTarget {
  ref: OrderRef;
  /** `provider:id`, for messages. */
  label: string;
  client: CertificateClient;
  session: Session;
}

/** Opens the session and resolves the command's first argument (`provider:id`, or an id with `--provider`). */
export async function orderTarget(context: CommandContext): Promise<OrderTarget> {
  const provider = context.values.provider as string | undefined;
  if (provider !== undefined && !isProviderName(provider)) throw new UsageError(`unknown provider "${provider}" (see certkit providers)`);
  const session = await context.session();
  const ref = parseOrderRef(context.positionals[0]!, { provider, configured: session.configured });
  return { ref, label: formatOrderRef(ref), client: session.client(ref.provider), session };
}
