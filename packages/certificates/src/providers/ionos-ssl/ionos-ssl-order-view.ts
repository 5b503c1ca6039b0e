import { CertkitError } from "@certkit/runtime";
import type { AuthenticationSummary, Certificate } from "@certkit/ionos-ssl";
import type { CertificateOrder, DomainValidation, ValidationMethod } from "../../certificate-order.js";
import { mapIonosSslStatus, mapIonosSslValidationStatus } from "./map-ionos-ssl-status.js";

const METHODS: Readonly<Record<string, ValidationMethod>> = { DNS: "dns", FILE: "file", EMAIL: "email" };

/** Where IONOS's spec puts the validation file: `[domain]/.well-known/pki-validation/fileauth.txt`. */
const FILE_PATH = "/.well-known/pki-validation/fileauth.txt";

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * The URL the validation file must be served at. IONOS does not document the form of `name` for FILE: a full URL is
 * used as it is, a `host/path` or `/path` gets `http://` and the domain, and without one the spec's location is used.
 */
function fileUrl(name: string | undefined, domain: string): string {
  if (name === undefined) return `http://${domain}${FILE_PATH}`;
  if (/^https?:\/\//i.test(name)) return name;
  if (name.startsWith("/")) return `http://${domain}${name}`;
  return name.includes("/") ? `http://${name}` : `http://${domain}${FILE_PATH}`;
}

/**
 * What the customer must do for an IONOS certificate, from its `authenticationSummary` (IONOS validates the one
 * common name): the TXT record (`name` = `content`), the file (`content` at the URL in `name`), or the approver email
 * (`name`; IONOS's spec says the CA mails hostmaster@ the domain when it gives none). Empty while IONOS has not made
 * the authentication yet; an authentication whose method certkit does not know is left out.
 */
export function ionosSslValidation(certificate: Certificate): DomainValidation[] {
  const summary: AuthenticationSummary | undefined =
    typeof certificate.authenticationSummary === "object" && certificate.authenticationSummary !== null
      ? certificate.authenticationSummary
      : undefined;
  if (summary === undefined) return [];
  const rawMethod = summary.method ?? certificate.authenticationMethod;
  const method = typeof rawMethod === "string" && Object.hasOwn(METHODS, rawMethod) ? METHODS[rawMethod] : undefined;
  if (method === undefined) return [];
  const domain = text(certificate.commonName) ?? "";
  const bare = domain.replace(/^\*\./, "");
  const name = text(summary.name);
  const content = text(summary.content);
  const validation: DomainValidation = { domain, method, status: mapIonosSslValidationStatus(summary.status) };
  if (method === "dns" && content !== undefined) validation.dns = { name: name ?? bare, type: "TXT", value: content };
  if (method === "file" && content !== undefined) validation.file = { url: fileUrl(name, bare), content };
  if (method === "email") validation.email = { approvers: [name ?? `hostmaster@${bare}`] };
  return [validation];
}

/**
 * An IONOS certificate as a {@link CertificateOrder}: id, names, product (`certificateType`), the status from
 * `status` and `authenticationSummary.status` (see `mapIonosSslStatus`), the validation and the validity dates. IONOS
 * keeps no creation or update time. The answer is kept whole in `raw`.
 *
 * @throws CertkitError `PROVIDER` when the answer has no certificate id (no later call could find it).
 */
export function ionosSslOrderView(certificate: Certificate): CertificateOrder {
  const id = text(certificate?.id);
  if (id === undefined) {
    // No `body`: a 2xx answer is not redacted, and may echo a credential.
    throw new CertkitError({
      code: "PROVIDER",
      provider: "ionos-ssl",
      message: "IONOS sent a certificate without an id",
    });
  }
  const commonName = text(certificate.commonName) ?? "";
  const altNames = Array.isArray(certificate.alternativeNames)
    ? [
        ...new Set(
          certificate.alternativeNames.filter(
            (name): name is string => typeof name === "string" && name !== "" && name !== commonName,
          ),
        ),
      ]
    : [];
  const summary = certificate.authenticationSummary as { status?: unknown } | null | undefined;
  const { status, providerStatus, reason, message } = mapIonosSslStatus(certificate.status, summary?.status);
  const product = text(certificate.certificateType);
  const validFrom = text(certificate.validFrom);
  const validUntil = text(certificate.validUntil);
  return {
    provider: "ionos-ssl",
    id,
    commonName,
    altNames,
    status,
    providerStatus,
    ...(reason === undefined ? {} : { reason }),
    ...(message === undefined ? {} : { message }),
    ...(product === undefined ? {} : { product }),
    validation: ionosSslValidation(certificate),
    ...(validFrom === undefined ? {} : { validFrom }),
    ...(validUntil === undefined ? {} : { validUntil }),
    raw: certificate,
  };
}
