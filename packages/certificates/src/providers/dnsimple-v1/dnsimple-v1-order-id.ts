import { CertkitError } from "@certkit/runtime";

/** What a DNSimple v1 order id carries: the domain the certificate lives under, and the certificate's own id. */
export interface DnsimpleV1OrderId {
  /** The domain's name, as the account lists it (`example.com`). */
  domain: string;
  /** DNSimple's numeric certificate id. */
  certificateId: number;
}

// A domain name as v1 lists it: no slash, no spaces, at least one dot (a bare number would be read as a domain id).
const DOMAIN = /^[^\s/]+\.[^\s/]+$/;
const CERTIFICATE_ID = /^[1-9]\d*$/;

/** Whether `name` (lower case) is a domain name an order id can carry: no slash, no space, a dot inside. */
export function isDnsimpleV1DomainName(name: string): boolean {
  return DOMAIN.test(name);
}

/**
 * The id the adapter gives an order: `<domain>/<certificate id>` (`example.com/42`). v1 keeps certificates under a
 * domain, so the id carries it; the domain's name also gives the certificate's full host name without a request.
 */
export function encodeDnsimpleV1OrderId({ domain, certificateId }: DnsimpleV1OrderId): string {
  return `${domain}/${certificateId}`;
}

/**
 * A certificate's id read from a v1 answer: a whole number from 1.
 *
 * @throws CertkitError `PROVIDER` when the answer holds none (no later call could address the certificate).
 */
export function dnsimpleV1CertificateIdIn(value: unknown): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return value;
  throw new CertkitError({
    code: "PROVIDER",
    provider: "dnsimple-v1",
    message: "dnsimple-v1: the answer has no certificate id (a whole number)",
  });
}

/**
 * Reads an id made by {@link encodeDnsimpleV1OrderId}.
 *
 * @throws CertkitError `INVALID_INPUT` when `id` is not one (no request is sent).
 */
export function decodeDnsimpleV1OrderId(id: unknown): DnsimpleV1OrderId {
  const text = typeof id === "string" ? id : "";
  const slash = text.lastIndexOf("/");
  const domain = text.slice(0, slash).toLowerCase();
  const certificateId = text.slice(slash + 1);
  if (
    slash < 0 ||
    !DOMAIN.test(domain) ||
    !CERTIFICATE_ID.test(certificateId) ||
    !Number.isSafeInteger(Number(certificateId))
  ) {
    throw new CertkitError({
      code: "INVALID_INPUT",
      provider: "dnsimple-v1",
      message: `dnsimple-v1: ${JSON.stringify(typeof id === "string" ? id : String(id))} is not a DNSimple v1 order id (<domain>/<certificate id>, e.g. example.com/42)`,
      fieldErrors: { id: ["must be an id this adapter returned: <domain>/<certificate id>"] },
    });
  }
  return { domain, certificateId: Number(certificateId) };
}
