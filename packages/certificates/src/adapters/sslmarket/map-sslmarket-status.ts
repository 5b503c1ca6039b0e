import type { CertificateStatus } from "../../certificate-order.js";
import { providerStatusText } from "../../status/provider-status-text.js";

/**
 * Every documented SSLmarket order `state` and the {@link CertificateStatus} it maps to. SSLmarket documents one
 * value only: `published`, the certificate is issued ("the "issued" state (state=published)"; `days_remaining` is
 * present then). Its other states exist but are named nowhere public (the spec's `OrderStatus` note mentions states
 * "while the order waits for validation or a reissue runs" without naming them), so every other value, including
 * the sandbox's own `pending_validation`, `processing`, `reissuing`, `revoked` and `expired`, maps to `unknown`
 * with the value kept in `providerStatus` and a `message` saying what the order's documented fields tell.
 */
export const SSLMARKET_STATUS_TABLE: Readonly<Record<string, CertificateStatus>> = Object.freeze({
  published: "issued",
});

/** Why each row of {@link SSLMARKET_STATUS_TABLE} maps as it does. */
export const SSLMARKET_STATUS_NOTES: Readonly<Record<string, string>> = Object.freeze({
  published:
    "the certificate is issued (the documentation calls it the issued state); the state alone decides. The client derives `expired` from `validUntil` (the start of the `expired` date, UTC)",
});

/** What the order says besides its state, for the message of an undocumented state. */
export interface SslmarketStatusContext {
  /** The order's `published` date-time: when a certificate was issued, `null` or absent before. */
  published?: unknown;
  /** The order's `expired` date: when the certificate ends, `null` or absent before issuance. */
  expired?: unknown;
}

/** The result of {@link mapSslmarketStatus}. */
export interface SslmarketStatus {
  status: CertificateStatus;
  /** SSLmarket's own `state`, unchanged (a value that is not a string is shown as text). */
  providerStatus: string;
  /** A human explanation, for every state SSLmarket does not document. */
  message?: string;
}

/** A non-empty string member of the context, never throwing (a getter that throws counts as absent). */
function textOf(context: SslmarketStatusContext | undefined, member: keyof SslmarketStatusContext): string | undefined {
  try {
    const value: unknown = typeof context === "object" && context !== null ? context[member] : undefined;
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** The message of a state SSLmarket does not document: the value, and what `published` and `expired` say. */
function undocumentedMessage(providerStatus: string, context: SslmarketStatusContext | undefined): string {
  const published = textOf(context, "published");
  const expired = textOf(context, "expired");
  const shown = providerStatus === "" ? "an empty state" : `the state "${providerStatus}"`;
  const certificate = published
    ? `a certificate was issued on ${published}${expired ? ` and ends on ${expired}` : ""}`
    : "no certificate has been issued for it yet";
  return `SSLmarket documents only "published" (issued); ${shown} is not documented, so its meaning is unknown: ${certificate}`;
}

/**
 * Maps an SSLmarket order `state` to a {@link CertificateStatus}. Total: `published` is `issued` (see
 * {@link SSLMARKET_STATUS_TABLE}); any other value (another string, a number, `null`, an object) is `unknown`, with
 * the value in `providerStatus` and a `message` built from `context` (the order's `published` and `expired`
 * fields, which say whether a certificate was ever issued). Never throws, whatever it is given.
 */
export function mapSslmarketStatus(state: unknown, context?: SslmarketStatusContext): SslmarketStatus {
  const providerStatus = providerStatusText(state);
  if (typeof state === "string" && Object.hasOwn(SSLMARKET_STATUS_TABLE, state)) {
    return { status: SSLMARKET_STATUS_TABLE[state]!, providerStatus };
  }
  return { status: "unknown", providerStatus, message: undocumentedMessage(providerStatus, context) };
}
