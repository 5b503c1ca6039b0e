import type { ProviderName } from "@certkit/certificates";
import { isProviderName } from "./provider-names.js";
import { UsageError } from "./usage-error.js";

/** An order as the CLI names it: the provider, and the facade's id there. Printed as `provider:id`. */
export interface OrderRef {
  provider: ProviderName;
  id: string;
}

/** `provider:id`, the form every command prints and takes. */
export function formatOrderRef({ provider, id }: OrderRef): string {
  return `${provider}:${id}`;
}

/**
 * Reads an order reference. `provider:id` names its provider; a bare id needs `--provider`, or only one configured
 * provider to belong to.
 * @throws UsageError when the provider cannot be told, or the id is empty.
 */
export function parseOrderRef(
  text: string,
  options: { provider: ProviderName | undefined; configured: readonly ProviderName[] },
): OrderRef {
  const colon = text.indexOf(":");
  const prefix = colon > 0 ? text.slice(0, colon) : undefined;
  if (prefix !== undefined && isProviderName(prefix)) {
    if (options.provider !== undefined && options.provider !== prefix) {
      throw new UsageError(`the id names ${prefix} but --provider says ${options.provider}`);
    }
    return checked({ provider: prefix, id: text.slice(colon + 1) });
  }
  if (options.provider !== undefined) return checked({ provider: options.provider, id: text });
  if (options.configured.length === 1) return checked({ provider: options.configured[0]!, id: text });
  throw new UsageError(
    `"${text}" does not say its provider: write it as provider:id (as certkit list prints it) or add --provider`,
  );
}

function checked(ref: OrderRef): OrderRef {
  if (ref.id.trim() === "") throw new UsageError(`the order id after "${ref.provider}:" is empty`);
  return ref;
}
