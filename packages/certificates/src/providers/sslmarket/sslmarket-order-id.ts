import { CertkitError } from "@certkit/runtime";

const ORDER_NUMBER = /^[1-9]\d{0,15}$/;

/**
 * The SSLmarket order number an order id stands for. Ids are the order numbers as decimal text (`"100234"`):
 * SSLmarket keeps orders directly under the account, so they carry no parent. Throws `CertkitError`
 * `INVALID_INPUT` for anything else, before any request.
 */
export function sslmarketOrderNumber(id: unknown, operation: string): number {
  if (typeof id === "string" && ORDER_NUMBER.test(id)) {
    const number = Number(id);
    if (Number.isSafeInteger(number)) return number;
  }
  const shown = typeof id === "string" ? JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id) : typeof id;
  throw new CertkitError({
    code: "INVALID_INPUT",
    provider: "sslmarket",
    message: `${operation}: id must be an SSLmarket order number (digits, e.g. "100234"), got ${shown}`,
    fieldErrors: { id: ["must be an SSLmarket order number"] },
  });
}

/**
 * The order number a placed order's answer (`{ order_id }`) names.
 *
 * @throws CertkitError `PROVIDER` when it names none (no later call could address the order).
 */
export function sslmarketOrderNumberIn(answer: unknown): number {
  const orderId = (answer as { order_id?: unknown } | null)?.order_id;
  if (typeof orderId === "number" && Number.isSafeInteger(orderId) && orderId > 0) return orderId;
  throw new CertkitError({
    code: "PROVIDER",
    provider: "sslmarket",
    message: "sslmarket: the answer has no order_id (a whole number)",
  });
}
