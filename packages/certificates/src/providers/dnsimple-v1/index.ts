/**
 * The DNSimple API v1 adapter of `@certkit/certificates`: `createCertificateClient(dnsimpleV1({ email, token, contactId }))`.
 *
 * @packageDocumentation
 */
export { dnsimpleV1 } from "./dnsimple-v1-adapter.js";
export type { DnsimpleV1AdapterOptions } from "./dnsimple-v1-adapter-options.js";
export { DNSIMPLE_V1_CAPABILITIES, DNSIMPLE_V1_PRODUCT_LIMITS } from "./dnsimple-v1-capabilities.js";
export {
  DNSIMPLE_V1_STATUS_NOTES,
  DNSIMPLE_V1_STATUS_TABLE,
  mapDnsimpleV1Status,
  type DnsimpleV1Status,
} from "./map-dnsimple-v1-status.js";
export { decodeDnsimpleV1OrderId, encodeDnsimpleV1OrderId, type DnsimpleV1OrderId } from "./dnsimple-v1-order-id.js";
export { dnsimpleV1OrderView } from "./dnsimple-v1-order-view.js";
export { dnsimpleV1Provider } from "./dnsimple-v1-provider.js";
