import type { DnsimpleV1ClientOptions } from "@certkit/dnsimple-v1";
import { invalidOption } from "../../checks/invalid-option.js";
import { normalizeDomainName } from "../../checks/normalize-domain-name.js";

/**
 * Options of {@link dnsimpleV1}: those of `createDnsimpleV1Client` (`email`, `token`, `baseUrl`, `fetch`, `retry`,
 * `timeoutMs`, `userAgent`, `maxConcurrency`, `onEvent`), plus what the adapter needs beyond the client.
 */
export interface DnsimpleV1AdapterOptions extends DnsimpleV1ClientOptions {
  /**
   * The account contact every purchase names (v1 requires `contact_id`; with your own CSR for a wildcard its
   * details must match the CSR's). v1 lists contacts at `GET /contacts`, which the client does not cover, so it is
   * an option rather than looked up.
   */
  contactId: number;
  /**
   * The account's domains to work under, by name. `list()` walks only these and `order()` finds the domain of a
   * common name among them, without `GET /domains`. Default: every domain `GET /domains` lists, read at each
   * `list()` and `order()`.
   */
  domains?: readonly string[] | undefined;
}

/** The `contactId` option, checked. @throws CertkitError `INVALID_INPUT` naming it. */
export function checkContactId(contactId: unknown): number {
  if (typeof contactId !== "number" || !Number.isSafeInteger(contactId) || contactId < 1) {
    throw invalidOption(
      "dnsimple-v1",
      "contactId",
      "must be the id of one of the account's contacts (a positive integer)",
    );
  }
  return contactId;
}

/** The `domains` option, checked and normalized (lower case, no duplicates). @throws CertkitError `INVALID_INPUT` naming it. */
export function checkDomains(domains: unknown): string[] | undefined {
  if (domains === undefined) return undefined;
  if (!Array.isArray(domains) || domains.length === 0)
    throw invalidOption("dnsimple-v1", "domains", "must be a non-empty array of domain names");
  return [
    ...new Set(
      domains.map((domain: unknown, index) => {
        const checked = normalizeDomainName(domain);
        if (!checked.ok || checked.name.startsWith("*.")) {
          throw invalidOption(
            "dnsimple-v1",
            `domains[${index}]`,
            checked.ok ? "must not be a wildcard" : checked.problem,
          );
        }
        return checked.name;
      }),
    ),
  ];
}
