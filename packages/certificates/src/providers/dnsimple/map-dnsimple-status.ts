import type { CertificateStatus, ValidationStatus } from "../../certificate-order.js";
import { providerStatusText } from "../../status/provider-status-text.js";

/**
 * Every documented DNSimple API v2 certificate `state` and the {@link CertificateStatus} it maps to. The state alone
 * decides: DNSimple sends no reason codes and no per-name validation state. Anything not in this table maps to
 * `unknown`.
 */
export const DNSIMPLE_STATUS_TABLE: Readonly<Record<string, CertificateStatus>> = Object.freeze({
  new: "pending",
  purchased: "pending",
  configured: "pending",
  submitted: "awaiting_validation",
  requesting: "processing",
  issued: "issued",
  rejected: "failed",
  failed: "failed",
  refunded: "cancelled",
  cancelled: "cancelled",
});

/** Why each row of {@link DNSIMPLE_STATUS_TABLE} maps as it does (the state's meaning, as far as DNSimple documents it). */
export const DNSIMPLE_STATUS_NOTES: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({
  new: "purchased (Let's Encrypt), not yet requested from the CA: the adapter's order() requests it at once, so it stays `new` only when that request failed",
  purchased: "legacy (Comodo/RapidSSL) order, bought but not configured; the v2 API has no call to move it on",
  configured: "legacy order with its CSR, not yet submitted to the CA; the v2 API has no call to move it on",
  submitted:
    "legacy order sent to the CA, which waits for the approver's email approval (Let's Encrypt certificates are never `submitted`)",
  requesting:
    "DNSimple is requesting the certificate from Let's Encrypt and answers the DNS-01 challenge itself: nothing for the customer to do",
  issued: "the certificate is ready; the client derives `expired` from `validUntil`",
  rejected: "the CA refused the certificate",
  failed: "Let's Encrypt did not issue it (in practice the DNS-01 challenge in the zone DNSimple hosts did not pass)",
  refunded: "the purchase was refunded: it ends without a certificate",
  cancelled: "the order was cancelled",
});

/** The state of each name's validation, for the certificate `state`s where it is known. */
const VALIDATION_TABLE: Readonly<Record<string, ValidationStatus>> = Object.freeze({
  new: "pending",
  requesting: "pending",
  issued: "valid",
  failed: "failed",
});

/** Short explanations for the states a caller may not expect. */
const MESSAGES: Readonly<Record<string, string>> = Object.freeze({
  new: "Purchased but not requested from Let's Encrypt yet",
  requesting: "DNSimple is requesting the certificate from Let's Encrypt and answers its DNS challenge itself",
  submitted: "With the certificate authority, which waits for the domain approver's approval",
  rejected: "The certificate authority rejected the certificate",
  failed: "Let's Encrypt did not issue the certificate (the DNS challenge DNSimple answers did not pass)",
  refunded: "The purchase was refunded",
});

/** The result of {@link mapDnsimpleStatus}. */
export interface DnsimpleStatus {
  status: CertificateStatus;
  /** DNSimple's own `state`, unchanged (a non-string is shown as text). */
  providerStatus: string;
  /** A human explanation, where the state needs one. */
  message?: string;
}

function lookup<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Maps a DNSimple certificate `state` to a {@link CertificateStatus}. Total: every documented state has its row in
 * {@link DNSIMPLE_STATUS_TABLE}; any other value (another string, a number, `null`, an object) is `unknown`, with the
 * value kept in `providerStatus`. Never throws.
 */
export function mapDnsimpleStatus(state: unknown): DnsimpleStatus {
  const providerStatus = providerStatusText(state);
  const status = lookup(DNSIMPLE_STATUS_TABLE, state);
  if (status === undefined) {
    return {
      status: "unknown",
      providerStatus,
      message: `DNSimple certificate state "${providerStatus}" is not one the adapter knows`,
    };
  }
  const message = lookup(MESSAGES, state);
  return { status, providerStatus, ...(message === undefined ? {} : { message }) };
}

/**
 * The state of each name's DNS-01 validation for a Let's Encrypt certificate in `state`: `pending` while DNSimple
 * and Let's Encrypt work on it, `valid` once issued, `failed` when issuance failed, `unknown` otherwise.
 */
export function dnsimpleValidationStatus(state: unknown): ValidationStatus {
  return lookup(VALIDATION_TABLE, state) ?? "unknown";
}
