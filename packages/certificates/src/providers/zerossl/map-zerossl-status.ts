import type { CertificateStatus, ValidationStatus } from "../../certificate-order.js";
import { providerStatusText } from "../../status/provider-status-text.js";

/**
 * How each ZeroSSL certificate status maps onto a {@link CertificateStatus}. A value not in this table (ZeroSSL says
 * its enumerations may grow; its sample client knows a `deleted`) maps to `unknown`, with the value kept.
 */
export const ZEROSSL_STATUS_TABLE: Readonly<Record<string, CertificateStatus>> = Object.freeze({
  draft: "awaiting_validation",
  pending_validation: "processing",
  issued: "issued",
  expiring_soon: "issued",
  cancelled: "cancelled",
  revoked: "revoked",
  expired: "expired",
});

/** Why a row of {@link ZEROSSL_STATUS_TABLE} maps as it does. */
export const ZEROSSL_STATUS_NOTES: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({
  draft: "created; the customer publishes the CNAME record or file (or picks e-mail) and confirms the validation",
  pending_validation: "the validation was started: ZeroSSL checks the names, or waits for the approver's e-mail",
  expiring_soon: "issued, within ZeroSSL's renewal window",
});

/** What a draft's or a pending certificate's validation is, per name. */
const VALIDATION_STATUS: Readonly<Record<string, ValidationStatus>> = {
  draft: "waiting",
  pending_validation: "pending",
  issued: "valid",
  expiring_soon: "valid",
  expired: "valid",
  revoked: "valid",
};

const MESSAGES: Readonly<Record<string, string>> = {
  draft: "ZeroSSL waits for the validation: publish the record or file shown in validation and confirm it.",
  pending_validation: "ZeroSSL is checking the validation (or waits for the approver to answer the e-mail).",
  expiring_soon: "The certificate expires soon: order a new one.",
};

/** The normalized status of a ZeroSSL certificate, with the raw value kept. */
export interface ZerosslStatusMapping {
  status: CertificateStatus;
  /** ZeroSSL's `status` unchanged (a non-string turned into text; `""` when absent). */
  providerStatus: string;
  /** What the status means for the customer. */
  message?: string;
}

/** The table's entry under `key`, only for the table's own keys (not `toString`, `__proto__`, ...). */
function entry<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Maps ZeroSSL's certificate `status` onto a {@link CertificateStatus}. Total: any input (a non-string too) gives a
 * status, `unknown` for values not in {@link ZEROSSL_STATUS_TABLE}, with the raw value in `providerStatus`. Never throws.
 */
export function mapZerosslStatus(status: unknown): ZerosslStatusMapping {
  const providerStatus = providerStatusText(status);
  const mapped = entry(ZEROSSL_STATUS_TABLE, status);
  if (mapped === undefined) {
    return {
      status: "unknown",
      providerStatus,
      message: `ZeroSSL sent a certificate status certkit does not know: ${JSON.stringify(providerStatus)}.`,
    };
  }
  const message = entry(MESSAGES, status);
  return { status: mapped, providerStatus, ...(message === undefined ? {} : { message }) };
}

/** What the validation of a certificate in ZeroSSL status `status` is: `unknown` where the status does not say. */
export function mapZerosslValidationStatus(status: unknown): ValidationStatus {
  return entry(VALIDATION_STATUS, status) ?? "unknown";
}
