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
 * Options of {@link createIonosSslClient}. The options every client shares (`timeoutMs`, `retry`,
 * `maxConcurrency`, `onEvent`, …) are {@link ProviderClientOptions}.
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
 * What is IONOS's own:
 * - Credentials: the API key, `<public prefix>.<secret>`, in `X-API-Key`.
 * - Server: {@link IONOS_SSL_BASE_URL}, the only one IONOS documents; for tests, the certkit sandbox.
 * - Redacted from every error and event: the whole API key.
 * - Errors: `providerCode` is IONOS's `code` (e.g. `DCV_FAILED`) and `message` its `message`; a `{message}` alone
 *   (how its gateway is said to refuse a bad or missing key) is read too.
 *
 * The rest is the runtime's, the same for every client: what a call resolves to or rejects with, see {@link ApiClient};
 * retries, timeouts, the cap on calls in flight, events and the answer-size limit, see {@link ProviderClientOptions}.
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
