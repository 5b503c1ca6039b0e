/** Where a certificate name goes in v1: the account's domain, and the host part v1 calls the certificate's `name`. */
export interface DnsimpleV1CertificateName {
  /** The account's domain the certificate is bought under. */
  domain: string;
  /** The host part: `www`, `""` for the domain itself, `*` for a wildcard of the domain (`*.shop` under it). */
  name: string;
}

/** The full name a v1 certificate is for: `www` under example.com is www.example.com, `""` is example.com itself. */
export function hostNameOf(name: string, domain: string): string {
  return name === "" ? domain : `${name}.${domain}`;
}

/**
 * Splits a (checked, lower-case) common name into one of the account's domains and v1's host part, choosing the
 * longest domain that holds it (`a.shop.example.com` goes under `shop.example.com` when the account has both).
 * `undefined` when it is under none of them.
 */
export function certificateNameIn(
  commonName: string,
  domains: readonly string[],
): DnsimpleV1CertificateName | undefined {
  const wildcard = commonName.startsWith("*.");
  const base = wildcard ? commonName.slice(2) : commonName;
  const domain = domains
    .filter((candidate) => base === candidate || base.endsWith(`.${candidate}`))
    .reduce<string | undefined>(
      (longest, candidate) => (longest === undefined || candidate.length > longest.length ? candidate : longest),
      undefined,
    );
  if (domain === undefined) return undefined;
  const host = base === domain ? "" : base.slice(0, base.length - domain.length - 1);
  return { domain, name: wildcard ? (host === "" ? "*" : `*.${host}`) : host };
}
