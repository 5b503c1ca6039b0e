import type { CertificateSort } from "@certkit/dnsimple";
import type { DnsimpleCertificateRecord, DnsimpleSignatureAlgorithm } from "./dnsimple-state.js";

/** Messages per field, as DNSimple's `400` carries them in `errors`. */
export type FieldErrors = Record<string, string[]>;

/** A request read as the API would, or the reasons it refuses it. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const MAX_PER_PAGE = 100;
const DEFAULT_PER_PAGE = 30;
const SIGNATURE_ALGORITHMS: readonly DnsimpleSignatureAlgorithm[] = ["ECDSA", "RSA"];
const SORTS: readonly CertificateSort[] = [
  "id:asc",
  "id:desc",
  "common_name:asc",
  "common_name:desc",
  "expiration:asc",
  "expiration:desc",
];
const HOST = /^(\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/i;

function checked<T>(errors: FieldErrors, value: T): Checked<T> {
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

function readCount(raw: string | null, fallback: number): number | undefined {
  if (raw === null) return fallback;
  return /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : undefined;
}

/** `page` and `per_page`: positive integers; `per_page` above 100 is cut to 100, as the documented maximum. */
export function readPage(query: URLSearchParams): Checked<{ page: number; perPage: number }> {
  const errors: FieldErrors = {};
  const page = readCount(query.get("page"), 1);
  const perPage = readCount(query.get("per_page"), DEFAULT_PER_PAGE);
  if (page === undefined) errors.page = ["must be an integer greater than 0"];
  if (perPage === undefined) errors.per_page = ["must be an integer greater than 0"];
  return checked(errors, { page: page ?? 1, perPage: Math.min(perPage ?? DEFAULT_PER_PAGE, MAX_PER_PAGE) });
}

/** `sort`: one of the documented orders. Without it, newest first, as the recorded list came. */
export function readSort(query: URLSearchParams): Checked<CertificateSort> {
  const sort = query.get("sort") ?? "id:desc";
  return (SORTS as readonly string[]).includes(sort)
    ? { ok: true, value: sort as CertificateSort }
    : { ok: false, errors: { sort: [`must be one of ${SORTS.join(", ")}`] } };
}

/** Certificates in `sort` order; not yet issued ones (no expiry) come last when sorting by expiration. */
export function sortCertificates(
  records: readonly DnsimpleCertificateRecord[],
  sort: CertificateSort,
): DnsimpleCertificateRecord[] {
  const [field, direction] = sort.split(":") as [string, "asc" | "desc"];
  const sign = direction === "asc" ? 1 : -1;
  const expiry = (record: DnsimpleCertificateRecord) =>
    record.state === "issued" && record.issued ? Date.parse(record.issued.validUntil) : undefined;
  return [...records].sort((a, b) => {
    if (field === "common_name") return sign * a.commonName.localeCompare(b.commonName) || a.id - b.id;
    if (field === "expiration") {
      const [x, y] = [expiry(a), expiry(b)];
      if (x === undefined || y === undefined)
        return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0) || a.id - b.id;
      return sign * (x - y) || a.id - b.id;
    }
    return sign * (a.id - b.id);
  });
}

/** What a Let's Encrypt purchase asks for, its defaults applied. */
export interface PurchaseRequest {
  name: string;
  commonName: string;
  alternateNames: string[];
  autoRenew: boolean;
  signatureAlgorithm: DnsimpleSignatureAlgorithm;
  contactId: number | null;
}

function inDomain(name: string, domain: string): boolean {
  const host = name.toLowerCase().replace(/^\*\./, "");
  return host === domain || host.endsWith(`.${domain}`);
}

function readOptions(
  body: Record<string, unknown>,
  errors: FieldErrors,
): { autoRenew?: boolean; signatureAlgorithm?: DnsimpleSignatureAlgorithm } {
  const { auto_renew: autoRenew, signature_algorithm: signatureAlgorithm } = body;
  if (autoRenew !== undefined && typeof autoRenew !== "boolean") errors.auto_renew = ["must be true or false"];
  if (
    signatureAlgorithm !== undefined &&
    !SIGNATURE_ALGORITHMS.includes(signatureAlgorithm as DnsimpleSignatureAlgorithm)
  ) {
    errors.signature_algorithm = [`must be one of ${SIGNATURE_ALGORITHMS.join(", ")}`];
  }
  return {
    ...(typeof autoRenew === "boolean" ? { autoRenew } : {}),
    ...(SIGNATURE_ALGORITHMS.includes(signatureAlgorithm as DnsimpleSignatureAlgorithm)
      ? { signatureAlgorithm: signatureAlgorithm as DnsimpleSignatureAlgorithm }
      : {}),
  };
}

function asObject(body: unknown): Record<string, unknown> | undefined {
  if (body === undefined) return {};
  return typeof body === "object" && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

/**
 * Reads a purchase body for `domain`: `name` (default `www`, `*` = wildcard, `""` = the apex), `alternate_names`
 * (names in the same domain), `auto_renew` (default `false`), `signature_algorithm` (default `ECDSA`).
 */
export function readPurchase(body: unknown, domain: string): Checked<PurchaseRequest> {
  const fields = asObject(body);
  if (!fields) return { ok: false, errors: { base: ["the body must be a JSON object"] } };
  const errors: FieldErrors = {};
  const { name = "www", alternate_names: alternateNames = [], contact_id: contactId } = fields;
  if (typeof name !== "string" || (name !== "" && !HOST.test(name))) errors.name = ["is invalid"];
  const host = typeof name === "string" ? name.toLowerCase() : "";
  const commonName = host === "" ? domain : `${host}.${domain}`;
  let sans: string[] = [];
  if (!Array.isArray(alternateNames) || !alternateNames.every((san): san is string => typeof san === "string")) {
    errors.alternate_names = ["must be a list of names"];
  } else {
    sans = [...new Set(alternateNames.map((san) => san.trim().toLowerCase()))].filter((san) => san !== commonName);
    const outside = sans.filter((san) => !HOST.test(san.replace(/^\*\./, "")) || !inDomain(san, domain));
    if (outside.length > 0) errors.alternate_names = outside.map((san) => `${san} is not a name in ${domain}`);
  }
  if (contactId !== undefined && !Number.isInteger(contactId)) errors.contact_id = ["must be an integer"];
  const options = readOptions(fields, errors);
  return checked(errors, {
    name: host,
    commonName,
    alternateNames: sans,
    autoRenew: options.autoRenew ?? false,
    signatureAlgorithm: options.signatureAlgorithm ?? "ECDSA",
    contactId: Number.isInteger(contactId) ? (contactId as number) : null,
  });
}

/** Reads a renewal body: `auto_renew` and `signature_algorithm`, both optional (the old certificate's are kept). */
export function readRenewal(
  body: unknown,
): Checked<{ autoRenew?: boolean; signatureAlgorithm?: DnsimpleSignatureAlgorithm }> {
  const fields = asObject(body);
  if (!fields) return { ok: false, errors: { base: ["the body must be a JSON object"] } };
  const errors: FieldErrors = {};
  const options = readOptions(fields, errors);
  return checked(errors, options);
}

/** Reads a webhook body: `url` is required and must be an absolute HTTPS URL. */
export function readWebhook(body: unknown): Checked<string> {
  const url = asObject(body)?.url;
  if (typeof url !== "string" || url.trim() === "") return { ok: false, errors: { url: ["can't be blank"] } };
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, errors: { url: ["is not a valid URL"] } };
  }
  return parsed.protocol === "https:"
    ? { ok: true, value: url.trim() }
    : { ok: false, errors: { url: ["must be an HTTPS URL"] } };
}
