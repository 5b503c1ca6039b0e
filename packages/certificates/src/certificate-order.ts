import type { ProviderName } from "./generated/provider-names.js";

export type { ProviderName };

/**
 * Where an order stands, the same for every provider:
 * - `pending`: accepted, nothing to do yet;
 * - `awaiting_validation`: the customer must prove control of the domain (DNS, file or email);
 * - `processing`: with the CA;
 * - `issued`: the certificate is ready (and not past its end date);
 * - `renewing` / `reissuing`: a renewal or reissue is under way; the current certificate still serves;
 * - `failed`, `cancelled`, `revoked`: ended;
 * - `expired`: issued, but past `validUntil`;
 * - `unknown`: a value the adapter does not know; the provider's own value is in `providerStatus`.
 */
export type CertificateStatus =
  | "pending"
  | "awaiting_validation"
  | "processing"
  | "issued"
  | "renewing"
  | "reissuing"
  | "failed"
  | "cancelled"
  | "revoked"
  | "expired"
  | "unknown";

/** Every {@link CertificateStatus}, in lifecycle order. */
export const CERTIFICATE_STATUSES: readonly CertificateStatus[] = [
  "pending",
  "awaiting_validation",
  "processing",
  "issued",
  "renewing",
  "reissuing",
  "failed",
  "cancelled",
  "revoked",
  "expired",
  "unknown",
];

/** How the customer proves control of a domain. */
export type ValidationMethod = "dns" | "file" | "email";

/** Where one domain's validation stands: `waiting` for the customer, `pending` with the CA, then `valid` or `failed`. */
export type ValidationStatus = "waiting" | "pending" | "valid" | "failed" | "unknown";

/** One domain's validation, and what the customer must do for it. */
export interface DomainValidation {
  domain: string;
  method: ValidationMethod;
  status: ValidationStatus;
  /** For `dns`: the record to publish. */
  dns?: { name: string; type: "TXT" | "CNAME"; value: string };
  /** For `file`: the content to serve at the URL. */
  file?: { url: string; content: string };
  /** For `email`: the addresses the CA mails (or may mail) for approval. */
  email?: { approvers: string[] };
}

/** A certificate order as every provider's adapter shows it. */
export interface CertificateOrder {
  provider: ProviderName;
  /** Opaque: what `get()` and the other operations accept. Carries the parents a provider needs (DNSimple's domain). */
  id: string;
  commonName: string;
  altNames: string[];
  status: CertificateStatus;
  /** The provider's own status value, unchanged. */
  providerStatus: string;
  /** A machine-readable reason for the status, where the provider gives one (e.g. IONOS `DCV_FAILED`). */
  reason?: string;
  /** A human-readable explanation of the status, where there is one. */
  message?: string;
  /** The provider's product, plan or certificate type. */
  product?: string;
  validation: DomainValidation[];
  /** ISO 8601 times, where the provider gives them. */
  validFrom?: string;
  validUntil?: string;
  createdAt?: string;
  updatedAt?: string;
  /** The provider's answer this order was made from, with every field it had. */
  raw: unknown;
}

/** An issued certificate as PEM text: the leaf, its chain in order (leaf's issuer first) and, where known, the root. */
export interface CertificateBundle {
  certificate: string;
  /** Intermediates, from the one that signed the leaf up to the last before the root. */
  chain: string[];
  /** The self-signed root, when the provider sends it. */
  root?: string;
  /** PKCS#8 (or the provider's) PEM private key, where the provider made the key and hands it out. */
  privateKey?: string;
}
