import type { CertificateStatus } from "../../certificate-order.js";
import { providerStatusText } from "../../status/provider-status-text.js";

/**
 * Every documented SSLmarket order `state` and the {@link CertificateStatus} it maps to. SSLmarket documents one
 * value only: `published`, the certificate is issued ("the "issued" state (state=published)"; `days_remaining` is
 * present then). Its other states exist but are named nowhere public (the spec's `OrderStatus` note mentions states
 * "while the order waits for validation or a reissue runs" without naming them): for those, the status is derived
 * from the order's documented fields (see {@link SSLMARKET_DERIVED_STATUSES}), never from the state's name.
 */
export const SSLMARKET_STATUS_TABLE: Readonly<Record<string, CertificateStatus>> = Object.freeze({
  published: "issued",
});

/** Why each row of {@link SSLMARKET_STATUS_TABLE} maps as it does. */
export const SSLMARKET_STATUS_NOTES: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({
  published:
    "the certificate is issued (the documentation calls it the issued state); the state alone decides. The client derives `expired` from `validUntil` (the start of the `expired` date, UTC)",
});

/**
 * The statuses derived from an order's documented fields when its `state` is not `published`, and the rule for each,
 * as the README's status table shows it. The order's own state is kept in `providerStatus`:
 * - no `published` date yet and a DCV method (`dv_auth_method`, with `dv_auth_content` for DNS and FILE): nothing has
 *   been issued and the order names how its domains are validated, so it waits for that validation
 *   (`awaiting_validation`, until SSLmarket shows it `published`). No documented field tells a check the CA is making
 *   from one waiting for the customer, so there is no `processing`;
 * - anything else is `unknown`: a `published` date with another state (a reissue, a revocation, an expiry: the
 *   documentation names none of them), or an order without DCV fields (a list item: `get()` reads them).
 */
export const SSLMARKET_DERIVED_STATUSES: Readonly<Partial<Record<CertificateStatus, string>>> =
  /* @__PURE__ */ Object.freeze({
    awaiting_validation: "another state, no `published` date, and a `dv_auth_method`",
  });

/** What the order says besides its state: the documented fields its status is derived from. */
export interface SslmarketStatusContext {
  /** The order's `published` date-time: when a certificate was issued, `null` or absent before. */
  published?: unknown;
  /** The order's `expired` date: when the certificate ends, `null` or absent before issuance. */
  expired?: unknown;
  /** The order's DCV method (`dv_auth_method`), on the order's details; absent on list items. */
  dvAuthMethod?: unknown;
}

/** The result of {@link mapSslmarketStatus}. */
export interface SslmarketStatus {
  status: CertificateStatus;
  /** SSLmarket's own `state`, unchanged (a value that is not a string is shown as text). */
  providerStatus: string;
  /** A human explanation, for every state SSLmarket does not document. */
  message?: string;
}

/** A non-empty string member of the context, never throwing (a getter that throws counts as absent, as does a non-string). */
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
 * Maps an SSLmarket order to a {@link CertificateStatus}. Total: `published` is `issued` (see
 * {@link SSLMARKET_STATUS_TABLE}); any other value (another string, a number, `null`, an object) is derived from
 * `context`, the order's documented fields ({@link SSLMARKET_DERIVED_STATUSES}): `awaiting_validation` before any
 * issuance when the order has a DCV method, else `unknown` with a `message` saying what the fields tell. The state is
 * kept in `providerStatus`. Never throws, whatever it is given.
 */
export function mapSslmarketStatus(state: unknown, context?: SslmarketStatusContext): SslmarketStatus {
  const providerStatus = providerStatusText(state);
  if (typeof state === "string" && Object.hasOwn(SSLMARKET_STATUS_TABLE, state)) {
    return { status: SSLMARKET_STATUS_TABLE[state]!, providerStatus };
  }
  if (textOf(context, "published") === undefined && textOf(context, "dvAuthMethod") !== undefined) {
    return {
      status: "awaiting_validation",
      providerStatus,
      message:
        "Not issued yet, and the order names its domain validation: publish what validation() shows (or approve the DCV e-mail)",
    };
  }
  return { status: "unknown", providerStatus, message: undocumentedMessage(providerStatus, context) };
}
