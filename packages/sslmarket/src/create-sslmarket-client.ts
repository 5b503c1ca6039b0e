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
 * Options of {@link createSslmarketClient}. Besides these, `timeoutMs` (default 30 s per try), `retry` (reads only,
 * 3 tries), `maxConcurrency` (default 10) and `onEvent` set how the client treats the network (see `@certkit/runtime`).
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
 * Every call resolves to `{ data, response }` for a 2xx answer or `{ error, response }` otherwise, where `error`
 * is a `CertkitError` with `status`, `providerCode` (the error type SSLmarket sends), `message`, `fieldErrors` and
 * `requestId`. A call that gets no usable answer rejects with a `CertkitError` (`NETWORK`, `TIMEOUT`, `ABORTED`, or
 * `PROVIDER` for a body that cannot be read). Reads are retried on network errors, 408, 429 and 5xx; writes never
 * are, and a write that failed after it may have reached SSLmarket has `effectUnknown: true`.
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
