import type { SslmarketDcvMethod as DcvMethod, SslmarketProductType as ProductType } from "./sslmarket-spec-types.js";
import type { IssuedCertificate } from "../../ca/sandbox-ca.js";

/**
 * Where an order is, as the simulator keeps it and the API shows it in `state`. Only `published` is documented;
 * SSLmarket's other states are not named anywhere public, so the others are the sandbox's own choice:
 * - `pending_validation`: ordered; the CA waits for domain control validation (DCV).
 * - `processing`: validated (or, for a client certificate, ordered); the CA is issuing the certificate.
 * - `published`: issued.
 * - `reissuing`: a reissue with a new CSR is running; the current certificate stays valid and downloadable.
 * - `revoked`: revoked for good.
 *
 * A `published` order whose certificate's validity has ended shows `expired`.
 */
export type SslmarketOrderStatus = "pending_validation" | "processing" | "published" | "reissuing" | "revoked";

/** What the API shows in `state`: the order's status, or `expired` for an issued certificate that has run out. */
export type SslmarketOrderState = SslmarketOrderStatus | "expired";

/** The owner, organisation contact, technical contact and invoice fields of an order, flat as on the wire. */
export type SslmarketContactField =
  | "owner_name"
  | "owner_street"
  | "owner_city"
  | "owner_zip"
  | "owner_country"
  | "owner_tel"
  | "auth_title"
  | "auth_firstname"
  | "auth_lastname"
  | "auth_tel"
  | "auth_email"
  | "tech_title"
  | "tech_firstname"
  | "tech_lastname"
  | "tech_email"
  | "tech_tel"
  | "invoice_name"
  | "invoice_street"
  | "invoice_city"
  | "invoice_zip"
  | "invoice_country"
  | "invoice_email"
  | "invoice_ic"
  | "invoice_dic";

/** A reissue that has been asked for and not finished. */
export interface SslmarketReissue {
  csr: string;
  /** SPKI PEM of the new CSR's key. */
  publicKey: string;
  /** When the CA delivers the new certificate (ISO 8601). */
  dueAt: string;
}

/** One order, as the simulator keeps it (JSON). */
export interface SslmarketOrder {
  orderId: number;
  productCode: string;
  productType: ProductType;
  domain: string;
  /** The SANs besides `domain`, without repeats. */
  dnsNames: string[];
  years: number;
  /** The CSR of the current certificate (or of the order, before issuance); `null` when the product needs none. */
  csr: string | null;
  /** SPKI PEM the certificate is issued for: the CSR's key, or one the sandbox made when there is no CSR. */
  publicKey: string;
  contacts: Partial<Record<SslmarketContactField, string>>;
  /** How the domains are validated; absent for client certificates, which have no DCV. */
  dcvMethod?: DcvMethod;
  /** The value a DNS record or a validation file must hold (`dv_auth_content`). */
  dcvContent: string;
  /** Codes of the DCV e-mails sent, per approver domain (the domain the addresses are at). */
  approvalCodes: Record<string, string[]>;
  status: SslmarketOrderStatus;
  /** When the order was placed (ISO 8601). */
  insertedAt: string;
  /** While `processing`: when the CA delivers the certificate (ISO 8601). */
  issueAt?: string;
  certificate?: IssuedCertificate;
  reissue?: SslmarketReissue;
  /** When the certificate was revoked (ISO 8601). */
  revokedAt?: string;
}

/** What the SSLmarket simulator keeps, as JSON. */
export interface SslmarketState {
  /** The number the next order gets: SSLmarket numbers orders with integers. */
  nextOrderId: number;
  /** The orders, in the order they were placed. */
  orders: SslmarketOrder[];
}

const STATUSES: readonly SslmarketOrderStatus[] = [
  "pending_validation",
  "processing",
  "published",
  "reissuing",
  "revoked",
];

/** Throws a `TypeError` naming what is wrong when `state` is not an {@link SslmarketState}. */
export function checkSslmarketState(state: unknown): asserts state is SslmarketState {
  if (typeof state !== "object" || state === null)
    throw new TypeError("SSLmarket sandbox state must be {nextOrderId, orders: [...]}");
  const { nextOrderId, orders } = state as Partial<Record<keyof SslmarketState, unknown>>;
  if (typeof nextOrderId !== "number" || !Number.isInteger(nextOrderId) || nextOrderId < 1) {
    throw new TypeError("SSLmarket sandbox state: nextOrderId must be an integer ≥ 1");
  }
  if (!Array.isArray(orders)) throw new TypeError("SSLmarket sandbox state: orders must be an array");
  for (const [index, order] of orders.entries()) {
    const candidate = order as Partial<Record<keyof SslmarketOrder, unknown>> | null;
    if (typeof candidate !== "object" || candidate === null)
      throw new TypeError(`SSLmarket sandbox state: orders[${index}] must be an object`);
    if (typeof candidate.orderId !== "number" || !Number.isInteger(candidate.orderId)) {
      throw new TypeError(`SSLmarket sandbox state: orders[${index}].orderId must be an integer`);
    }
    if (!STATUSES.includes(candidate.status as SslmarketOrderStatus)) {
      throw new TypeError(`SSLmarket sandbox state: orders[${index}].status must be one of ${STATUSES.join(", ")}`);
    }
    if (!Array.isArray(candidate.dnsNames))
      throw new TypeError(`SSLmarket sandbox state: orders[${index}].dnsNames must be an array`);
    for (const key of ["contacts", "approvalCodes"] as const) {
      if (typeof candidate[key] !== "object" || candidate[key] === null || Array.isArray(candidate[key])) {
        throw new TypeError(`SSLmarket sandbox state: orders[${index}].${key} must be an object`);
      }
    }
  }
}
