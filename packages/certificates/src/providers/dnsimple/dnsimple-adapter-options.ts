import type { DnsimpleClientOptions, SignatureAlgorithm } from "@certkit/dnsimple";
import { invalidOption } from "../../checks/invalid-option.js";

/** What the adapter needs besides the client's options. */
export interface DnsimpleAdapterSettings {
  /**
   * The account whose certificates to manage (every DNSimple path starts with it). Default: the account of the
   * credentials, from `GET /whoami`, asked once. Required with a user's credentials (a user token, or email and
   * password), which have no account of their own.
   */
  accountId?: number | undefined;
  /**
   * The account's domains to work with (names, or numeric ids as text). Default: every domain of the account, from
   * `GET /{account}/domains`. `list()` walks these, and `order()` picks among them the one the names are under; give
   * them to save the look-ups or to keep the adapter to some domains.
   */
  domains?: readonly string[] | undefined;
  /**
   * Whether DNSimple renews the certificates `order()` buys by itself (`auto_renew`). Default `false`, DNSimple's own
   * default. A renewal keeps the old certificate's setting unless this is set.
   */
  autoRenew?: boolean | undefined;
  /** The key type DNSimple makes for new certificates and renewals. Default: DNSimple's (`ECDSA`). */
  signatureAlgorithm?: SignatureAlgorithm | undefined;
  /** Entries per page when `list()` and `order()` read lists (1 to 100, DNSimple's maximum). Default 100. */
  pageSize?: number | undefined;
}

/**
 * Options of the DNSimple adapter: those of `createDnsimpleClient` from `@certkit/dnsimple` (a `token`, or `email`
 * and `password`, plus `otp`, `baseUrl`, `fetch`, `retry`, `timeoutMs`, `maxConcurrency`, `userAgent`, `onEvent`),
 * and the {@link DnsimpleAdapterSettings}.
 */
export type DnsimpleAdapterOptions = DnsimpleClientOptions & DnsimpleAdapterSettings;

/** The settings after checking, with their defaults. */
export interface CheckedDnsimpleSettings {
  accountId: number | undefined;
  domains: readonly string[] | undefined;
  autoRenew: boolean | undefined;
  signatureAlgorithm: SignatureAlgorithm | undefined;
  pageSize: number;
}

const MAX_PAGE_SIZE = 100;

/**
 * Splits the adapter's options into the client's options and the checked settings.
 *
 * @throws CertkitError `INVALID_INPUT` naming the option when a setting is malformed.
 */
export function readDnsimpleOptions(options: DnsimpleAdapterOptions): {
  client: DnsimpleClientOptions;
  settings: CheckedDnsimpleSettings;
} {
  const { accountId, domains, autoRenew, signatureAlgorithm, pageSize = MAX_PAGE_SIZE, ...client } = options;
  if (accountId !== undefined && (!Number.isSafeInteger(accountId) || accountId < 1))
    throw invalidOption("dnsimple", "accountId", "must be a positive integer");
  const isDomain = (domain: unknown) => typeof domain === "string" && /^[^\s/]+$/.test(domain.trim());
  const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);
  if (domains !== undefined && (!isList(domains) || domains.length === 0 || !domains.every(isDomain))) {
    throw invalidOption("dnsimple", "domains", "must be a non-empty list of domain names");
  }
  if (autoRenew !== undefined && typeof autoRenew !== "boolean")
    throw invalidOption("dnsimple", "autoRenew", "must be true or false");
  if (signatureAlgorithm !== undefined && signatureAlgorithm !== "ECDSA" && signatureAlgorithm !== "RSA") {
    throw invalidOption("dnsimple", "signatureAlgorithm", 'must be "ECDSA" or "RSA"');
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw invalidOption("dnsimple", "pageSize", `must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  return {
    client,
    settings: {
      accountId,
      domains: domains?.map((domain) => domain.trim().toLowerCase().replace(/\.$/, "")),
      autoRenew,
      signatureAlgorithm,
      pageSize,
    },
  };
}
