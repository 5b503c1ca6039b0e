import type { Certificate } from "@certkit/dnsimple";
import type { CertificateOrder, DomainValidation } from "../../certificate-order.js";
import { dnsimpleIdIn, encodeDnsimpleOrderId } from "./dnsimple-order-id.js";
import { dnsimpleValidationStatus, mapDnsimpleStatus } from "./map-dnsimple-status.js";

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** The names a certificate covers: the common name, then the alternate names without repeats (non-text is left out). */
function namesOf(certificate: Certificate): { commonName: string; altNames: string[] } {
  const commonName = text(certificate.common_name) ?? "";
  const alternates: unknown[] = Array.isArray(certificate.alternate_names) ? certificate.alternate_names : [];
  const altNames = alternates.filter((name): name is string => text(name) !== undefined && name !== commonName);
  return { commonName, altNames: [...new Set(altNames)] };
}

/**
 * The validation of each name of a DNSimple certificate. For Let's Encrypt, DNSimple hosts the domain's zone and
 * answers the DNS-01 challenge itself (it publishes and removes the `_acme-challenge` TXT records), so each name shows
 * `method: "dns"` with NO `dns` record: there is nothing for the customer to publish. Its `status` follows the
 * certificate's state (see `dnsimpleValidationStatus`). Certificates of other authorities (legacy orders the v2 API
 * only lists) show none: the v2 API says nothing about how they were validated.
 */
export function dnsimpleValidations(certificate: Certificate): DomainValidation[] {
  if (certificate.authority_identifier !== "letsencrypt") return [];
  const { commonName, altNames } = namesOf(certificate);
  const status = dnsimpleValidationStatus(certificate.state);
  return [commonName, ...altNames].map((domain) => ({ domain, method: "dns", status }));
}

/** DNSimple's `expires_at`, or the start of `expires_on` (the earlier bound) when only the day is given. */
function validUntilOf(certificate: Certificate): string | undefined {
  const day = text(certificate.expires_on);
  return text(certificate.expires_at) ?? (day === undefined ? undefined : `${day}T00:00:00Z`);
}

/**
 * A DNSimple certificate as a {@link CertificateOrder}. `account` and `domain` are where it was read from, for the
 * id. DNSimple gives no start of validity (`validFrom` is left out) and no reason codes. Fields that are not text are
 * left out.
 *
 * @throws CertkitError `PROVIDER` when the answer has no certificate id (no later call could find it).
 */
export function dnsimpleOrderView(certificate: Certificate, account: number, domain: string): CertificateOrder {
  const id = encodeDnsimpleOrderId({ account, domain, certificate: dnsimpleIdIn(certificate?.id, "certificate id") });
  const { status, providerStatus, message } = mapDnsimpleStatus(certificate.state);
  const product = text(certificate.authority_identifier);
  const validUntil = validUntilOf(certificate);
  const createdAt = text(certificate.created_at);
  const updatedAt = text(certificate.updated_at);
  return {
    provider: "dnsimple",
    id,
    ...namesOf(certificate),
    status,
    providerStatus,
    ...(message === undefined ? {} : { message }),
    ...(product === undefined ? {} : { product }),
    validation: dnsimpleValidations(certificate),
    ...(validUntil === undefined ? {} : { validUntil }),
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(updatedAt === undefined ? {} : { updatedAt }),
    raw: certificate,
  };
}
