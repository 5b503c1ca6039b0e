/**
 * The DNSimple API v2 adapter of `@certkit/certificates`: Let's Encrypt certificates bought, issued, downloaded and
 * renewed through DNSimple, which makes the keys and answers the DNS challenges itself.
 *
 * @packageDocumentation
 */
export { dnsimple, type DnsimpleAdapter } from "./dnsimple-adapter.js";
export type { DnsimpleAdapterOptions, DnsimpleAdapterSettings } from "./dnsimple-adapter-options.js";
export {
  DNSIMPLE_CAPABILITIES,
  DNSIMPLE_LETSENCRYPT_LIMITS,
  DNSIMPLE_LETSENCRYPT_PRODUCT,
  dnsimpleProductLimits,
} from "./dnsimple-capabilities.js";
export {
  DNSIMPLE_STATUS_NOTES,
  DNSIMPLE_STATUS_TABLE,
  dnsimpleValidationStatus,
  mapDnsimpleStatus,
  type DnsimpleStatus,
} from "./map-dnsimple-status.js";
export { dnsimpleOrderView, dnsimpleValidations } from "./dnsimple-order-view.js";
export { decodeDnsimpleOrderId, encodeDnsimpleOrderId, type DnsimpleCertificateRef } from "./dnsimple-order-id.js";
export {
  certificateEventFromDnsimpleWebhook,
  type DnsimpleCertificateOrderEvent,
} from "./certificate-event-from-webhook.js";
export { readDnsimpleCertificateDelivery, type DnsimpleCertificateDelivery } from "./dnsimple-certificate-delivery.js";
export { dnsimpleProvider } from "./dnsimple-provider.js";
