import type { Certificate } from "@certkit/dnsimple";
import type { CertificateOrder, DomainValidation } from "../../certificate-order.js";
import { encodeDnsimpleOrderId } from "./dnsimple-order-id.js";
import { dnsimpleValidationStatus, mapDnsimpleStatus } from "./map-dnsimple-status.js";

/** The names a certificate covers: the common name, then the alternate names without repeats. */
function namesOf(certificate: Certificate): { commonName: string; altNames: string[] } {
  const commonName = String(certificate.common_name);
  const alternates = Array.isArray(certificate.alternate_names) ? certificate.alternate_names.map(String) : [];
  return { commonName, altNames: [...new Set(alternates)].filter((name) => name !== commonName) };
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
  if (certificate.expires_at) return certificate.expires_at;
  return certificate.expires_on ? `${certificate.expires_on}T00:00:00Z` : undefined;
}

/**
 * A DNSimple certificate as a {@link CertificateOrder}. `account` and `domain` are where it was read from, for the
 * id. DNSimple gives no start of validity (`validFrom` is left out) and no reason codes.
 */
export function dnsimpleOrderView(certificate: Certificate, account: number, domain: string): CertificateOrder {
  const { status, providerStatus, message } = mapDnsimpleStatus(certificate.state);
  const validUntil = validUntilOf(certificate);
  return {
    provider: "dnsimple",
    id: encodeDnsimpleOrderId({ account, domain, certificate: certificate.id }),
    ...namesOf(certificate),
    status,
    providerStatus,
    ...(message === undefined ? {} : { message }),
    product: certificate.authority_identifier,
    validation: dnsimpleValidations(certificate),
    ...(validUntil === undefined ? {} : { validUntil }),
    createdAt: certificate.created_at,
    updatedAt: certificate.updated_at,
    raw: certificate,
  };
}
