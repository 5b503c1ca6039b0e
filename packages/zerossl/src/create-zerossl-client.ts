import {
  assertCredential,
  createApiClient,
  queryAuthStep,
  sharedClientOptions,
  type ApiClient,
  type ApiClientConfig,
  type ProviderClientOptions,
  type Step,
} from "@certkit/runtime";
import { describeZerosslError } from "./describe-zerossl-error.js";
import type { paths } from "./generated/schema.js";
import { readErrorsIn200 } from "./read-errors-in-200.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** ZeroSSL's REST API server (production only: ZeroSSL has no sandbox). */
export const ZEROSSL_BASE_URL = "https://api.zerossl.com";

/**
 * Options of {@link createZerosslClient}. The options every client shares (`timeoutMs`, `retry`, `maxConcurrency`,
 * `onEvent`, …) are {@link ProviderClientOptions}.
 */
export interface ZerosslClientOptions extends ProviderClientOptions {
  /** The account's API access key, sent as the `access_key` query parameter. It never appears in an error or event. */
  accessKey: string;
  /** Another server, e.g. a sandbox or a proxy. Default {@link @certkit/zerossl!ZEROSSL_BASE_URL}. */
  baseUrl?: string | undefined;
}

/** A client of ZeroSSL's REST API: openapi-fetch methods typed by the spec, errors as `CertkitError`. */
export type ZerosslClient = ApiClient<paths>;

/**
 * Creates a client of ZeroSSL's REST API.
 *
 * What is ZeroSSL's own:
 * - Credentials: the access key, in the query string as `access_key` on every try (set below openapi-fetch's
 *   middleware, replacing any `access_key` a call's params hold).
 * - Server: {@link ZEROSSL_BASE_URL}; for tests, the certkit sandbox.
 * - Redacted from every error and event: the access key, in every URL shown too.
 * - Errors: ZeroSSL may send its error body (`{success: false, error: {code, type}}`) with HTTP 200; such an answer is
 *   an error like any other (status 400, "ZeroSSL error sent with HTTP 200"; 500 for a failure on ZeroSSL's side,
 *   so that a write meeting one is `effectUnknown`), never `data`. `providerCode` is the
 *   error's `type` (e.g. `certificate_not_found`), and a type with a sharper meaning sets the code (`NOT_FOUND`, `AUTH`).
 *
 * The rest is the runtime's, the same for every client: what a call resolves to or rejects with, see {@link ApiClient};
 * retries, timeouts, the cap on calls in flight, events and the answer-size limit, see {@link ProviderClientOptions}.
 *
 * @throws CertkitError `INVALID_INPUT` when an option is missing or malformed; no request is sent.
 * @example
 * ```ts
 * const zerossl = createZerosslClient({ accessKey: process.env.ZEROSSL_ACCESS_KEY! });
 * const { data, error } = await zerossl.GET("/certificates", { params: { query: { certificate_status: "issued" } } });
 * ```
 */
export function createZerosslClient(options: ZerosslClientOptions): ZerosslClient {
  return createApiClient<paths>(zerosslClientConfig(options));
}

/**
 * What {@link createZerosslClient} makes its client from, for `composeApiClient` from `@certkit/runtime`, which takes
 * only the steps you name (a smaller bundle): `composeApiClient<paths>(zerosslClientConfig({ accessKey }), {})`.
 *
 * @throws CertkitError `INVALID_INPUT` when the access key is missing or malformed.
 */
export function zerosslClientConfig(options: ZerosslClientOptions): ApiClientConfig {
  assertCredential("zerossl", "accessKey", options?.accessKey);
  const setKey = queryAuthStep({ access_key: options.accessKey });
  // The key goes on every try, and an error ZeroSSL sends with 200 becomes an error before the retries see it.
  const authStep: Step = (next, client) => setKey(readErrorsIn200(next, client), client);
  return {
    ...sharedClientOptions(options),
    baseUrl: options.baseUrl ?? ZEROSSL_BASE_URL,
    provider: "zerossl",
    apiName: "ZeroSSL API",
    packageName: PACKAGE_NAME,
    packageVersion: PACKAGE_VERSION,
    auth: { headers: {}, secrets: [options.accessKey], step: authStep },
    describeError: describeZerosslError,
  };
}
