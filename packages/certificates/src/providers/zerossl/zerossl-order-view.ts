import type { Certificate } from "@certkit/zerossl";
import { CertkitError } from "@certkit/runtime";
import type { CertificateOrder, DomainValidation, ValidationMethod } from "../../certificate-order.js";
import { mapZerosslStatus, mapZerosslValidationStatus } from "./map-zerossl-status.js";

/** ZeroSSL's `validation_method` for each certkit method. */
export const ZEROSSL_METHODS: Readonly<Record<ValidationMethod, "CNAME_CSR_HASH" | "HTTP_CSR_HASH" | "EMAIL">> = {
  dns: "CNAME_CSR_HASH",
  file: "HTTP_CSR_HASH",
  email: "EMAIL",
};

/** The certkit method of ZeroSSL's `validation_type`, if certkit knows it. */
function methodOf(type: unknown): ValidationMethod | undefined {
  if (type === "CNAME_CSR_HASH") return "dns";
  if (type === "HTTP_CSR_HASH" || type === "HTTPS_CSR_HASH") return "file";
  return type === "EMAIL" ? "email" : undefined;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** ZeroSSL's `YYYY-MM-DD HH:MM:SS` (UTC) as ISO 8601; anything else is left out. */
function isoTime(value: unknown): string | undefined {
  const match = typeof value === "string" ? /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(value) : null;
  return match ? `${match[1]}T${match[2]}Z` : undefined;
}

/** The certificate's names: the common name, then `additional_domains` (comma-separated), each once. */
function namesOf(certificate: Certificate): { commonName: string; altNames: string[] } {
  const commonName = text(certificate.common_name) ?? "";
  const others = typeof certificate.additional_domains === "string" ? certificate.additional_domains.split(",") : [];
  const altNames = [...new Set(others.map((name) => name.trim()).filter((name) => name !== "" && name !== commonName))];
  return { commonName, altNames };
}

/**
 * What the customer must do for each name of a ZeroSSL certificate. Once a validation was started, ZeroSSL names its
 * method (`validation_type`) and only that method is shown (for e-mail, the approver addresses of
 * `email_validation`). Before (a `draft`), the two methods the customer completes alone are shown, one entry each:
 * the CNAME record (`cname_validation_p1` → `cname_validation_p2`) and the file (`file_validation_content` lines at
 * `file_validation_url_http`); e-mail is chosen when ordering, since choosing it sends the e-mails.
 */
export function zerosslValidation(certificate: Certificate): DomainValidation[] {
  const chosen = methodOf(certificate.validation_type);
  const status = mapZerosslValidationStatus(certificate.status);
  const targets = certificate.validation?.other_methods ?? {};
  const emails = certificate.validation?.email_validation ?? {};
  const { commonName, altNames } = namesOf(certificate);
  const result: DomainValidation[] = [];
  for (const domain of [commonName, ...altNames]) {
    if (domain === "") continue;
    const target = Object.hasOwn(targets, domain) ? targets[domain] : undefined;
    const cnameName = text(target?.cname_validation_p1);
    const cnameValue = text(target?.cname_validation_p2);
    if ((chosen ?? "dns") === "dns" && cnameName !== undefined && cnameValue !== undefined)
      result.push({ domain, method: "dns", status, dns: { name: cnameName, type: "CNAME", value: cnameValue } });
    const url =
      certificate.validation_type === "HTTPS_CSR_HASH"
        ? text(target?.file_validation_url_https)
        : text(target?.file_validation_url_http);
    const lines = Array.isArray(target?.file_validation_content) ? target.file_validation_content : undefined;
    if ((chosen ?? "file") === "file" && url !== undefined && lines !== undefined)
      result.push({ domain, method: "file", status, file: { url, content: lines.join("\n") } });
    const approvers = Object.hasOwn(emails, domain) ? emails[domain] : undefined;
    if (chosen === "email" && Array.isArray(approvers) && approvers.length > 0)
      result.push({ domain, method: "email", status, email: { approvers: [...approvers] } });
  }
  return result;
}

/**
 * A ZeroSSL certificate as a {@link CertificateOrder}: id, names, the status (see `mapZerosslStatus`), the
 * validation, `createdAt` from `created` and `validUntil` from `expires` once issued (before, `expires` is only
 * planned). The answer is kept whole in `raw`.
 *
 * @throws CertkitError `PROVIDER` when the answer has no certificate id (no later call could find it).
 */
export function zerosslOrderView(certificate: Certificate): CertificateOrder {
  const id = text(certificate?.id);
  if (id === undefined) {
    // No `body`: a 2xx answer is not redacted, and may echo a credential.
    throw new CertkitError({
      code: "PROVIDER",
      provider: "zerossl",
      message: "ZeroSSL sent a certificate without an id",
    });
  }
  const { commonName, altNames } = namesOf(certificate);
  const { status, providerStatus, message } = mapZerosslStatus(certificate.status);
  const createdAt = isoTime(certificate.created);
  const hasIssued = status === "issued" || status === "expired" || status === "revoked";
  const validUntil = hasIssued ? isoTime(certificate.expires) : undefined;
  return {
    provider: "zerossl",
    id,
    commonName,
    altNames,
    status,
    providerStatus,
    ...(message === undefined ? {} : { message }),
    validation: zerosslValidation(certificate),
    ...(validUntil === undefined ? {} : { validUntil }),
    ...(createdAt === undefined ? {} : { createdAt }),
    raw: certificate,
  };
}
