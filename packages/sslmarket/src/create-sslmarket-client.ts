import {
  assertCredential,
  createApiClient,
  sharedClientOptions,
  type ApiClient,
  type ApiClientConfig,
  type ProviderClientOptions,
} from "@certkit/runtime";
import { describeSslmarketError } from "./describe-sslmarket-error.js";
import type { paths } from "./generated/schema.js";
import { SSLMARKET_BASE_URL } from "./sslmarket-sites.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/**
 * Options of {@link createSslmarketClient}. The options every client shares (`timeoutMs`, `retry`,
 * `maxConcurrency`, `onEvent`, …) are {@link ProviderClientOptions}.
 */
export interface SslmarketClientOptions extends ProviderClientOptions {
  /**
   * The account's API key, shown in the account settings once "Account access via API" is on. Sent as
   * `X-Auth-Token`; it never appears in an error.
   */
  token: string;
  /**
   * The API of the national site the account is on (`SSLMARKET_SITE_BASE_URLS`), a proxy, or the certkit sandbox.
   * Default {@link @certkit/sslmarket!SSLMARKET_BASE_URL} (the UK site).
   */
  baseUrl?: string | undefined;
}

/** A client of the SSLmarket API: openapi-fetch methods typed by the spec, errors as `CertkitError`. */
export type SslmarketClient = ApiClient<paths>;

/**
 * Creates a client of the SSLmarket API.
 *
 * What is SSLmarket's own:
 * - Credentials: the account's API key in `X-Auth-Token`, and nothing else (no `Authorization`, nothing in the URL).
 * - Server: the API of the national site the account is on, one of `SSLMARKET_SITE_BASE_URLS`;
 *   {@link SSLMARKET_BASE_URL} (the UK site) by default.
 * - Redacted from every error and event: the token.
 * - Errors: SSLmarket does not say under which names its error body holds the error type and description, so any
 *   JSON object is read tolerantly: `providerCode` is the error type, `message` the description, `fieldErrors`
 *   the messages per field.
 *
 * The rest is the runtime's, the same for every client: what a call resolves to or rejects with, see {@link ApiClient};
 * retries, timeouts, the cap on calls in flight, events and the answer-size limit, see {@link ProviderClientOptions}.
 *
 * The certificate download's body is read as the call says, never by its `Content-Type`: pass
 * `parseAs: "text"` for `pem_server` and `pem_intermediate`, and `parseAs: "arrayBuffer"` for `p7b`.
 *
 * @throws CertkitError `INVALID_INPUT` when an option is missing or malformed; no request is sent.
 * @example
 * ```ts
 * const sslmarket = createSslmarketClient({ token: process.env.SSLMARKET_TOKEN! });
 * const { data, error } = await sslmarket.GET("/order/order_id/{order_id}", { params: { path: { order_id: 100234 } } });
 * ```
 */
export function createSslmarketClient(options: SslmarketClientOptions): SslmarketClient {
  return createApiClient<paths>(sslmarketClientConfig(options));
}

/**
 * What {@link createSslmarketClient} makes its client from, for `composeApiClient` from `@certkit/runtime`, which
 * takes only the steps you name (a smaller bundle).
 *
 * @throws CertkitError `INVALID_INPUT` when the token is missing or malformed.
 */
export function sslmarketClientConfig(options: SslmarketClientOptions): ApiClientConfig {
  assertCredential("sslmarket", "token", options?.token);
  return {
    ...sharedClientOptions(options),
    baseUrl: options.baseUrl ?? SSLMARKET_BASE_URL,
    provider: "sslmarket",
    apiName: "SSLmarket API",
    packageName: PACKAGE_NAME,
    packageVersion: PACKAGE_VERSION,
    auth: { headers: { "X-Auth-Token": options.token }, secrets: [options.token] },
    describeError: describeSslmarketError,
  };
}
