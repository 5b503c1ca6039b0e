import type { CertificateOrder } from "@certkit/certificates";
import { formatOrderRef } from "../order-ref.js";
import { formatTable } from "./format-table.js";
import { daysLeft, namesOf } from "./order-view.js";

/** The inventory as `certkit list` and the demo print it: one row per order. */
export function inventoryTable(orders: readonly CertificateOrder[], now: Date): string[] {
  const rows = orders.map((order) => [
    formatOrderRef(order),
    order.status,
    namesOf(order).join(","),
    order.validUntil?.slice(0, 10) ?? "-",
    String(daysLeft(order, now) ?? "-"),
  ]);
  return formatTable(["order", "status", "names", "expires", "days left"], rows);
}
