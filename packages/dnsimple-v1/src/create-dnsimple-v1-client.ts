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
 * Options of {@link createDnsimpleV1Client}. Besides these, `timeoutMs` (default 30 s per try), `retry` (reads
 * only, 3 tries), `maxConcurrency` (default 10) and `onEvent` set how the client treats the network (see
 * `@certkit/runtime`).
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
 * Every call resolves to `{ data, response }` for a 2xx answer or `{ error, response }` otherwise, where `error` is
 * a `CertkitError` with `status`, `message` (v1's `message` or `error` text), `fieldErrors` (v1's
 * `errors: {field: [...]}`) and `requestId`; v1 has no error codes, so `providerCode` stays unset. A call that gets
 * no usable answer rejects with a `CertkitError` (`NETWORK`, `TIMEOUT`, `ABORTED`, or `PROVIDER` for a body that
 * cannot be read). Reads are retried on network errors, 408, 429 and 5xx; writes (purchase, configure, submit)
 * never are, and one that failed after it may have reached DNSimple has `effectUnknown: true`.
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
