import type { CertificateStatus, ValidationStatus } from "../../certificate-order.js";
import { providerStatusText } from "../../status/provider-status-text.js";

/**
 * How each IONOS status maps onto a {@link CertificateStatus}. Keys are the documented values of `Certificate.status`
 * and, for `PENDING` (whose meaning depends on the domain validation), `PENDING/<authenticationSummary.status>`.
 * A value not in this table maps to `unknown`. `expired` is not here: the client derives it from `validUntil`.
 */
export const IONOS_SSL_STATUS_TABLE: Readonly<Record<string, CertificateStatus>> = Object.freeze({
  ACTIVE: "issued",
  PENDING: "pending",
  "PENDING/WAITING_FOR_CUSTOMER": "awaiting_validation",
  "PENDING/PENDING": "processing",
  "PENDING/AUTHENTICATED": "processing",
  "PENDING/FAILED": "awaiting_validation",
  PENDING_CA_MANUAL_VETTING: "processing",
  REPLACING: "reissuing",
  RENEWING: "renewing",
  FAILED: "failed",
});

/** Why a row of {@link IONOS_SSL_STATUS_TABLE} maps as it does, where that depends on more than the status. */
export const IONOS_SSL_STATUS_NOTES: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({
  ACTIVE: "issued until validUntil; the client turns it into expired after that",
  PENDING:
    "no authenticationSummary yet (creation is asynchronous: IONOS answers 202 and fills it in later), or an authentication status certkit does not know",
  "PENDING/WAITING_FOR_CUSTOMER":
    "the customer must publish the TXT record or file (then DCV_READY), or approve the email",
  "PENDING/PENDING": "the customer's part is done; the CA is checking the domain",
  "PENDING/AUTHENTICATED": "domain validated; the CA is issuing",
  "PENDING/FAILED":
    "the domain validation failed but the certificate itself did not (it is still PENDING): the customer fixes the record or file and confirms again; reason DCV_FAILED",
  PENDING_CA_MANUAL_VETTING: "with the CA, which checks the order by hand",
  REPLACING: "a replacement is under way; the current certificate still serves",
  RENEWING:
    "a renewal is under way; the current certificate still serves (its validation may wait for the customer again)",
  FAILED: "ended; reason DCV_FAILED when the authentication failed too",
});

/** How each documented `AuthenticationSummary.status` maps onto a {@link ValidationStatus}; anything else is `unknown`. */
export const IONOS_SSL_VALIDATION_STATUS_TABLE: Readonly<Record<string, ValidationStatus>> = Object.freeze({
  WAITING_FOR_CUSTOMER: "waiting",
  PENDING: "pending",
  AUTHENTICATED: "valid",
  FAILED: "failed",
});

/** The normalized status of an IONOS certificate, with the raw value kept. */
export interface IonosSslStatusMapping {
  status: CertificateStatus;
  /** IONOS's `Certificate.status` unchanged (a non-string turned into text; `""` when absent). */
  providerStatus: string;
  /** A machine-readable reason: IONOS's `DCV_FAILED` when the domain validation failed. */
  reason?: string;
  /** What the status means for the customer. */
  message?: string;
}

const MESSAGES: Readonly<Record<string, string>> = {
  PENDING: "IONOS accepted the order and has not shown how to validate the domain yet.",
  "PENDING/WAITING_FOR_CUSTOMER":
    "IONOS waits for the domain validation: publish the record or file shown in validation and confirm it, or approve the email.",
  "PENDING/PENDING": "The CA is checking the domain validation.",
  "PENDING/AUTHENTICATED": "The domain is validated; the CA is issuing the certificate.",
  "PENDING/FAILED":
    "The domain validation failed: correct the record or file shown in validation and confirm it again.",
  PENDING_CA_MANUAL_VETTING: "The CA is checking the order by hand.",
  REPLACING: "IONOS is replacing the certificate; the current one still serves.",
  RENEWING: "IONOS is renewing the certificate; the current one still serves.",
  FAILED: "IONOS reports that the certificate request failed.",
};

/** The table's entry under `key`, only for the table's own keys (not `toString`, `__proto__`, ...). */
function entry<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Maps IONOS's `Certificate.status`, with `authenticationSummary.status` where the meaning depends on it, onto a
 * {@link CertificateStatus}. Total: any input (a non-string too) gives a status, `unknown` for values not in
 * {@link IONOS_SSL_STATUS_TABLE}, with the raw value kept in `providerStatus`. Never throws.
 */
export function mapIonosSslStatus(status: unknown, authenticationStatus?: unknown): IonosSslStatusMapping {
  const providerStatus = providerStatusText(status);
  const base = entry(IONOS_SSL_STATUS_TABLE, status);
  if (base === undefined) {
    return {
      status: "unknown",
      providerStatus,
      message: `IONOS sent a certificate status certkit does not know: ${JSON.stringify(providerStatus)}.`,
    };
  }
  const combined = typeof authenticationStatus === "string" ? `${providerStatus}/${authenticationStatus}` : undefined;
  const key =
    combined !== undefined && entry(IONOS_SSL_STATUS_TABLE, combined) !== undefined ? combined : providerStatus;
  const mapped = entry(IONOS_SSL_STATUS_TABLE, key) ?? base;
  const reason =
    authenticationStatus === "FAILED" && (mapped === "failed" || mapped === "awaiting_validation")
      ? "DCV_FAILED"
      : undefined;
  const message = entry(MESSAGES, key);
  return {
    status: mapped,
    providerStatus,
    ...(reason === undefined ? {} : { reason }),
    ...(message === undefined ? {} : { message }),
  };
}

/** Maps IONOS's `AuthenticationSummary.status` onto a {@link ValidationStatus}: `unknown` for anything else. Never throws. */
export function mapIonosSslValidationStatus(status: unknown): ValidationStatus {
  return entry(IONOS_SSL_VALIDATION_STATUS_TABLE, status) ?? "unknown";
}
