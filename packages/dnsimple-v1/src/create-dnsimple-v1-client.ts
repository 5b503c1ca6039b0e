import {
  assertCredential,
  CertkitError,
  createApiClient,
  sharedClientOptions,
  type ApiClient,
  type ApiClientConfig,
  type ProviderClientOptions,
} from "@certkit/runtime";
import { describeDnsimpleV1Error } from "./describe-dnsimple-v1-error.js";
import type { paths } from "./generated/schema.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** DNSimple API v1's production server. Discontinued by DNSimple in 2017: it no longer answers v1 requests. */
export const DNSIMPLE_V1_BASE_URL = "https://api.dnsimple.com/v1";

/** DNSimple API v1's sandbox server. Discontinued with the rest of v1. */
export const DNSIMPLE_V1_SANDBOX_BASE_URL = "https://api.sandbox.dnsimple.com/v1";

/**
 * Options of {@link createDnsimpleV1Client}. The options every client shares (`timeoutMs`, `retry`,
 * `maxConcurrency`, `onEvent`, …) are {@link ProviderClientOptions}.
 */
export interface DnsimpleV1ClientOptions extends ProviderClientOptions {
  /** The DNSimple account's email address: the first half of `X-DNSimple-Token: <email>:<token>`. */
  email: string;
  /** The account's API token, the second half of `X-DNSimple-Token`. Neither it nor the header shows in an error. */
  token: string;
  /**
   * Another server: {@link @certkit/dnsimple-v1!DNSIMPLE_V1_SANDBOX_BASE_URL}, a proxy, or a replay of recorded traffic.
   * Default {@link @certkit/dnsimple-v1!DNSIMPLE_V1_BASE_URL}.
   */
  baseUrl?: string | undefined;
}

/** A client of DNSimple API v1: openapi-fetch methods typed by the spec, errors as `CertkitError`. */
export type DnsimpleV1Client = ApiClient<paths>;

/**
 * Creates a client of DNSimple's discontinued API v1 (SSL certificates and the domain list), for old integrations,
 * recorded traffic and archives. New work should use `@certkit/dnsimple` (API v2).
 *
 * What is DNSimple v1's own:
 * - Credentials: `X-DNSimple-Token: <email>:<token>` on every request, with `Accept: application/json`, which v1
 *   asks for; the email must hold an `@` and no `:`.
 * - Server: {@link DNSIMPLE_V1_BASE_URL} by default, or {@link DNSIMPLE_V1_SANDBOX_BASE_URL}; DNSimple no longer
 *   answers either, so point `baseUrl` at a replay of recorded traffic or the certkit sandbox.
 * - Redacted from every error and event: the token (the email is no secret and stays readable).
 * - Errors: `message` is v1's `message` or `error` text and `fieldErrors` its `errors: {field: [...]}`; v1 has no
 *   error codes, so `providerCode` stays unset. Purchase, configure and submit are writes, never retried.
 *
 * The rest is the runtime's, the same for every client: what a call resolves to or rejects with, see {@link ApiClient};
 * retries, timeouts, the cap on calls in flight, events and the answer-size limit, see {@link ProviderClientOptions}.
 *
 * @throws CertkitError `INVALID_INPUT` when an option is missing or malformed; no request is sent.
 * @example
 * ```ts
 * const dnsimple = createDnsimpleV1Client({ email: "admin@example.com", token: process.env.DNSIMPLE_V1_TOKEN! });
 * const { data, error } = await dnsimple.GET("/domains/{domain}/certificates", {
 *   params: { path: { domain: "example.com" } },
 * });
 * ```
 */
export function createDnsimpleV1Client(options: DnsimpleV1ClientOptions): DnsimpleV1Client {
  return createApiClient<paths>(dnsimpleV1ClientConfig(options));
}

/**
 * What {@link createDnsimpleV1Client} makes its client from, for `composeApiClient` from `@certkit/runtime`, which
 * takes only the steps you name (a smaller bundle).
 *
 * @throws CertkitError `INVALID_INPUT` when a credential is missing or malformed.
 */
export function dnsimpleV1ClientConfig(options: DnsimpleV1ClientOptions): ApiClientConfig {
  assertCredential("dnsimple-v1", "email", options?.email);
  assertCredential("dnsimple-v1", "token", options.token);
  assertEmail(options.email);
  const credentials = `${options.email}:${options.token}`;
  return {
    ...sharedClientOptions(options),
    baseUrl: options.baseUrl ?? DNSIMPLE_V1_BASE_URL,
    provider: "dnsimple-v1",
    apiName: "DNSimple API v1",
    packageName: PACKAGE_NAME,
    packageVersion: PACKAGE_VERSION,
    auth: {
      // Accept is no credential, but these are the only fixed headers the runtime takes, and v1 wants it on
      // every request (its overview: "must send Accept: application/json").
      headers: { "X-DNSimple-Token": credentials, Accept: "application/json" },
      // The token: redacting it (and any 8-character piece of it) clears the header value too, and leaves the email,
      // which is no secret, readable in a provider's message.
      secrets: [options.token],
    },
    describeError: describeDnsimpleV1Error,
  };
}

/** The email is the part before the first colon of the header, so it must hold no colon, and an `@`. */
function assertEmail(email: string): void {
  if (email.includes(":") || !/^[^@]+@[^@]+$/.test(email)) {
    throw new CertkitError({
      code: "INVALID_INPUT",
      provider: "dnsimple-v1",
      message: 'dnsimple-v1: option "email" must be an email address (one "@", no ":")',
    });
  }
}
