import type { ApiError } from "@certkit/dnsimple-v1";
import { parseCsr, type ParsedCsr } from "../../ca/sandbox-ca.js";
import { decodeRailsForm } from "./dnsimple-v1-rails-form.js";

/** What a purchase asks for, checked. */
export interface PurchaseAttributes {
  /** Lower-case host part: `www`, `*` or `""`. */
  name: string;
  contactId: number;
  /** The customer's CSR, when one was sent. */
  csr?: string;
}

/** Either the checked attributes, or the body of a 400 answer in one of v1's error shapes. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: ApiError };

// One or more DNS labels (e.g. `www`, `mail.eu`), a lone `*` for a wildcard, or nothing for the domain itself.
const HOST_PART = /^(?:\*|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)?$/;
// The CA's floor for RSA keys; EC keys (P-256, P-384) are taken as they are.
const MIN_RSA_BITS = 2048;

/**
 * The request body as v1 read it: form fields (`certificate[name]=…`) when sent form-encoded, else JSON.
 * `undefined` when there is none, or it is neither.
 */
export async function readRequestBody(context: {
  form: () => Promise<URLSearchParams | undefined>;
  json: () => Promise<unknown>;
}): Promise<unknown> {
  const form = await context.form();
  return form ? decodeRailsForm(form) : await context.json();
}

/** The `certificate` object of a body, as Rails' `params.require(:certificate)` found it. */
function certificateOf(body: unknown): Record<string, unknown> | undefined {
  const certificate =
    typeof body === "object" && body !== null ? (body as Record<string, unknown>).certificate : undefined;
  if (typeof certificate !== "object" || certificate === null || Array.isArray(certificate)) return undefined;
  return Object.keys(certificate).length === 0 ? undefined : (certificate as Record<string, unknown>);
}

const MISSING_CERTIFICATE: Checked<never> = {
  ok: false,
  error: { message: "Required parameter missing: certificate" },
};

/** An integer, from JSON or from a form field's text. */
function integerOf(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** Checks a purchase body (`{certificate: {name, contact_id, csr?}}`, JSON or form), field by field. */
export function checkPurchase(body: unknown): Checked<PurchaseAttributes> {
  const certificate = certificateOf(body);
  if (!certificate) return MISSING_CERTIFICATE;
  const errors: Record<string, string[]> = {};
  const { name, contact_id: contactField, csr } = certificate;
  if (name === undefined || name === null) {
    errors.name = ["can't be missing: give www, * for a wildcard, or an empty name for the domain itself"];
  } else if (typeof name !== "string" || !HOST_PART.test(name.trim().toLowerCase())) {
    errors.name = ["must be a host name such as www, * for a wildcard, or empty for the domain itself"];
  }
  const contactId = integerOf(contactField);
  if (isBlank(contactField)) errors.contact_id = ["can't be blank"];
  else if (contactId === undefined) errors.contact_id = ["is not a number"];
  if (csr !== undefined && csr !== null && typeof csr !== "string")
    errors.csr = ["must be a PEM certificate signing request"];
  if (Object.keys(errors).length > 0 || typeof name !== "string" || contactId === undefined)
    return { ok: false, error: { errors } };
  const value: PurchaseAttributes = { name: name.trim().toLowerCase(), contactId };
  if (typeof csr === "string" && csr.trim() !== "") value.csr = csr;
  return { ok: true, value };
}

/** Checks a submit body (`{certificate: {approver_email}}`, JSON or form) and returns the address. */
export function checkSubmit(body: unknown): Checked<string> {
  const certificate = certificateOf(body);
  if (!certificate) return MISSING_CERTIFICATE;
  const { approver_email: approverEmail } = certificate;
  if (typeof approverEmail !== "string" || approverEmail.trim() === "") {
    return { ok: false, error: { errors: { approver_email: ["can't be blank"] } } };
  }
  return { ok: true, value: approverEmail.trim() };
}

/**
 * Checks a customer's CSR as the CA would: it parses with a valid signature, an RSA key has at least 2048 bits,
 * and its common name (or a SAN) is the certificate's full host name, which the v1 documentation asks for.
 */
export async function checkCsr(csr: string, hostName: string): Promise<Checked<ParsedCsr>> {
  const refuse = (problem: string): Checked<never> => ({ ok: false, error: { errors: { csr: [problem] } } });
  const parsed = await parseCsr(csr);
  if ("problem" in parsed) return refuse(parsed.problem);
  if (parsed.key.type === "rsa" && parsed.key.bits < MIN_RSA_BITS) {
    return refuse(`The CSR's RSA key has ${parsed.key.bits} bits; at least ${MIN_RSA_BITS} are required.`);
  }
  if (!parsed.names.some((name) => name.toLowerCase() === hostName))
    return refuse(`The CSR's common name must be ${hostName}.`);
  return { ok: true, value: parsed };
}
