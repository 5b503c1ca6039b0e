import type { DomainValidation, ValidationMethod, ValidationStatus } from "../../certificate-order.js";

/**
 * Reading Resello's validation details into {@link DomainValidation}s. Resello documents none of their fields, only
 * that they show "the validation steps done and still to take", so this reads them tolerantly: a `domains` list
 * whose entries name the domain, the method (`dcv_type`), a status, and what proves it (`dns_record`
 * `{type, name, value}`, `file` `{url, content}`, `email` `{to}`, `approver_email_addresses`). That is the shape
 * the certkit sandbox answers with; any field may be missing, and what cannot be read is left out or `unknown`.
 */

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.flatMap((item) => text(item) ?? []) : []);

/** Resello's `dcv_type` (`DNS`, `FILE`, `EMAIL`) as a {@link ValidationMethod}, or `undefined` for anything else. */
export function validationMethodOf(dcvType: unknown): ValidationMethod | undefined {
  const value = text(dcvType)?.toUpperCase();
  return value === "DNS" ? "dns" : value === "FILE" ? "file" : value === "EMAIL" ? "email" : undefined;
}

/** A {@link ValidationMethod} as Resello's `dcv_type`. */
export function dcvTypeOf(method: ValidationMethod): "DNS" | "FILE" | "EMAIL" {
  return method === "dns" ? "DNS" : method === "file" ? "FILE" : "EMAIL";
}

/**
 * One name's validation status: `pending` (not proven yet: the customer publishes the record or file, or the
 * approver approves the email, and `validate` has Resello check) is `waiting`; `validated` is `valid`. These are
 * the sandbox's values (Resello documents none); any other is `unknown`.
 */
const DOMAIN_STATUSES: Readonly<Record<string, ValidationStatus>> = Object.freeze({
  pending: "waiting",
  validated: "valid",
});

function domainStatusOf(raw: unknown): ValidationStatus {
  const value = text(raw)?.toLowerCase();
  return value !== undefined && Object.hasOwn(DOMAIN_STATUSES, value) ? DOMAIN_STATUSES[value]! : "unknown";
}

/** The first `{type: "TXT" | "CNAME", name, value}` object in `value`, at any depth (bounded). */
function dnsRecordIn(value: unknown, depth = 0): DomainValidation["dns"] {
  if (depth > 4) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = dnsRecordIn(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const type = text(value.type)?.toUpperCase();
  const name = text(value.name);
  const content = text(value.value);
  if ((type === "TXT" || type === "CNAME") && name !== undefined && content !== undefined)
    return { name, type, value: content };
  for (const child of Object.values(value)) {
    const found = dnsRecordIn(child, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** One entry of the details' `domains` list, or `undefined` when it names no domain. */
function domainValidationOf(
  entry: unknown,
  fallbackMethod: ValidationMethod | undefined,
): DomainValidation | undefined {
  if (!isRecord(entry)) return undefined;
  const domain = text(entry.domain) ?? text(entry.name);
  if (domain === undefined) return undefined;
  const dns = dnsRecordIn(entry.dns_record ?? entry.dns);
  const file =
    isRecord(entry.file) && text(entry.file.url) !== undefined && typeof entry.file.content === "string"
      ? { url: text(entry.file.url)!, content: entry.file.content }
      : undefined;
  const sentTo = isRecord(entry.email) ? text(entry.email.to) : undefined;
  const approvers = sentTo !== undefined ? [sentTo] : texts(entry.approver_email_addresses);
  const method =
    validationMethodOf(entry.dcv_type) ??
    fallbackMethod ??
    (dns ? "dns" : file ? "file" : sentTo !== undefined ? "email" : undefined);
  if (method === undefined) return undefined;
  return {
    domain,
    method,
    status: domainStatusOf(entry.status),
    ...(method === "dns" && dns ? { dns } : {}),
    ...(method === "file" && file ? { file } : {}),
    ...(method === "email" && approvers.length > 0 ? { email: { approvers } } : {}),
  };
}

/**
 * The validations in Resello's validation details (already unwrapped from the envelope): one per entry of its
 * `domains` list that names a domain. Empty when the details hold no such list.
 *
 * @param fallbackMethod - the certificate's `dcv_type`, for entries that do not give their own.
 */
export function reselloValidationView(details: unknown, fallbackMethod?: ValidationMethod): DomainValidation[] {
  const list = isRecord(details) ? details.domains : Array.isArray(details) ? details : undefined;
  if (!Array.isArray(list)) return [];
  const method = (isRecord(details) ? validationMethodOf(details.dcv_type) : undefined) ?? fallbackMethod;
  return list.flatMap((entry) => domainValidationOf(entry, method) ?? []);
}

/**
 * The validations of a certificate whose details could not be read: one per name, by the certificate's method, with
 * status `unknown` and no instructions (call `validation()`, or look at the order's `raw`).
 */
export function fallbackValidationView(names: readonly string[], method: ValidationMethod): DomainValidation[] {
  return names.map((domain) => ({ domain, method, status: "unknown" }));
}
