import type { Certificate } from "@certkit/dnsimple-v1";
import type { DnsimpleV1CertificateRecord } from "./dnsimple-v1-state.js";

/** v1 wrote times to the second (`2013-09-17T21:54:42Z`), without milliseconds. */
export function apiTime(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, "Z");
}

/** PEM blocks one after the other, each on its own lines, as a bundle file holds them. */
function pemBundle(blocks: readonly string[]): string {
  return `${blocks.map((block) => block.trim()).join("\n")}\n`;
}

/**
 * A certificate as v1 shows it. `ssl_certificate` (leaf then intermediate) and `expires_on` appear once it is
 * issued. The deprecated `certificate_status` and `available_approver_emails` (comma-separated) are sent alongside
 * `state` and `approver_emails`, so clients written against the earliest documentation read the same values.
 */
export function viewCertificate(record: DnsimpleV1CertificateRecord): Certificate {
  const issued = record.state === "issued" ? record.issued : undefined;
  return {
    id: record.id,
    domain_id: record.domainId,
    contact_id: record.contactId,
    name: record.name,
    state: record.state,
    csr: record.csr,
    ssl_certificate: issued ? pemBundle([issued.certificate, issued.intermediate]) : null,
    private_key: record.privateKey,
    approver_email: record.approverEmail,
    ...(record.approverEmails ? { approver_emails: [...record.approverEmails] } : {}),
    created_at: apiTime(record.createdAt),
    updated_at: apiTime(record.updatedAt),
    configured_at: record.configuredAt === null ? null : apiTime(record.configuredAt),
    expires_on: issued ? issued.validUntil.slice(0, 10) : null,
    certificate_status: record.state,
    available_approver_emails: record.approverEmails?.join(",") ?? null,
  };
}
