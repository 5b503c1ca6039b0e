import {
  createApiClient,
  sharedClientOptions,
  type ApiClient,
  type ApiClientConfig,
  type ProviderClientOptions,
} from "@certkit/runtime";
import { describeDnsimpleError } from "./describe-dnsimple-error.js";
import { resolveDnsimpleAuth } from "./dnsimple-auth.js";
import type { paths } from "./generated/schema.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** DNSimple's production API v2 server. */
export const DNSIMPLE_BASE_URL = "https://api.dnsimple.com/v2";

/**
 * DNSimple's sandbox API v2 server. It has its own accounts and tokens (a production token is refused there), and it
 * does not issue certificates: purchases work, issuing does not.
 */
export const DNSIMPLE_SANDBOX_BASE_URL = "https://api.sandbox.dnsimple.com/v2";

/**
 * The options of {@link createDnsimpleClient} that do not depend on the kind of credentials. The options every
 * client shares (`timeoutMs`, `retry`, `maxConcurrency`, `onEvent`, …) are {@link ProviderClientOptions}.
 */
export interface DnsimpleClientBaseOptions extends ProviderClientOptions {
  /**
   * A two-factor one-time code, sent as `X-Dnsimple-OTP` on every request. Only needed with `email`/`password` for a
   * user with two-factor authentication, after a `401` whose `X-Dnsimple-OTP` response header says `required`.
   * Codes expire quickly: make a new client with a fresh code, or pass the header on one call instead. It never
   * appears in an error.
   */
  otp?: string | undefined;
  /** Another server: {@link DNSIMPLE_SANDBOX_BASE_URL}, a proxy or a simulator. Default {@link DNSIMPLE_BASE_URL}. */
  baseUrl?: string | undefined;
}

/** Authenticates with an API access token, sent as `Authorization: Bearer <token>`. */
export interface DnsimpleTokenCredentials {
  /** An account or user API access token. It never appears in an error. */
  token: string;
  /** Not with a token: give either `token`, or `email` and `password`. */
  email?: never;
  /** Not with a token: give either `token`, or `email` and `password`. */
  password?: never;
}

/** Authenticates with a user's email and password, sent as HTTP Basic `Authorization`. */
export interface DnsimpleBasicCredentials {
  /** The DNSimple user's email address. */
  email: string;
  /** The user's password. Neither it nor the encoded header ever appears in an error. */
  password: string;
  /** Not with an email and password: give either `token`, or `email` and `password`. */
  token?: never;
}

/** Options of {@link createDnsimpleClient}: a token or an email/password pair, and the shared options. */
export type DnsimpleClientOptions = DnsimpleClientBaseOptions & (DnsimpleTokenCredentials | DnsimpleBasicCredentials);

/** A client of the DNSimple API v2: openapi-fetch methods typed by the spec, errors as `CertkitError`. */
export type DnsimpleClient = ApiClient<paths>;

/**
 * Creates a client of the DNSimple API v2 (certificates, webhooks, and the account and domain look-ups).
 *
 * What is DNSimple's own:
 * - Credentials: a `token` goes in `Authorization: Bearer <token>`; `email` and `password` in HTTP Basic
 *   `Authorization`, with `otp` in `X-Dnsimple-OTP` for a user with two-factor authentication.
 * - Server: {@link DNSIMPLE_BASE_URL} by default; {@link DNSIMPLE_SANDBOX_BASE_URL} has its own accounts and tokens
 *   and does not issue certificates.
 * - Redacted from every error and event: the token, the password and the encoded Basic credentials, and the
 *   one-time code.
 * - Errors: `message` is DNSimple's `message` and `fieldErrors` a 400's `errors`; a `401` whose `X-Dnsimple-OTP`
 *   answer header says `required` asks for a one-time code ({@link DNSIMPLE_OTP_REQUIRED}).
 *
 * The rest is the runtime's, the same for every client: what a call resolves to or rejects with, see {@link ApiClient};
 * retries, timeouts, the cap on calls in flight, events and the answer-size limit, see {@link ProviderClientOptions}.
 *
 * @throws CertkitError `INVALID_INPUT` when an option is missing or malformed; no request is sent.
 * @example
 * ```ts
 * const dnsimple = createDnsimpleClient({ token: process.env.DNSIMPLE_TOKEN! });
 * const { data, error } = await dnsimple.GET("/whoami");
 * ```
 */
export function createDnsimpleClient(options: DnsimpleClientOptions): DnsimpleClient {
  return createApiClient<paths>(dnsimpleClientConfig(options));
}

/**
 * What {@link createDnsimpleClient} makes its client from, for `composeApiClient` from `@certkit/runtime`, which
 * takes only the steps you name (a smaller bundle): `composeApiClient<paths>(dnsimpleClientConfig({ token }), {})`.
 *
 * @throws CertkitError `INVALID_INPUT` when a credential is missing or malformed.
 */
export function dnsimpleClientConfig(options: DnsimpleClientOptions): ApiClientConfig {
  // Credentials first: missing options are an INVALID_INPUT naming them, not a TypeError.
  const auth = resolveDnsimpleAuth(options);
  return {
    ...sharedClientOptions(options),
    baseUrl: options.baseUrl ?? DNSIMPLE_BASE_URL,
    provider: "dnsimple",
    apiName: "DNSimple API",
    packageName: PACKAGE_NAME,
    packageVersion: PACKAGE_VERSION,
    auth,
    describeError: describeDnsimpleError,
  };
}
