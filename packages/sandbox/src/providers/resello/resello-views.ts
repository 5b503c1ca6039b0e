import type { Certificate, ValidationDetails } from "@certkit/resello";
import { approverAddresses } from "./resello-requests.js";
import type { ReselloDomainValidation, ReselloOrder } from "./resello-state.js";

/**
 * A certificate as the simulated API shows it. Resello documents only `id`, `status`, `plan` and
 * `client_reference`; the other fields are the sandbox's own (snake_case, as the platform writes its fields), so
 * a client can see the names, method and validity without downloading the certificate.
 */
export function certificateView(order: ReselloOrder): Certificate {
  const active = order.status === "active" && order.issued !== undefined;
  return {
    id: order.id,
    status: order.status,
    plan: order.plan,
    client_reference: order.clientReference,
    common_name: order.commonName,
    domains: order.domains.map((domain) => domain.name),
    dcv_type: order.dcvType,
    ...(order.approverEmailAddress === null ? {} : { approver_email_address: order.approverEmailAddress }),
    ...order.organization,
    created_at: order.createdAt,
    ...(active && order.issued
      ? {
          valid_from: order.issued.validFrom,
          valid_until: order.issued.validUntil,
          serial_number: order.issued.serialNumber,
        }
      : {}),
    ...(order.disabledAt === undefined ? {} : { disabled_at: order.disabledAt }),
  };
}

/** What one name still needs (or needed): the record, file or email of its current method. */
function domainView(domain: ReselloDomainValidation): Record<string, unknown> {
  const instructions =
    domain.dcvType === "DNS"
      ? { dns_record: { type: "TXT", name: domain.dns.name, value: domain.dns.value } }
      : domain.dcvType === "FILE"
        ? { file: { url: domain.file.url, content: domain.file.content } }
        : { email: domain.email ? { to: domain.email.to, sent_at: domain.email.sentAt } : null };
  return {
    domain: domain.name,
    dcv_type: domain.dcvType,
    status: domain.status,
    ...instructions,
    approver_email_addresses: approverAddresses(domain.domain),
    ...(domain.validatedAt === undefined ? {} : { validated_at: domain.validatedAt }),
  };
}

/**
 * The validation details of a certificate (Resello documents none of their fields): per name, its method, status
 * and what proves it (the TXT record's name and value, the file's URL and content, or the email sent, with the
 * addresses allowed to approve), and the steps of the order, done or not.
 */
export function validationDetailsView(order: ReselloOrder): ValidationDetails {
  const validated = order.domains.every((domain) => domain.status === "validated");
  return {
    certificate_id: order.id,
    status: validated ? "validated" : "pending",
    dcv_type: order.dcvType,
    domains: order.domains.map(domainView),
    steps: [
      { step: "order_received", done: true },
      { step: "domain_control_validation", done: validated },
      { step: "certificate_issued", done: order.status === "active" },
    ],
  };
}
