import type { IssuedCertificate } from "../../ca/sandbox-ca.js";

/** The states a v1 certificate goes through: purchased → configured → submitted → issued, or cancelled. */
export type DnsimpleV1CertificateState = "purchased" | "configured" | "submitted" | "issued" | "cancelled";

/** One certificate as the v1 simulator keeps it (JSON: times ISO 8601, keys PEM). */
export interface DnsimpleV1CertificateRecord {
  id: number;
  domainId: number;
  contactId: number;
  /** The host part, lower-case: `www`, `*` for a wildcard, or `""` for the domain itself. */
  name: string;
  state: DnsimpleV1CertificateState;
  /** The customer's CSR, or the one DNSimple made along with the key. */
  csr: string;
  /** SPKI PEM of the CSR's key: what the certificate is issued for. */
  publicKey: string;
  /** PKCS#8 PEM of the key DNSimple made; `null` when the customer sent a CSR. */
  privateKey: string | null;
  /** The addresses configure offered; `null` before configure. */
  approverEmails: string[] | null;
  /** The address chosen at submit; `null` before. */
  approverEmail: string | null;
  /** The code of the approval email sent at submit. */
  approvalCode?: string;
  createdAt: string;
  updatedAt: string;
  configuredAt: string | null;
  /** When the certificate is issued (ISO 8601): the approval time plus the issuance delay. */
  issueAt?: string;
  /** The signed certificate, made when the approval is seen and shown from `issueAt` on. */
  issued?: IssuedCertificate;
}

/** What the DNSimple v1 simulator keeps, as JSON: the next certificate id, and the certificates in purchase order. */
export interface DnsimpleV1State {
  nextId: number;
  certificates: DnsimpleV1CertificateRecord[];
}

const STATES: readonly DnsimpleV1CertificateState[] = ["purchased", "configured", "submitted", "issued", "cancelled"];

function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}

/** The problem with one stored certificate, if any: the fields the simulator relies on. */
function certificateProblem(value: unknown, index: number): string | undefined {
  const where = `DNSimple v1 sandbox state: certificates[${index}]`;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return `${where} must be an object`;
  const record = value as Record<string, unknown>;
  for (const key of ["id", "domainId", "contactId"]) {
    if (!isPositiveInteger(record[key])) return `${where}.${key} must be a positive integer`;
  }
  for (const key of ["name", "csr", "publicKey", "createdAt", "updatedAt"]) {
    if (typeof record[key] !== "string") return `${where}.${key} must be a string`;
  }
  if (!STATES.includes(record.state as DnsimpleV1CertificateState))
    return `${where}.state must be one of ${STATES.join(", ")}`;
  if (
    record.approverEmails !== null &&
    !(Array.isArray(record.approverEmails) && record.approverEmails.every((email) => typeof email === "string"))
  ) {
    return `${where}.approverEmails must be an array of strings or null`;
  }
  return undefined;
}

/** Throws a `TypeError` naming what is wrong when `state` does not have the shape of a {@link DnsimpleV1State}. */
export function checkDnsimpleV1State(state: unknown): asserts state is DnsimpleV1State {
  if (typeof state !== "object" || state === null || Array.isArray(state)) {
    throw new TypeError("DNSimple v1 sandbox state must be {nextId, certificates: [...]}");
  }
  const { nextId, certificates } = state as Record<string, unknown>;
  if (!Array.isArray(certificates)) throw new TypeError("DNSimple v1 sandbox state: certificates must be an array");
  if (!isPositiveInteger(nextId)) throw new TypeError("DNSimple v1 sandbox state: nextId must be a positive integer");
  certificates.forEach((certificate, index) => {
    const problem = certificateProblem(certificate, index);
    if (problem) throw new TypeError(problem);
  });
  const ids = certificates.map((certificate) => (certificate as DnsimpleV1CertificateRecord).id);
  if (new Set(ids).size !== ids.length)
    throw new TypeError("DNSimple v1 sandbox state: certificate ids must be unique");
  if (ids.some((id) => id >= nextId))
    throw new TypeError("DNSimple v1 sandbox state: nextId must be above every certificate id");
}
