import {
  assertCredential,
  basicAuthorization,
  CertkitError,
  createApiClient,
  createClientCredentials,
  dynamicAuthStep,
  sharedClientOptions,
  type ApiClient,
  type ApiClientConfig,
  type ProviderClientOptions,
} from "@certkit/runtime";
import { describeReselloError } from "./describe-resello-error.js";
import type { paths } from "./generated/schema.js";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js";

/** The Resello Reseller Platform API's production server: orders placed here are real purchases. */
export const RESELLO_BASE_URL = "https://rp01.hostcontrol.com/api/v1";

/** The Resello Reseller Platform API's OTE (operational test environment): orders placed here are not billed. */
export const RESELLO_OTE_BASE_URL = "https://rp.hostcontrol-ote.com/api/v1";

/**
 * What every {@link ReselloClientOptions} takes besides the credentials. The options every client shares
 * (`timeoutMs`, `retry`, `maxConcurrency`, `onEvent`, …) are {@link ProviderClientOptions}.
 */
export interface ReselloClientBaseOptions extends ProviderClientOptions {
  /** Another server: {@link RESELLO_OTE_BASE_URL}, a sandbox or a proxy. Default {@link RESELLO_BASE_URL}. */
  baseUrl?: string | undefined;
}

/** Options of a client that signs in with HTTP Basic: the reseller reference and an API key. */
export interface ReselloBasicAuthOptions extends ReselloClientBaseOptions {
  /** Your reseller reference, sent as the Basic user name. It must not contain `:`. */
  resellerReference: string;
  /** The API key, sent as the Basic password. It never appears in an error. */
  apiKey: string;
  /** Not with Basic credentials: give `accessToken` alone for bearer authentication. */
  accessToken?: never;
  /** Not with Basic credentials: give `oidc` alone to have the client fetch its own tokens. */
  oidc?: never;
}

/** OpenID Connect client credentials: the client fetches access tokens with them, and renews them before they expire. */
export interface ReselloOidcCredentials {
  /** Your client's token endpoint (it differs per client; it comes with the credentials). */
  tokenUrl: string;
  clientId: string;
  /** Sent only to the token endpoint; it never appears in an error. */
  clientSecret: string;
  /** Scopes to ask for, space-separated, if your client was told to. */
  scope?: string | undefined;
}

/** Options of a client that fetches and renews its own OpenID Connect access tokens. */
export interface ReselloOidcAuthOptions extends ReselloClientBaseOptions {
  oidc: ReselloOidcCredentials;
  /** Not with `oidc`: the client fetches its own tokens. */
  accessToken?: never;
  /** Not with `oidc`: give `resellerReference` and `apiKey` alone for Basic authentication. */
  resellerReference?: never;
  /** Not with `oidc`: give `resellerReference` and `apiKey` alone for Basic authentication. */
  apiKey?: never;
}

/** Options of a client that signs in with an OpenID Connect access token (client credentials). */
export interface ReselloBearerAuthOptions extends ReselloClientBaseOptions {
  /**
   * An access token from your client's token endpoint, sent as `Authorization: Bearer <token>`. Tokens last
   * `expires_in` seconds (300): make a new client with a new token before then. It never appears in an error.
   */
  accessToken: string;
  /** Not with a bearer token: give `resellerReference` and `apiKey` alone for Basic authentication. */
  resellerReference?: never;
  /** Not with a bearer token: give `resellerReference` and `apiKey` alone for Basic authentication. */
  apiKey?: never;
  /** Not with a fixed token: give `oidc` alone to have the client fetch its own tokens. */
  oidc?: never;
}

/**
 * Options of {@link createReselloClient}: Basic credentials, OpenID Connect client credentials (the client fetches
 * and renews its tokens), or a bearer access token you fetched yourself; exactly one of them.
 */
export type ReselloClientOptions = ReselloBasicAuthOptions | ReselloOidcAuthOptions | ReselloBearerAuthOptions;

/** A client of the Resello API: openapi-fetch methods typed by the spec, errors as `CertkitError`. */
export type ReselloClient = ApiClient<paths>;

const PROVIDER = "resello";

/**
 * Creates a client of the Resello Reseller Platform API (SSL certificates).
 *
 * What is Resello's own:
 * - Credentials, exactly one kind: `resellerReference` and `apiKey` in HTTP Basic `Authorization` (UTF-8; the
 *   reference must hold no `:`); `oidc` client credentials, with which the client fetches its own access token from
 *   `tokenUrl` and renews it before it expires; or an `accessToken` you fetched, sent as `Bearer`.
 * - Server: {@link RESELLO_BASE_URL} (real purchases) by default, or {@link RESELLO_OTE_BASE_URL} (not billed).
 * - Redacted from every error and event: the API key and the encoded Basic credentials, the access token, and the
 *   OIDC client secret (which goes to the token endpoint only; a redirect there is refused too).
 * - Errors: `providerCode` is the envelope's `error.code`, `message` its text, and `fieldErrors` the messages per
 *   field, nested fields as `parent.child`. A create that may have reached Resello (`effectUnknown`) is safe to
 *   repeat only through `createCertificateOnce`, which looks the order up by its `client_reference`.
 *
 * The rest is the runtime's, the same for every client: what a call resolves to or rejects with, see {@link ApiClient};
 * retries, timeouts, the cap on calls in flight, events and the answer-size limit, see {@link ProviderClientOptions}.
 *
 * @throws CertkitError `INVALID_INPUT` when an option is missing or malformed; no request is sent.
 * @example
 * ```ts
 * const resello = createReselloClient({ resellerReference: "RS-1001", apiKey: process.env.RESELLO_API_KEY! });
 * const { data, error } = await resello.GET("/ssl-certificate-plan", { params: { query: { name: "DV" } } });
 * ```
 */
export function createReselloClient(options: ReselloClientOptions): ReselloClient {
  return createApiClient<paths>(reselloClientConfig(options));
}

/**
 * What {@link createReselloClient} makes its client from, for `composeApiClient` from `@certkit/runtime`, which
 * takes only the steps you name (a smaller bundle).
 *
 * @throws CertkitError `INVALID_INPUT` when the credentials are missing, malformed or given twice.
 */
export function reselloClientConfig(options: ReselloClientOptions): ApiClientConfig {
  const auth = authOf(options);
  return {
    ...sharedClientOptions(options),
    baseUrl: options.baseUrl ?? RESELLO_BASE_URL,
    provider: PROVIDER,
    apiName: "Resello API",
    packageName: PACKAGE_NAME,
    packageVersion: PACKAGE_VERSION,
    auth,
    describeError: describeReselloError,
  };
}

/** The `Authorization` header for the credentials given (or the source of it), and the secret values in it. */
function authOf(options: ReselloClientOptions | undefined): ApiClientConfig["auth"] {
  const { resellerReference, apiKey, accessToken, oidc } = (options ?? {}) as Record<string, unknown>;
  const basicGiven = resellerReference !== undefined || apiKey !== undefined;
  const given = [basicGiven, accessToken !== undefined, oidc !== undefined].filter(Boolean).length;
  if (given > 1) {
    throw invalid(`give one of "resellerReference" with "apiKey", "oidc" or "accessToken", not several`);
  }
  if (oidc !== undefined) {
    if (typeof oidc !== "object" || oidc === null)
      throw invalid(`option "oidc" must be an object of client credentials`);
    const credentials = oidc as ReselloOidcCredentials;
    const tokens = createClientCredentials({
      ...credentials,
      provider: PROVIDER,
      fetch: options?.fetch,
      allowInsecureHttp: options?.allowInsecureHttp,
    });
    return { headers: {}, secrets: [credentials.clientSecret], step: dynamicAuthStep(tokens) };
  }
  if (accessToken !== undefined) {
    assertCredential(PROVIDER, "accessToken", accessToken);
    return { headers: { Authorization: `Bearer ${accessToken}` }, secrets: [accessToken] };
  }
  if (!basicGiven) {
    throw invalid(
      `give "resellerReference" and "apiKey" (HTTP Basic), "oidc" (client credentials) or "accessToken" (bearer)`,
    );
  }
  assertCredential(PROVIDER, "resellerReference", resellerReference);
  assertCredential(PROVIDER, "apiKey", apiKey);
  // RFC 7617: the user name ends at the first colon, so one inside it would shift part of it into the password.
  if (resellerReference.includes(":")) throw invalid(`option "resellerReference" must not contain ":"`);
  const authorization = basicAuthorization(resellerReference, apiKey);
  return { headers: { Authorization: authorization }, secrets: [apiKey, authorization.slice("Basic ".length)] };
}

function invalid(message: string): CertkitError {
  return new CertkitError({ code: "INVALID_INPUT", provider: PROVIDER, message: `${PROVIDER}: ${message}` });
}
