import type { CertificateStatus } from "../../certificate-order.js";
import { providerStatusText } from "../../status/provider-status-text.js";

/**
 * Every documented DNSimple API v1 certificate state (`state`, or the deprecated `certificate_status` of the
 * earliest answers) and the normalized status it stands for. v1 documents five states, `purchased → configured →
 * submitted → issued`, and `cancelled`; anything else maps to `unknown`. The mapping depends on the state alone:
 * {@link DNSIMPLE_V1_STATUS_NOTES} says why each row is what it is.
 */
export const DNSIMPLE_V1_STATUS_TABLE: Readonly<Record<string, CertificateStatus>> = Object.freeze({
  purchased: "pending",
  configured: "awaiting_validation",
  submitted: "awaiting_validation",
  issued: "issued",
  cancelled: "cancelled",
});

/** Why each row of {@link DNSIMPLE_V1_STATUS_TABLE} maps as it does, by state. */
export const DNSIMPLE_V1_STATUS_NOTES: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({
  purchased: "Bought and charged, not configured yet: no approver address is known and nothing has gone to the CA.",
  configured:
    "DNSimple offers the approver addresses and waits for the customer to pick one and submit: the email validation is the customer's move.",
  submitted:
    "The CA mailed the chosen approver and issues once they follow the link. v1 shows no separate state for an approval the CA is still processing, so this stays awaiting_validation until `issued`.",
  issued:
    "The signed certificate is in `ssl_certificate`. `expired` is derived by the client from `validUntil`, never here.",
  cancelled: "Ended. No v1 call cancels: the state comes from DNSimple's side (or archived data).",
});

/** The human explanations the adapter adds to states where the order waits for a step the facade cannot take. */
const STATE_MESSAGES: Readonly<Record<string, string>> = Object.freeze({
  purchased:
    "Purchased, not configured: DNSimple v1 waits for configure and submit. The adapter's order() does both; for a certificate bought another way, use @certkit/dnsimple-v1.",
  configured:
    "Configured, not submitted: DNSimple v1 waits for an approver address to be chosen and submitted (PUT …/submit with @certkit/dnsimple-v1).",
  submitted:
    "Submitted: the CA mailed the approver, and issues the certificate once they follow the link in that email.",
});

/** A DNSimple v1 state read into the normalized model. */
export interface DnsimpleV1Status {
  status: CertificateStatus;
  /** The state exactly as DNSimple sent it; `""` when it sent none. */
  providerStatus: string;
  /** A human explanation, for states that wait on a step outside the facade and for states the adapter does not know. */
  message?: string;
}

/**
 * Maps a DNSimple API v1 certificate state to a {@link CertificateStatus}. Total and safe: any value (a
 * documented state, an unknown string, `null`, a number, an object) gives a status, never an exception. Documented
 * states follow {@link DNSIMPLE_V1_STATUS_TABLE}; anything else is `unknown`, with the value kept in `providerStatus`
 * and a `message` saying so. States are matched exactly (v1 sends them in lower case).
 */
export function mapDnsimpleV1Status(raw: unknown): DnsimpleV1Status {
  const providerStatus = providerStatusText(raw);
  if (typeof raw === "string" && Object.hasOwn(DNSIMPLE_V1_STATUS_TABLE, raw)) {
    const message = Object.hasOwn(STATE_MESSAGES, raw) ? STATE_MESSAGES[raw] : undefined;
    return { status: DNSIMPLE_V1_STATUS_TABLE[raw]!, providerStatus, ...(message === undefined ? {} : { message }) };
  }
  const message =
    raw === null || raw === undefined
      ? "DNSimple v1 sent no state (neither state nor certificate_status)"
      : `DNSimple v1 sent the state ${JSON.stringify(providerStatus)}, which this adapter does not know`;
  return { status: "unknown", providerStatus, message };
}
