export { dnsimpleV1, DNSIMPLE_V1_CAPABILITIES, DNSIMPLE_V1_PRODUCT_LIMITS, type DnsimpleV1AdapterOptions } from "./dnsimple-v1-adapter.js";
export { DNSIMPLE_V1_STATUS_NOTES, DNSIMPLE_V1_STATUS_TABLE, mapDnsimpleV1Status, type DnsimpleV1Status } from "./map-dnsimple-v1-status.js";
export { decodeDnsimpleV1OrderId, encodeDnsimpleV1OrderId, type DnsimpleV1OrderId } from "./dnsimple-v1-order-id.js";
export { dnsimpleV1OrderView } from "./dnsimple-v1-order-view.js";
