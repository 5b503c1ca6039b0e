import type { IssuedCertificate } from "../../ca/sandbox-ca.js";
import { randomToken } from "../../random-ids.js";

/** ZeroSSL's validation methods, as `POST /certificates/{id}/challenges` takes them. */
export type ZerosslValidationMethod = "EMAIL" | "CNAME_CSR_HASH" | "HTTP_CSR_HASH" | "HTTPS_CSR_HASH";

/** Every validation method ZeroSSL offers. */
export const ZEROSSL_VALIDATION_METHODS: readonly ZerosslValidationMethod[] = [
  "EMAIL",
  "CNAME_CSR_HASH",
  "HTTP_CSR_HASH",
  "HTTPS_CSR_HASH",
];

/** The statuses the simulator keeps; `expired` and `expiring_soon` are derived from the validity when shown. */
export type ZerosslStoredStatus = "draft" | "pending_validation" | "issued" | "cancelled" | "revoked";

/** One certificate as the simulator keeps it (JSON). */
export interface ZerosslCertificateState {
  /** 32 hexadecimal characters, as ZeroSSL's ids. */
  id: string;
  commonName: string;
  /** The other names, in the order they were sent. */
  additionalDomains: string[];
  validityDays: number;
  /** SPKI PEM of the CSR's key. */
  publicKey: string;
  /** The SHA-256 of the CSR (hexadecimal, upper case), from which the CNAME and file values derive. */
  csrHash: string;
  /** What makes this certificate's validation values its own (Sectigo's "unique value"). */
  uniqueValue: string;
  status: ZerosslStoredStatus;
  /** When it was created (ISO 8601). */
  createdAt: string;
  validationType?: ZerosslValidationMethod;
  /** For EMAIL validation: the approval code of each name's e-mail, by name, and the address it went to. */
  approvals?: { name: string; email: string; code: string }[];
  /** When the CA finishes (ISO 8601), once every name is validated. */
  activeAt?: string;
  issued?: IssuedCertificate;
}

/** What the ZeroSSL simulator keeps, as JSON: the certificates in the order they were created. */
export interface ZerosslState {
  certificates: ZerosslCertificateState[];
}

/** What a new certificate is for. */
export interface ZerosslDraft {
  names: string[];
  validityDays: number;
  publicKey: string;
  csrHash: string;
}

/** A new draft certificate. */
export function newZerosslCertificate(draft: ZerosslDraft, now: Date): ZerosslCertificateState {
  const [commonName = "", ...additionalDomains] = draft.names;
  return {
    id: randomToken(),
    commonName,
    additionalDomains,
    validityDays: draft.validityDays,
    publicKey: draft.publicKey,
    csrHash: draft.csrHash,
    uniqueValue: randomToken().slice(0, 10),
    status: "draft",
    createdAt: now.toISOString(),
  };
}

/** The names of a certificate, the common name first. */
export function namesOf(certificate: ZerosslCertificateState): string[] {
  return [certificate.commonName, ...certificate.additionalDomains];
}

/** The domain a name is validated for: a wildcard's base name. */
export const baseName = (name: string) => name.replace(/^\*\./, "").toLowerCase();

/**
 * The CNAME record that proves control of `name`, in the shape ZeroSSL (Sectigo) uses: `_<hash>.<domain>` pointing
 * to `<hash part 1>.<hash part 2>.<unique value>.sectigo.com`. The sandbox derives the hashes from the CSR's SHA-256.
 */
export function cnameFor(certificate: ZerosslCertificateState, name: string): { name: string; target: string } {
  const { csrHash, uniqueValue } = certificate;
  return {
    name: `_${csrHash.slice(0, 32)}.${baseName(name)}`,
    target: `${csrHash.slice(0, 32)}.${csrHash.slice(32, 64)}.${uniqueValue}.sectigo.com`,
  };
}

/** The file that proves control of `name`: its path under the domain and its lines. */
export function fileFor(certificate: ZerosslCertificateState, name: string) {
  const path = `/.well-known/pki-validation/${certificate.csrHash.slice(0, 32)}.txt`;
  return {
    http: `http://${baseName(name)}${path}`,
    https: `https://${baseName(name)}${path}`,
    lines: [certificate.csrHash, "sectigo.com", certificate.uniqueValue],
  };
}

/** The approver addresses ZeroSSL offers for `name`: the usual administrative mailboxes of its domain. */
export function approversFor(name: string): string[] {
  const domain = baseName(name);
  return ["admin", "administrator", "hostmaster", "postmaster", "webmaster"].map((box) => `${box}@${domain}`);
}
