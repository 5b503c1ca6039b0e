import {
  assertCredential,
  createApiClient,
  sharedClientOptions,
  type ApiClient,
  type ApiClientConfig,
  type ProviderClientOptions,
} from "@certkit/runtime";
import { describeIonosError } from "./describe-ionos-error.js";
import type { paths } from "./generated/schema.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** The IONOS SSL API's production server (the only one IONOS documents). */
export const IONOS_SSL_BASE_URL = "https://api.hosting.ionos.com/ssl";

/**
 * Options of {@link createIonosSslClient}. Besides these, `timeoutMs` (default 30 s per try), `retry` (reads only,
 * 3 tries), `maxConcurrency` (default 10) and `onEvent` set how the client treats the network (see `@certkit/runtime`).
 */
export interface IonosSslClientOptions extends ProviderClientOptions {
  /** The API key, `<public prefix>.<secret>`, sent as `X-API-Key`. It never appears in an error. */
  apiKey: string;
  /** Another server, e.g. a sandbox or a proxy. Default {@link @certkit/ionos-ssl!IONOS_SSL_BASE_URL}. */
  baseUrl?: string | undefined;
}

/** A client of the IONOS SSL API: openapi-fetch methods typed by the spec, errors as `CertkitError`. */
export type IonosSslClient = ApiClient<paths>;

/**
 * Creates a client of the IONOS SSL API.
 *
 * Every call resolves to `{ data, response }` for a 2xx answer or `{ error, response }` otherwise, where `error`
 * is a `CertkitError` with `status`, `providerCode` (IONOS `code`), `message` and `requestId`. A call that gets
 * no usable answer rejects with a `CertkitError` (`NETWORK`, `TIMEOUT`, `ABORTED`, or `PROVIDER` for a body that
 * cannot be read). Reads are retried on network errors, 408, 429 and 5xx; writes never are, and a write that failed
 * after it may have reached IONOS has `effectUnknown: true`. Each call also takes `signal`, `timeoutMs` and `retry`.
 *
 * @throws CertkitError `INVALID_INPUT` when an option is missing or malformed; no request is sent.
 * @example
 * ```ts
 * const ionos = createIonosSslClient({ apiKey: process.env.IONOS_API_KEY! });
 * const { data, error } = await ionos.GET("/v1/certificates", { params: { query: { page: 1, size: 50 } } });
 * ```
 */
export function createIonosSslClient(options: IonosSslClientOptions): IonosSslClient {
  return createApiClient<paths>(ionosSslClientConfig(options));
}

/**
 * What {@link createIonosSslClient} makes its client from, for `composeApiClient` from `@certkit/runtime`, which
 * takes only the steps you name (a smaller bundle): `composeApiClient<paths>(ionosSslClientConfig({ apiKey }), {})`.
 *
 * @throws CertkitError `INVALID_INPUT` when the API key is missing or malformed.
 */
export function ionosSslClientConfig(options: IonosSslClientOptions): ApiClientConfig {
  assertCredential("ionos-ssl", "apiKey", options?.apiKey);
  return {
    ...sharedClientOptions(options),
    baseUrl: options.baseUrl ?? IONOS_SSL_BASE_URL,
    provider: "ionos-ssl",
    apiName: "IONOS SSL API",
    packageName: PACKAGE_NAME,
    packageVersion: PACKAGE_VERSION,
    auth: { headers: { "X-API-Key": options.apiKey }, secrets: [options.apiKey] },
    describeError: describeIonosError,
  };
}
