import type { ProviderName } from "@certkit/certificates";

/** Every provider the CLI can drive, in the order tables list them. */
export const PROVIDER_NAMES: readonly ProviderName[] = ["ionos-ssl", "dnsimple", "dnsimple-v1", "resello", "sslmarket"];

/** Whether `value` names a provider. */
export function isProviderName(value: string): value is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(value);
}
