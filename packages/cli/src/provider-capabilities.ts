import type { Capabilities, ProviderName } from "@certkit/certificates";
import { DNSIMPLE_CAPABILITIES } from "@certkit/certificates/dnsimple";
import { DNSIMPLE_V1_CAPABILITIES } from "@certkit/certificates/dnsimple-v1";
import { IONOS_SSL_CAPABILITIES } from "@certkit/certificates/ionos-ssl";
import { RESELLO_CAPABILITIES } from "@certkit/certificates/resello";
import { SSLMARKET_CAPABILITIES } from "@certkit/certificates/sslmarket";

/** What each provider can do, as its adapter declares it: known without configuring anything. */
export const PROVIDER_CAPABILITIES: Readonly<Record<ProviderName, Capabilities>> = {
  "ionos-ssl": IONOS_SSL_CAPABILITIES,
  dnsimple: DNSIMPLE_CAPABILITIES,
  "dnsimple-v1": DNSIMPLE_V1_CAPABILITIES,
  resello: RESELLO_CAPABILITIES,
  sslmarket: SSLMARKET_CAPABILITIES,
};
