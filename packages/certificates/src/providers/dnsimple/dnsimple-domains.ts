import { invalidInput } from "../../checks/invalid-input.js";

/** Whether `name` (a certificate name, `*.` allowed) is `domain` or a name under it. */
export function isUnder(name: string, domain: string): boolean {
  const host = name.replace(/^\*\./, "");
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * The domain of the account a certificate for `commonName` and `altNames` is bought under: DNSimple certificates
 * live under one domain and cover names of that domain only. Among the account's domains that hold every name, the
 * longest (most specific) wins.
 *
 * @throws CertkitError `INVALID_INPUT` naming the field (`commonName`, or the first `altNames[i]` outside the common
 * name's domain) when no domain holds every name.
 */
export async function chooseDomain(
  commonName: string,
  altNames: readonly string[],
  domains: AsyncIterable<string> | Iterable<string>,
): Promise<string> {
  const candidates: string[] = [];
  for await (const domain of domains) if (isUnder(commonName, domain)) candidates.push(domain);
  if (candidates.length === 0) {
    throw invalidInput(
      "dnsimple",
      "commonName",
      `${commonName} is not a name under any domain of the DNSimple account`,
    );
  }
  candidates.sort((a, b) => b.length - a.length);
  const chosen = candidates.find((domain) => altNames.every((name) => isUnder(name, domain)));
  if (chosen !== undefined) return chosen;
  const nearest = candidates[0]!;
  const index = altNames.findIndex((name) => !isUnder(name, nearest));
  throw invalidInput(
    "dnsimple",
    `altNames[${index}]`,
    `${altNames[index]} is not under ${nearest}, the domain of the common name: a DNSimple certificate covers names of one domain`,
  );
}

/**
 * The `name` of a Let's Encrypt purchase for `commonName` under `domain`: the part before the domain (`www`), `*`
 * for a wildcard of the domain, and `""` for the domain itself.
 */
export function purchaseName(commonName: string, domain: string): string {
  return commonName === domain ? "" : commonName.slice(0, -(domain.length + 1));
}
