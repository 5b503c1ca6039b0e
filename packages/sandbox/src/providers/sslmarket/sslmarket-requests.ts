import type { CreateOrderRequest, DcvMethod, ProductType, UpdateOrderRequest } from "@certkit/sslmarket";
import { parseCsr } from "../../ca/sandbox-ca.js";
import { clientError, type SslmarketErrorReply } from "./sslmarket-errors.js";
import { isWildcardProduct, type SslmarketProductSettings } from "./sslmarket-products.js";
import type { SslmarketContactField } from "./sslmarket-state.js";

const REQUIRED_CONTACT_FIELDS: readonly SslmarketContactField[] = [
  "owner_name",
  "owner_street",
  "owner_city",
  "owner_zip",
  "owner_country",
  "owner_tel",
  "auth_title",
  "auth_firstname",
  "auth_lastname",
  "auth_tel",
  "auth_email",
  "tech_title",
  "tech_firstname",
  "tech_lastname",
  "tech_email",
  "tech_tel",
  "invoice_name",
  "invoice_street",
  "invoice_city",
  "invoice_zip",
  "invoice_country",
  "invoice_email",
];
/** Every contact field an order may carry. */
export const SSLMARKET_CONTACT_FIELDS: readonly SslmarketContactField[] = [
  ...REQUIRED_CONTACT_FIELDS,
  "invoice_ic",
  "invoice_dic",
];
const DCV_METHODS: readonly DcvMethod[] = ["Email", "FILE", "DNS"];
// DigiCert, whose CAs SSLmarket resells, signs RSA keys of 2048 bits or more and ECDSA keys on these curves.
const MIN_RSA_BITS = 2048;
const EC_CURVES = ["P-256", "P-384"];
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const COUNTRY = /^[A-Za-z]{2}$/;

type FieldErrors = Record<string, string[]>;

/** A CSR the CA accepts, with its key. */
export interface AcceptedCsr {
  csr: string;
  /** SPKI PEM. */
  publicKey: string;
}

/** What a valid `createOrder` body asks for. */
export interface OrderRequest {
  domain: string;
  dnsNames: string[];
  years: number;
  csr?: AcceptedCsr;
  /** Absent for client certificates, which have no DCV. */
  dcvMethod?: DcvMethod;
  contacts: Partial<Record<SslmarketContactField, string>>;
}

/** What a valid `updateOrder` body changes; what it leaves out stays. */
export interface OrderChanges {
  csr?: AcceptedCsr;
  dcvMethod?: DcvMethod;
  contacts: Partial<Record<SslmarketContactField, string>>;
}

function invalid(fieldErrors: FieldErrors): SslmarketErrorReply {
  const problems = Object.entries(fieldErrors).map(([field, messages]) => `${field} ${messages.join(", ")}`);
  return clientError(400, "validation_error", `The request is not valid: ${problems.join("; ")}.`, fieldErrors);
}

function addError(errors: FieldErrors, field: string, message: string): void {
  errors[field] = [...(errors[field] ?? []), message];
}

/** Checks a CSR as the CA would: it parses, its signature holds, and its key is one the CA signs. */
export async function readCsr(value: unknown): Promise<AcceptedCsr | SslmarketErrorReply> {
  if (typeof value !== "string" || value.trim() === "") return invalid({ csr: ["is required"] });
  const parsed = await parseCsr(value);
  if ("problem" in parsed) return clientError(400, "invalid_csr", parsed.problem, { csr: [parsed.problem] });
  const { key } = parsed;
  const problem =
    key.type === "rsa"
      ? key.bits < MIN_RSA_BITS
        ? `The CSR's RSA key has ${key.bits} bits; at least ${MIN_RSA_BITS} are required.`
        : undefined
      : EC_CURVES.includes(key.curve)
        ? undefined
        : `The CSR's EC key is on ${key.curve}; only ${EC_CURVES.join(" and ")} are accepted.`;
  if (problem) return clientError(400, "invalid_csr", problem, { csr: [problem] });
  return { csr: value, publicKey: parsed.publicKey };
}

function readContacts(
  body: Record<string, unknown>,
  requireAll: boolean,
  errors: FieldErrors,
): Partial<Record<SslmarketContactField, string>> {
  const contacts: Partial<Record<SslmarketContactField, string>> = {};
  for (const field of SSLMARKET_CONTACT_FIELDS) {
    const value = body[field];
    if (value === undefined) {
      if (requireAll && REQUIRED_CONTACT_FIELDS.includes(field)) addError(errors, field, "is required");
      continue;
    }
    if (typeof value !== "string" || value.trim() === "") addError(errors, field, "must be a non-empty string");
    else if (field.endsWith("_country") && !COUNTRY.test(value))
      addError(errors, field, "must be a two-letter country code");
    else if (field.endsWith("_email") && !EMAIL.test(value)) addError(errors, field, "must be an e-mail address");
    else contacts[field] = value.trim();
  }
  return contacts;
}

function readDcvMethod(value: unknown, errors: FieldErrors): DcvMethod | undefined {
  if (value === undefined) return undefined;
  if (DCV_METHODS.includes(value as DcvMethod)) return value as DcvMethod;
  addError(errors, "dv_auth_method", `must be one of ${DCV_METHODS.join(", ")}`);
  return undefined;
}

/** File validation cannot prove control of a wildcard's subdomains (CA/Browser Forum rules). */
function checkWildcardFile(domain: string, dcvMethod: DcvMethod | undefined, errors: FieldErrors): void {
  if (dcvMethod === "FILE" && domain.startsWith("*."))
    addError(errors, "dv_auth_method", "FILE cannot validate a wildcard name; use DNS or Email");
}

function checkName(name: string, field: string, product: SslmarketProductSettings, errors: FieldErrors): void {
  const wildcard = name.startsWith("*.");
  if (!HOST_NAME.test(wildcard ? name.slice(2) : name)) addError(errors, field, `${name} is not a domain name`);
  else if (wildcard && !isWildcardProduct(product))
    addError(errors, field, `${product.title} does not cover a wildcard name (${name})`);
}

function readNames(
  body: Partial<CreateOrderRequest>,
  product: SslmarketProductSettings,
  errors: FieldErrors,
): { domain: string; dnsNames: string[] } {
  const { domain, dns_names: dnsNames = [] } = body;
  const serverCertificate = product.product_type === "ssl_certificate";
  if (typeof domain !== "string" || domain.trim() === "") {
    addError(errors, "domain", "is required");
  } else if (serverCertificate) {
    checkName(domain, "domain", product, errors);
    if (isWildcardProduct(product) && !domain.startsWith("*."))
      addError(errors, "domain", `${product.title} needs a wildcard name (*.${domain})`);
  }
  if (!Array.isArray(dnsNames) || dnsNames.some((name) => typeof name !== "string")) {
    addError(errors, "dns_names", "must be a list of domain names");
    return { domain: String(domain ?? ""), dnsNames: [] };
  }
  if (serverCertificate) for (const name of dnsNames) checkName(name, "dns_names", product, errors);
  const commonName = String(domain ?? "")
    .trim()
    .toLowerCase();
  const sans = [...new Set(dnsNames.map((name) => name.trim().toLowerCase()))].filter((name) => name !== commonName);
  const [min, max] = [Number(product.min_san_values), Number(product.max_san_values)];
  if (sans.length > max)
    addError(errors, "dns_names", `${product.title} takes at most ${max} SANs; ${sans.length} were given`);
  if (sans.length < min)
    addError(errors, "dns_names", `${product.title} needs at least ${min} SANs; ${sans.length} were given`);
  return { domain: commonName, dnsNames: sans };
}

function readYears(value: unknown, product: SslmarketProductSettings, errors: FieldErrors): number {
  const maxYears = Number(product.max_years);
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > maxYears) {
    addError(errors, "years", `must be a whole number of years from 1 to ${maxYears}`);
  }
  return Number(value);
}

function isObject(body: unknown): body is Record<string, unknown> {
  return typeof body === "object" && body !== null && !Array.isArray(body);
}

/**
 * Reads a `createOrder` body for `product` as SSLmarket would check it, or the 400 answer. A DCV method sent for
 * a client certificate is ignored, as client certificates have no DCV.
 */
export async function readOrderRequest(
  body: Partial<CreateOrderRequest> | undefined,
  product: SslmarketProductSettings,
): Promise<OrderRequest | SslmarketErrorReply> {
  if (!isObject(body)) return invalid({ body: ["must be a JSON object"] });
  const errors: FieldErrors = {};
  const { domain, dnsNames } = readNames(body, product, errors);
  const years = readYears(body.years, product, errors);
  const serverCertificate = product.product_type === "ssl_certificate";
  const dcvMethod = serverCertificate ? (readDcvMethod(body.dv_auth_method, errors) ?? "Email") : undefined;
  checkWildcardFile(domain, dcvMethod, errors);
  const contacts = readContacts(body, true, errors);
  if (body.csr === undefined && product.csr_required === "true")
    addError(errors, "csr", `is required for ${product.title}`);
  if (Object.keys(errors).length > 0) return invalid(errors);
  const request: OrderRequest = { domain, dnsNames, years, contacts, ...(dcvMethod ? { dcvMethod } : {}) };
  if (body.csr === undefined) return request;
  const csr = await readCsr(body.csr);
  return "status" in csr ? csr : { ...request, csr };
}

/**
 * Reads an `updateOrder` body for an order of a product of `productType` on `domain`, or the 400 answer. A DCV
 * method sent for a client certificate is ignored, as client certificates have no DCV.
 */
export async function readOrderChanges(
  body: Partial<UpdateOrderRequest> | undefined,
  productType: ProductType,
  domain: string,
): Promise<OrderChanges | SslmarketErrorReply> {
  if (!isObject(body)) return invalid({ body: ["must be a JSON object"] });
  const errors: FieldErrors = {};
  const dcvMethod = productType === "ssl_certificate" ? readDcvMethod(body.dv_auth_method, errors) : undefined;
  checkWildcardFile(domain, dcvMethod, errors);
  const contacts = readContacts(body, false, errors);
  if (Object.keys(errors).length > 0) return invalid(errors);
  const changes: OrderChanges = { contacts, ...(dcvMethod ? { dcvMethod } : {}) };
  if (body.csr === undefined) return changes;
  const csr = await readCsr(body.csr);
  return "status" in csr ? csr : { ...changes, csr };
}
