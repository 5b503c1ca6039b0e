// openapi-fetch constrains its generics with `any`; these types repeat its constraints so they stay assignable.
/* eslint-disable @typescript-eslint/no-explicit-any */
import createClient, { type FetchResponse, type MaybeOptionalInit, type Middleware } from "openapi-fetch";
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import { CertkitError } from "./certkit-error.js";
import { createHttpError, type DescribeProviderError } from "./http-error.js";
import { checkBaseUrl, checkUserAgent } from "./options.js";
import { createRedactor } from "./redact.js";
import { buildUserAgent } from "./user-agent.js";

/** A fetch implementation as openapi-fetch calls it: one `Request` in, one `Response` out. */
export type FetchLike = (request: Request) => Promise<Response>;

/**
 * The error half of a call's result: a {@link CertkitError} that always has the HTTP `status`, and whose `body`
 * is the provider's error body typed from the spec (or text, when the provider sent something else).
 */
export type HttpError<Body = unknown> = CertkitError<Body> & { readonly status: number };

type WithHttpError<Result> = Result extends { error: infer Body }
  ? { data?: never; error: HttpError<[Body] extends [never] ? unknown : Body>; response: Response }
  : Result;

/**
 * What every call resolves to: `{ data, response }` for a 2xx answer, `{ error, response }` otherwise, so `data`
 * can only be used after checking `error`. Transport failures (no answer at all) are thrown as {@link CertkitError}.
 */
export type ApiResult<Operation extends Record<string | number, any>, Init, Media extends MediaType = MediaType> = WithHttpError<
  FetchResponse<Operation, Init, Media>
>;

// openapi-fetch's rule for the optional/required `init` argument (not exported by it).
type InitParam<Init> = RequiredKeysOf<Init> extends never
  ? [(Init & Record<string, unknown>)?]
  : [Init & Record<string, unknown>];

/** One HTTP method of an {@link ApiClient}: a path of the spec, then the typed params and body for it. */
export type ApiMethod<Paths extends Record<string, any>, Method extends HttpMethod, Media extends MediaType = MediaType> = <
  Path extends PathsWithMethod<Paths, Method>,
  Init extends MaybeOptionalInit<Paths[Path], Method>,
>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<ApiResult<Paths[Path][Method], Init, Media>>;

/**
 * An openapi-fetch client whose errors are {@link CertkitError}s. Every path, parameter, body and answer is
 * typed from the provider's spec (`Paths`); middleware is added with `use` as in openapi-fetch.
 */
export interface ApiClient<Paths extends Record<string, any>, Media extends MediaType = MediaType> {
  GET: ApiMethod<Paths, "get", Media>;
  PUT: ApiMethod<Paths, "put", Media>;
  POST: ApiMethod<Paths, "post", Media>;
  DELETE: ApiMethod<Paths, "delete", Media>;
  PATCH: ApiMethod<Paths, "patch", Media>;
  HEAD: ApiMethod<Paths, "head", Media>;
  OPTIONS: ApiMethod<Paths, "options", Media>;
  /** Adds openapi-fetch middleware (runs on every request and answer). */
  use(...middleware: Middleware[]): void;
  /** Removes middleware added with `use`. */
  eject(...middleware: Middleware[]): void;
}

/** How a provider package sets up its {@link ApiClient}. */
export interface ApiClientConfig {
  /** The package's provider name, carried by every error: `"ionos-ssl"`. */
  provider: string;
  /** Human name of the API, used at the start of error messages: `"IONOS SSL API"`. */
  apiName: string;
  /** npm name and version of the provider package, sent in `User-Agent`. */
  packageName: string;
  packageVersion: string;
  /** The API's base URL; checked, and used without a trailing slash. */
  baseUrl: string;
  /** The caller's own product token, sent before the package's in `User-Agent`. */
  userAgent?: string | undefined;
  /** Authentication headers, and the secret values in them, which never appear in an error. */
  auth: { headers: Record<string, string>; secrets: readonly string[] };
  /** The fetch to send requests with; defaults to the global `fetch`, looked up at each call. */
  fetch?: FetchLike | undefined;
  /** Reads the provider's error body into a provider code and message. */
  describeError?: DescribeProviderError | undefined;
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"] as const;

interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Creates an {@link ApiClient}: openapi-fetch with the given headers, and every non-2xx answer turned into a
 * redacted {@link HttpError}. Provider packages call this; applications call the provider's own factory.
 */
export function createApiClient<Paths extends Record<string, any>, Media extends MediaType = MediaType>(
  config: ApiClientConfig,
): ApiClient<Paths, Media> {
  const baseUrl = checkBaseUrl(config.provider, config.baseUrl);
  const userAgent = checkUserAgent(config.provider, config.userAgent);
  if (config.fetch !== undefined && typeof config.fetch !== "function") {
    throw new CertkitError({
      code: "INVALID_INPUT",
      provider: config.provider,
      message: `${config.provider}: option "fetch" must be a function`,
    });
  }
  const redactor = createRedactor(config.auth.secrets);
  // Looked up per call, so a fetch patched after the client was made (msw, instrumentation) is honoured.
  const send: FetchLike = config.fetch ?? ((request) => globalThis.fetch(request));
  const headers = {
    ...config.auth.headers,
    "User-Agent": buildUserAgent(config.packageName, config.packageVersion, userAgent),
  };
  const inner = createClient<Paths, Media>({ baseUrl, fetch: send, headers });
  // The untyped door into openapi-fetch: the typed surface is ApiClient's, below.
  const request = (inner as unknown as { request: (method: string, path: string, init: unknown) => Promise<RawResult> })
    .request;

  const call = async (method: (typeof METHODS)[number], path: string, init: unknown) => {
    let result: RawResult;
    try {
      result = await request(method, path, init);
    } catch (error) {
      throw transportError(config, redactor.text, method, path, error);
    }
    if (result.response.ok) return result;
    const error = createHttpError({
      provider: config.provider,
      apiName: config.apiName,
      method,
      path,
      response: result.response,
      body: result.error,
      redactor,
      describe: config.describeError,
    });
    return { error, response: result.response };
  };

  const client = {
    use: (...middleware: Middleware[]) => inner.use(...middleware),
    eject: (...middleware: Middleware[]) => inner.eject(...middleware),
  } as Record<string, unknown>;
  for (const method of METHODS) client[method] = (path: string, init?: unknown) => call(method, path, init);
  return client as unknown as ApiClient<Paths, Media>;
}

function transportError(
  config: ApiClientConfig,
  redact: (text: string) => string,
  method: string,
  path: string,
  error: unknown,
): CertkitError {
  if (error instanceof CertkitError) return error;
  const name = error instanceof Error ? error.name : "Error";
  const detail = redact(error instanceof Error ? error.message : String(error));
  // A plain copy, so that nothing the original held (a request, a URL with credentials) travels with the error.
  const cause = Object.assign(new Error(detail), { name });
  const where = `${config.apiName}: ${method} ${path}`;
  if (name === "AbortError") {
    return new CertkitError({ code: "ABORTED", provider: config.provider, message: `${where} was aborted`, cause });
  }
  if (name === "TimeoutError") {
    return new CertkitError({ code: "TIMEOUT", provider: config.provider, message: `${where} timed out`, cause });
  }
  if (name === "SyntaxError") {
    return new CertkitError({
      code: "PROVIDER",
      provider: config.provider,
      message: `${where} answered with a body that is not valid JSON`,
      cause,
    });
  }
  const isRead = method === "GET" || method === "HEAD" || method === "OPTIONS";
  return new CertkitError({
    code: "NETWORK",
    provider: config.provider,
    message: isRead
      ? `${where} got no answer: ${detail}`
      : `${where} got no answer: ${detail}. The request may have reached the provider: check whether it took effect before sending it again`,
    retryable: isRead,
    cause,
  });
}
