import type { ReselloDcvType as DcvType } from "./resello-spec-types.js";
import type { IssuedCertificate } from "../../ca/sandbox-ca.js";

/**
 * The statuses the simulator gives a certificate: Resello's documented `pending` (an order or a renewal being
 * validated and provisioned) and `active`, and `disabled` after a delete (the seed says a delete "disables" the
 * certificate; the status value Resello then shows is not documented).
 */
export type ReselloCertificateStatus = "pending" | "active" | "disabled";

/** The domain control validation of one name of a certificate (JSON). */
export interface ReselloDomainValidation {
  /** The name as the CSR gives it (`*.example.com` for a wildcard). */
  name: string;
  /** The domain whose control is proven: the name without `*.`. */
  domain: string;
  dcvType: DcvType;
  status: "pending" | "validated";
  /** The TXT record that proves control by DNS. */
  dns: { name: string; value: string };
  /** The file that proves control over HTTP. */
  file: { url: string; content: string };
  /** The approval email last sent, for EMAIL validation. */
  email?: { to: string; code: string; sentAt: string };
  validatedAt?: string;
}

/** The organisation and approver fields of an order, as given on create, renew or reissue. */
export type ReselloOrganization = Partial<
  Record<
    | "chamber_of_commerce"
    | "company_name"
    | "department"
    | "address"
    | "zip_code"
    | "city"
    | "approver_first_name"
    | "approver_last_name"
    | "approver_phone_number"
    | "ee_reference_order_id",
    string
  >
>;

/** One certificate as the simulator keeps it (JSON: times ISO 8601, keys and certificates PEM). */
export interface ReselloOrder {
  id: string;
  /** The plan's UUID. */
  plan: string;
  clientReference: string | null;
  status: ReselloCertificateStatus;
  /** The method asked for on create or renew, or last switched to by `validate`. */
  dcvType: DcvType;
  approverEmailAddress: string | null;
  commonName: string;
  /** The CSR of the certificate, as sent (PEM). */
  csr: string;
  /** SPKI PEM of the CSR's key. */
  publicKey: string;
  organization: ReselloOrganization;
  domains: ReselloDomainValidation[];
  createdAt: string;
  /** When the current term's provisioning finishes (or finished), once every domain is validated. */
  activeAt?: string;
  /** The certificate in force: signed when validation passed, shown from `activeAt` on. */
  issued?: IssuedCertificate;
  disabledAt?: string;
  /** Renewals asked for so far. */
  renewals: number;
}

/** An access token the simulated token endpoint gave out, with the refresh token that comes with it. */
export interface ReselloToken {
  clientId: string;
  accessToken: string;
  /** Sandbox time (ISO 8601) after which the access token is refused. */
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
}

/** What the Resello simulator keeps, as JSON: certificates in the order they were created, and tokens given out. */
export interface ReselloState {
  orders: ReselloOrder[];
  tokens: ReselloToken[];
}

/** Throws a `TypeError` naming the problem when `state` does not have the shape of a {@link ReselloState}. */
export function checkReselloState(state: unknown): asserts state is ReselloState {
  if (typeof state !== "object" || state === null || Array.isArray(state)) {
    throw new TypeError("Resello sandbox state must be {orders: [...], tokens: [...]}");
  }
  const { orders, tokens } = state as Record<string, unknown>;
  if (!Array.isArray(orders)) throw new TypeError('Resello sandbox state: "orders" must be an array');
  if (!Array.isArray(tokens)) throw new TypeError('Resello sandbox state: "tokens" must be an array');
  for (const [index, order] of orders.entries()) {
    const fields = order as Record<string, unknown> | null;
    if (typeof fields !== "object" || fields === null)
      throw new TypeError(`Resello sandbox state: orders[${index}] must be an object`);
    for (const key of ["id", "plan", "status", "dcvType", "commonName", "csr", "publicKey", "createdAt"]) {
      if (typeof fields[key] !== "string")
        throw new TypeError(`Resello sandbox state: orders[${index}].${key} must be a string`);
    }
    if (!Array.isArray(fields.domains))
      throw new TypeError(`Resello sandbox state: orders[${index}].domains must be an array`);
    if (typeof fields.organization !== "object" || fields.organization === null) {
      throw new TypeError(`Resello sandbox state: orders[${index}].organization must be an object`);
    }
  }
  for (const [index, token] of tokens.entries()) {
    const fields = token as Record<string, unknown> | null;
    if (typeof fields?.accessToken !== "string" || typeof fields.expiresAt !== "string") {
      throw new TypeError(`Resello sandbox state: tokens[${index}] must be {accessToken, expiresAt, ...}`);
    }
  }
}
