import type { Order, OrderListItem } from "@certkit/sslmarket";
import type { SslmarketOrder, SslmarketOrderState } from "./sslmarket-state.js";

const DAY_MS = 86_400_000;
// The order detail shows no invoice fields.
const SHOWN_CONTACT_PREFIXES = ["owner_", "auth_", "tech_"];

/** `2026-03-01 12:00:00` (UTC), the date-time form of SSLmarket's examples. */
export function sslmarketDateTime(iso: string): string {
  return iso.slice(0, 19).replace("T", " ");
}

/** `2026-03-01` (UTC). */
export function sslmarketDate(iso: string): string {
  return iso.slice(0, 10);
}

/** The `state` the API shows for `order` at `now`. */
export function orderState(order: SslmarketOrder, now: Date): SslmarketOrderState {
  if (order.status === "published" && order.certificate && new Date(order.certificate.validUntil) <= now)
    return "expired";
  return order.status;
}

function issuance(order: SslmarketOrder): Pick<OrderListItem, "published" | "expired"> {
  return {
    published: order.certificate ? sslmarketDateTime(order.certificate.validFrom) : null,
    expired: order.certificate ? sslmarketDate(order.certificate.validUntil) : null,
  };
}

/** The order as `GET /order/list` lists it. */
export function orderListItem(order: SslmarketOrder, now: Date): OrderListItem {
  return {
    order_id: order.orderId,
    product_type: order.productType,
    product_code: order.productCode,
    domain: order.domain,
    dns_names: [...order.dnsNames],
    sans_order_count: order.dnsNames.length,
    years: order.years,
    inserted: sslmarketDateTime(order.insertedAt),
    ...issuance(order),
    state: orderState(order, now),
  };
}

/** The order as `GET /order/order_id/{order_id}` shows it at `now`. */
export function orderDetail(order: SslmarketOrder, now: Date): Order {
  const state = orderState(order, now);
  const contacts = Object.fromEntries(
    Object.entries(order.contacts).filter(([field]) =>
      SHOWN_CONTACT_PREFIXES.some((prefix) => field.startsWith(prefix)),
    ),
  );
  const detail: Order = {
    product_type: order.productType,
    product_code: order.productCode,
    domain: order.domain,
    dns_names: [...order.dnsNames],
    sans_order_count: order.dnsNames.length,
    years: order.years,
    csr: order.csr,
    certificate_serial_number: order.certificate?.serialNumber.toUpperCase() ?? null,
    ...contacts,
    inserted: sslmarketDateTime(order.insertedAt),
    ...issuance(order),
    state,
  };
  if (order.dcvMethod) {
    detail.dv_auth_method = order.dcvMethod;
    if (order.dcvMethod !== "Email") detail.dv_auth_content = order.dcvContent;
  }
  if (state === "published" && order.certificate) {
    detail.days_remaining = Math.floor((new Date(order.certificate.validUntil).getTime() - now.getTime()) / DAY_MS);
  }
  if (order.years > 1) detail.auto_reissue = true;
  return detail;
}
