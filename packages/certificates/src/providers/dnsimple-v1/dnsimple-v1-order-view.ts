import type { Certificate } from "@certkit/dnsimple-v1";
import type { CertificateOrder, DomainValidation, ValidationStatus } from "../../certificate-order.js";
import { providerTime } from "../../status/provider-time.js";
import { dnsimpleV1CertificateIdIn, encodeDnsimpleV1OrderId } from "./dnsimple-v1-order-id.js";
import { hostNameOf } from "./dnsimple-v1-host-names.js";
import { mapDnsimpleV1Status } from "./map-dnsimple-v1-status.js";

/** How far the email validation of a certificate in each documented state is (anything else: `unknown`). */
const VALIDATION_STATUS: Readonly<Record<string, ValidationStatus>> = Object.freeze({
  // Nothing mailed yet: the customer must configure, then choose an approver and submit.
  purchased: "waiting",
  configured: "waiting",
  // The CA mailed the approver; the approver must follow the link (v1 does not show when they have).
  submitted: "waiting",
  issued: "valid",
  // v1 does not say how far a cancelled certificate's validation got.
  cancelled: "unknown",
});

/** A certificate's state: `state`, or `certificate_status` in the earliest answers. Not always a string in bad data. */
export function dnsimpleV1StateOf(certificate: Certificate): unknown {
  return certificate.state ?? certificate.certificate_status ?? undefined;
}

/** The addresses DNSimple offers as approver: `approver_emails`, or the older comma-separated `available_approver_emails`. */
export function dnsimpleV1ApproversOf(certificate: Certificate): string[] {
  const offered: unknown[] = Array.isArray(certificate.approver_emails)
    ? certificate.approver_emails
    : typeof certificate.available_approver_emails === "string"
      ? certificate.available_approver_emails.split(",")
      : [];
  const addresses = offered
    .filter((address): address is string => typeof address === "string")
    .map((address) => address.trim());
  return [...new Set(addresses.filter((address) => address !== ""))];
}

/**
 * The validation of a certificate: one `email` entry for its host name. `approvers` is the chosen `approver_email`
 * once the certificate is submitted (the one address the CA mails), before that the addresses DNSimple offers (empty
 * until it is configured).
 */
export function dnsimpleV1ValidationOf(certificate: Certificate, hostName: string): DomainValidation[] {
  const state = dnsimpleV1StateOf(certificate);
  const chosen = typeof certificate.approver_email === "string" ? certificate.approver_email.trim() : "";
  return [
    {
      domain: hostName,
      method: "email",
      status:
        typeof state === "string" && Object.hasOwn(VALIDATION_STATUS, state) ? VALIDATION_STATUS[state]! : "unknown",
      email: { approvers: chosen === "" ? dnsimpleV1ApproversOf(certificate) : [chosen] },
    },
  ];
}

/** The full name a certificate is for: its host part (`name`) under the domain it lives under. */
export function dnsimpleV1HostNameOf(certificate: Certificate, domain: string): string {
  return hostNameOf(typeof certificate.name === "string" ? certificate.name.trim().toLowerCase() : "", domain);
}

function withoutPrivateKey(certificate: Certificate): Omit<Certificate, "private_key"> {
  const rest: Partial<Certificate> = { ...certificate };
  delete rest.private_key;
  return rest as Omit<Certificate, "private_key">;
}

/**
 * A v1 certificate as a {@link CertificateOrder}. `domain` is the account's domain it lives under (v1 answers give
 * only its numeric `domain_id`); the host name is `name` under it. Status: {@link mapDnsimpleV1Status}. `validUntil`
 * is the start of `expires_on` (v1 gives a date only: the earlier bound); v1 gives no start of validity, and the
 * order names one name (v1 buys one), so `validFrom` is left out and `altNames` is empty. The signed certificate
 * itself is not parsed here (reading orders loads no X.509 code): `download()` gives it. `raw` is the certificate as
 * sent without its `private_key`: an order is shown and logged, a key only comes from `download()`.
 *
 * @throws CertkitError `PROVIDER` when the answer has no certificate id (no later call could find it).
 */
export function dnsimpleV1OrderView(certificate: Certificate, domain: string): CertificateOrder {
  const id = encodeDnsimpleV1OrderId({ domain, certificateId: dnsimpleV1CertificateIdIn(certificate?.id) });
  const commonName = dnsimpleV1HostNameOf(certificate, domain);
  const { status, providerStatus, message } = mapDnsimpleV1Status(dnsimpleV1StateOf(certificate));
  const validUntil = providerTime(certificate.expires_on);
  const createdAt = providerTime(certificate.created_at);
  const updatedAt = providerTime(certificate.updated_at);
  return {
    provider: "dnsimple-v1",
    id,
    commonName,
    altNames: [],
    status,
    providerStatus,
    ...(message === undefined ? {} : { message }),
    validation: dnsimpleV1ValidationOf(certificate, commonName),
    ...(validUntil === undefined ? {} : { validUntil }),
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(updatedAt === undefined ? {} : { updatedAt }),
    raw: withoutPrivateKey(certificate),
  };
}
