import type { CertificateStatus } from "../../certificate-order.js";
import { providerStatusText } from "../../status/provider-status-text.js";

/**
 * Every Resello certificate `status` the adapter knows, and the {@link CertificateStatus} it maps to when nothing
 * else is known about the order. Resello documents `pending` and `active`; `disabled` is what the certkit sandbox
 * shows after a delete (Resello says a delete "disables" the certificate, not which status it then has). Anything
 * not in this table maps to `unknown`, with the value kept in `providerStatus`.
 */
export const RESELLO_STATUS_TABLE: Readonly<Record<string, CertificateStatus>> = Object.freeze({
  pending: "awaiting_validation",
  active: "issued",
  disabled: "cancelled",
});

/** Why each row of {@link RESELLO_STATUS_TABLE} maps as it does, and where the mapping depends on more than the status. */
export const RESELLO_STATUS_NOTES: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({
  pending:
    "documented: an order or a renewal is being provisioned. `awaiting_validation` while a name still waits for its " +
    "domain control validation; `processing` once the validation details show every name validated (Resello is then " +
    "provisioning the certificate). A renewal is `pending` too, and is shown the same way: it needs new validations",
  active: "documented: the certificate is provisioned. The client derives `expired` from `validUntil`",
  disabled:
    'not documented by Resello: the certkit sandbox\'s status after DELETE ("disables it directly", refunded within the ' +
    "plan's grace period). The adapter's cancel() is that delete",
});

/** Short explanations for the statuses a caller may not expect. */
const MESSAGES: Readonly<Record<string, string>> = Object.freeze({
  disabled: "Deleted: Resello disabled the certificate",
});

/** What {@link mapReselloStatus} knows besides the status. */
export interface ReselloStatusContext {
  /**
   * Whether every name of a `pending` order has passed its domain control validation (from the validation details):
   * `true` makes it `processing`. `undefined` when not known.
   */
  validated?: boolean | undefined;
}

/** The result of {@link mapReselloStatus}. */
export interface ReselloStatus {
  status: CertificateStatus;
  /** Resello's own `status`, unchanged (a non-string is shown as text; a missing one as `""`). */
  providerStatus: string;
  /** A human explanation, where the status needs one. */
  message?: string;
}

/**
 * Maps a Resello certificate `status` to a {@link CertificateStatus}: a total function over any value, which never
 * throws. `pending` is `awaiting_validation`, or `processing` when `context.validated` says every name is validated;
 * see {@link RESELLO_STATUS_TABLE} and {@link RESELLO_STATUS_NOTES} for the rest. It does not derive `expired`: the
 * client does, from `validUntil`.
 */
export function mapReselloStatus(raw: unknown, context: ReselloStatusContext = {}): ReselloStatus {
  const providerStatus = providerStatusText(raw);
  if (typeof raw !== "string" || !Object.hasOwn(RESELLO_STATUS_TABLE, raw)) {
    const message =
      providerStatus === ""
        ? "Resello sent no certificate status"
        : `Resello certificate status "${providerStatus}" is not documented`;
    return { status: "unknown", providerStatus, message };
  }
  const status = raw === "pending" && context?.validated === true ? "processing" : RESELLO_STATUS_TABLE[raw]!;
  const message =
    raw === "pending" && status === "processing"
      ? "Every name is validated: Resello is provisioning the certificate"
      : MESSAGES[raw];
  return { status, providerStatus, ...(message === undefined ? {} : { message }) };
}
