import type { IssuedCertificate } from "../../ca/sandbox-ca.js";

/** The key types a Let's Encrypt purchase may ask for. */
export type DnsimpleSignatureAlgorithm = "ECDSA" | "RSA";

/** The certificate states the simulator moves through (a subset of DNSimple's documented ones). */
export type DnsimpleCertificateState = "new" | "requesting" | "issued" | "failed" | "cancelled";

/** The documented renewal states. */
export type DnsimpleRenewalState = "new" | "renewing" | "renewed" | "failed" | "cancelled";

/** A TXT record DNSimple published in its own zone to answer Let's Encrypt's DNS-01 challenge. */
export interface DnsimpleAcmeChallenge {
  /** `_acme-challenge.<name>`, the wildcard's `*.` stripped. */
  name: string;
  value: string;
}

/** One certificate as the simulator keeps it (JSON). A purchase is its certificate: they share one id. */
export interface DnsimpleCertificateRecord {
  id: number;
  domainId: number;
  /** The host part: `www`, `*` for a wildcard, `""` for the apex. */
  name: string;
  commonName: string;
  alternateNames: string[];
  autoRenew: boolean;
  signatureAlgorithm: DnsimpleSignatureAlgorithm;
  contactId: number | null;
  state: DnsimpleCertificateState;
  createdAt: string;
  updatedAt: string;
  /** The renewal that made this certificate; such a certificate is issued through the renewal, not as a purchase. */
  renewalId?: number;
  /** When Let's Encrypt answers (ISO 8601), once issuance was requested. */
  dueAt?: string;
  /** The challenge records published at the issue request. */
  challenges: DnsimpleAcmeChallenge[];
  /** The CSR DNSimple made with the key it generated, once issued. */
  csr?: string;
  /** PKCS#8 PEM of the key DNSimple generated, once issued. */
  privateKey?: string;
  issued?: IssuedCertificate;
}

/** A renewal order (JSON). */
export interface DnsimpleRenewalRecord {
  id: number;
  oldCertificateId: number;
  newCertificateId: number;
  state: DnsimpleRenewalState;
  autoRenew: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A registered webhook endpoint (JSON). Events are not delivered. */
export interface DnsimpleWebhookRecord {
  id: number;
  url: string;
}

/** What the DNSimple simulator keeps, as JSON: the account's certificates, renewals and webhooks, and the next ids. */
export interface DnsimpleState {
  certificates: DnsimpleCertificateRecord[];
  renewals: DnsimpleRenewalRecord[];
  webhooks: DnsimpleWebhookRecord[];
  nextIds: { certificate: number; renewal: number; webhook: number };
}

/** The state of an account that has never been used. */
export function emptyDnsimpleState(): DnsimpleState {
  return {
    certificates: [],
    renewals: [],
    webhooks: [],
    nextIds: { certificate: 100001, renewal: 50001, webhook: 8001 },
  };
}

const TOP_LEVEL_KEYS = ["certificates", "renewals", "webhooks", "nextIds"] as const;
const COLLECTIONS = ["certificates", "renewals", "webhooks"] as const;
const ID_COUNTERS = ["certificate", "renewal", "webhook"] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks that `state` has the shape of a {@link DnsimpleState}: its four keys, arrays of objects with integer ids,
 * certificates with their collections, and integer id counters.
 *
 * @throws TypeError naming the first problem found.
 */
export function checkDnsimpleState(state: unknown): asserts state is DnsimpleState {
  const problem = (what: string) => new TypeError(`DNSimple sandbox state: ${what}`);
  if (!isObject(state)) throw problem("must be an object {certificates, renewals, webhooks, nextIds}");
  for (const key of Object.keys(state)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) throw problem(`unknown key "${key}"`);
  }
  for (const key of COLLECTIONS) {
    const collection = state[key];
    if (!Array.isArray(collection)) throw problem(`"${key}" must be an array`);
    collection.forEach((item: unknown, index) => {
      if (!isObject(item) || !Number.isInteger(item.id))
        throw problem(`"${key}[${index}]" must be an object with an integer id`);
    });
  }
  (state.certificates as Record<string, unknown>[]).forEach((certificate, index) => {
    const valid =
      Number.isInteger(certificate.domainId) &&
      typeof certificate.state === "string" &&
      typeof certificate.commonName === "string" &&
      Array.isArray(certificate.alternateNames) &&
      Array.isArray(certificate.challenges);
    if (!valid)
      throw problem(`"certificates[${index}]" needs domainId, state, commonName, alternateNames[] and challenges[]`);
  });
  const { nextIds } = state;
  if (!isObject(nextIds) || !ID_COUNTERS.every((counter) => Number.isInteger(nextIds[counter]))) {
    throw problem(`"nextIds" must be {certificate, renewal, webhook} integers`);
  }
  // A new object takes the counter's id: one already there would be answered for two objects.
  COLLECTIONS.forEach((key, at) => {
    const ids = (state[key] as { id: number }[]).map((item) => item.id);
    const counter = ID_COUNTERS[at]!;
    if (new Set(ids).size !== ids.length) throw problem(`"${key}" ids must be unique`);
    if (ids.some((id) => id >= (nextIds[counter] as number)))
      throw problem(`"nextIds.${counter}" must be above every id of "${key}"`);
  });
}
