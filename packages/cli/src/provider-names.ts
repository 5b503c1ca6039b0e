import type { ProviderName } from "@certkit/certificates";
import { PROVIDER_CAPABILITIES } from "./provider-capabilities.js";

/** Every provider the CLI can drive, in the order tables list them: those it knows the capabilities of. */
export const PROVIDER_NAMES = Object.keys(PROVIDER_CAPABILITIES) as readonly ProviderName[];

/** Whether `value` names a provider. */
export function isProviderName(value: string): value is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(value);
}
