import type { ProviderName } from "../certificate-order.js";
import { MINUTE_MS } from "@certkit/runtime";

/**
 * What is needed to look for an order whose answer was lost, as plain JSON: store it (a database row, a file) to look
 * again later, from this process or another one, with `client.findOrders(recovery)`.
 */
export interface OrderRecovery {
  provider: ProviderName;
  /**
   * The key the order was sent with, where the provider keeps one (Resello's `client_reference`): the order is looked
   * up by it, and matches exactly. Absent where the provider keeps no key of the customer's.
   */
  clientReference?: string;
  /** The order's names as sent (ASCII, lower case): where there is no key, the order is looked for by them. */
  commonName: string;
  altNames: string[];
  /** The product the order was sent for, when the adapter knows it. */
  product?: string;
  /**
   * Where the order was sent, in the adapter's own words, for providers that keep orders under a parent: DNSimple's
   * `<account>/<domain>`, DNSimple v1's domain. Absent elsewhere.
   */
  parent?: string;
  /** When the order was sent, ISO 8601 by this machine's clock: an order made well before cannot be this one. */
  sentAt: string;
}

/**
 * How far a provider's clock may be from this machine's, for comparing a found order's creation time with
 * {@link OrderRecovery.sentAt}: an order created more than this before the order was sent is an older one.
 */
export const CLOCK_SKEW_MS = 10 * MINUTE_MS;

/** Whether an order created at `createdAt` (any date text) may be the one sent at `recovery.sentAt`; `true` when it says no time. */
export function createdAfterSending(createdAt: string | undefined, recovery: OrderRecovery): boolean {
  if (createdAt === undefined) return true;
  const created = Date.parse(createdAt);
  return Number.isNaN(created) || created >= Date.parse(recovery.sentAt) - CLOCK_SKEW_MS;
}

/** Whether an order has exactly the recovery's names (its common name, and the same alternative names in any order). */
export function hasOrderedNames(
  order: { commonName: string; altNames: readonly string[] },
  recovery: OrderRecovery,
): boolean {
  if (order.commonName.toLowerCase() !== recovery.commonName) return false;
  const wanted = new Set(recovery.altNames);
  const shown = new Set(
    order.altNames.map((name) => name.toLowerCase()).filter((name) => name !== recovery.commonName),
  );
  return shown.size === wanted.size && [...shown].every((name) => wanted.has(name));
}

const isText = (value: unknown): value is string => typeof value === "string";

/**
 * Whether `value` has the shape of an {@link OrderRecovery} for `provider` (it may come from storage, or from anyone):
 * the provider, the names as text, a `sentAt` that parses, and text where the optional fields are given.
 */
export function isOrderRecovery(value: unknown, provider: string): value is OrderRecovery {
  if (typeof value !== "object" || value === null) return false;
  const recovery = value as Record<string, unknown>;
  return (
    recovery.provider === provider &&
    isText(recovery.commonName) &&
    Array.isArray(recovery.altNames) &&
    recovery.altNames.every(isText) &&
    isText(recovery.sentAt) &&
    !Number.isNaN(Date.parse(recovery.sentAt)) &&
    ["clientReference", "product", "parent"].every((field) => recovery[field] === undefined || isText(recovery[field]))
  );
}
