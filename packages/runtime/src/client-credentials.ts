import { abortReason } from "./abort-reason.js";
import { CertkitError } from "./certkit-error.js";
import type { DynamicAuth } from "./dynamic-auth.js";
import { errorCodeForStatus, MAX_TEXT_BODY_LENGTH } from "./http-error.js";
import type { FetchLike } from "./call.js";
import { redirectTarget } from "./call-errors.js";
import { assertCredential, checkServerUrl, invalidOption } from "./options.js";
import { createRedactor } from "./redact.js";
import { checkTimeout, DEFAULT_TIMEOUT_MS } from "./retry-policy.js";
import { readBounded } from "./steps/read-body.js";
import { isRedirect } from "./steps/refuse-redirects.js";

/** Where and how to get access tokens with the OAuth 2.0 client credentials grant (RFC 6749 §4.4). */
export interface ClientCredentialsOptions {
  /** The package's provider name, carried by every error: `"resello"`. */
  provider: string;
  /** The token endpoint (OpenID Connect: `.../protocol/openid-connect/token`). */
  tokenUrl: string;
  clientId: string;
  /** Sent in the form body; it never appears in an error. */
  clientSecret: string;
  /** The scopes to ask for, space-separated, when the provider wants them. */
  scope?: string | undefined;
  /** The fetch to ask with. Default: the global `fetch`, looked up at each call. */
  fetch?: FetchLike | undefined;
  /** The limit on one token request, in ms. Default 30 000. */
  timeoutMs?: number | undefined;
  /** Lets `tokenUrl` use plain http to a host other than this machine, which sends the secret unencrypted. */
  allowInsecureHttp?: boolean | undefined;
}

/** A token endpoint's answer is a few hundred bytes; anything past this is not one. */
const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;
/**
 * The longest access token taken: it travels in a header, which servers commonly cap at 8 KiB, and the redactor
 * indexes every piece of it (each new token costs in proportion to its length).
 */
const MAX_TOKEN_LENGTH = 8192;

// How long before its expiry a token is replaced, at most: a request sent with it must still arrive in time.
const REFRESH_MARGIN_MS = 30_000;
// Used when the token endpoint leaves out `expires_in` (RFC 6749 makes it optional): short, to stay on the safe side.
const DEFAULT_LIFETIME_S = 60;

interface Token {
  value: string;
  refreshAt: number;
}

/**
 * Fetches and caches access tokens with the client credentials grant, for a client's `dynamicAuthStep`: one request at a
 * time however many calls need a token, a new token shortly before the old one expires (or after a 401), and
 * `Authorization: Bearer <token>` on every try. The client secret and every token are kept out of errors and events.
 *
 * @throws CertkitError `INVALID_INPUT` when an option is missing or malformed; nothing is sent.
 */
export function createClientCredentials(options: ClientCredentialsOptions, now: () => number = Date.now): DynamicAuth {
  const { provider } = options;
  const tokenUrl = checkServerUrl(provider, "tokenUrl", options.tokenUrl, options.allowInsecureHttp);
  assertCredential(provider, "clientId", options.clientId);
  if (typeof options.clientSecret !== "string" || options.clientSecret.length === 0) {
    throw invalidOption(provider, `option "clientSecret" is required and must be a non-empty string`);
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw invalidOption(provider, `option "fetch" must be a function`);
  }
  const timeoutMs = options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout(provider, options.timeoutMs);
  const redactor = createRedactor([options.clientSecret]);
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: options.clientId,
    client_secret: options.clientSecret,
    ...(options.scope ? { scope: options.scope } : {}),
  }).toString();

  let cached: Token | undefined;
  let pending: Promise<Token> | undefined;

  const requestToken = async (): Promise<Token> => {
    const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
    const where = `${provider}: the token endpoint`;
    let response: Response;
    let bytes: Uint8Array | undefined;
    try {
      response = await send(
        new Request(tokenUrl, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
          body: form,
          // The secret goes to this URL and nowhere else.
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
        }),
      );
      if (isRedirect(response)) throw redirected(provider, where, response, tokenUrl, redactor.text);
      bytes = await readBounded(response, MAX_TOKEN_RESPONSE_BYTES);
    } catch (error) {
      if (error instanceof CertkitError) throw error;
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      const detail = redactor.text(error instanceof Error ? error.message : String(error));
      throw new CertkitError({
        code: timedOut ? "TIMEOUT" : "NETWORK",
        provider,
        message: timedOut ? `${where} did not answer within ${timeoutMs} ms` : `${where} got no answer: ${detail}`,
        retryable: true,
      });
    }
    if (bytes === undefined) {
      throw new CertkitError({
        code: "PROVIDER",
        provider,
        message: `${where} answered with more than ${MAX_TOKEN_RESPONSE_BYTES} bytes`,
      });
    }
    const text = new TextDecoder().decode(bytes);
    const body = parseJson(text);
    if (!response.ok) throw refused(provider, where, response, body ?? text, redactor.value, redactor.text);
    const token = (body as { access_token?: unknown } | undefined)?.access_token;
    if (typeof token !== "string" || token === "") {
      throw new CertkitError({
        code: "PROVIDER",
        provider,
        message: `${where} answered HTTP ${response.status} without an access_token`,
      });
    }
    if (token.length > MAX_TOKEN_LENGTH) {
      throw new CertkitError({
        code: "PROVIDER",
        provider,
        message: `${where} answered with an access_token of ${token.length} characters, more than the ${MAX_TOKEN_LENGTH} a client takes`,
      });
    }
    redactor.add([token]);
    const expiresIn = (body as { expires_in?: unknown }).expires_in;
    const lifetimeMs = (typeof expiresIn === "number" && expiresIn > 0 ? expiresIn : DEFAULT_LIFETIME_S) * 1000;
    return { value: token, refreshAt: now() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2) };
  };

  const current = (): Promise<Token> => {
    if (cached && now() < cached.refreshAt) return Promise.resolve(cached);
    pending ??= requestToken()
      .then((token) => (cached = token))
      .finally(() => (pending = undefined));
    return pending;
  };

  return {
    async headers(signal) {
      const token = await untilAborted(current(), signal);
      return { headers: { Authorization: `Bearer ${token.value}` }, secrets: [token.value] };
    },
    invalidate() {
      cached = undefined;
    },
  };
}

/** A redirect from the token endpoint: never followed, so the secret went nowhere else and no foreign token is used. */
function redirected(
  provider: string,
  where: string,
  response: Response,
  tokenUrl: string,
  redact: (text: string) => string,
): CertkitError {
  void response.body?.cancel().catch(() => undefined);
  return new CertkitError({
    code: "PROVIDER",
    provider,
    message: `${where} answered with a redirect${response.status ? ` (HTTP ${response.status})` : ""} to ${redact(redirectTarget(response, tokenUrl))}, which is never followed: the client secret was sent nowhere else`,
    status: response.status || undefined,
  });
}

/** The token request's refusal: `AUTH` for bad client credentials, with the OAuth `error` code as `providerCode`. */
function refused(
  provider: string,
  where: string,
  response: Response,
  body: unknown,
  redactValue: <T>(value: T) => T,
  redactText: (text: string) => string,
): CertkitError {
  const { error, error_description: description } = (typeof body === "object" && body !== null ? body : {}) as {
    error?: unknown;
    error_description?: unknown;
  };
  const code = typeof error === "string" ? redactText(error) : undefined;
  return new CertkitError({
    code: errorCodeForStatus(response.status) === "VALIDATION_FAILED" ? "AUTH" : errorCodeForStatus(response.status),
    provider,
    message:
      `${where} refused the client credentials with HTTP ${response.status}` +
      (code ? ` (${code})` : "") +
      (typeof description === "string" ? `: ${redactText(description)}` : ""),
    retryable: response.status === 429 || response.status >= 500,
    status: response.status,
    providerCode: code,
    body: typeof body === "string" ? redactText(body).slice(0, MAX_TEXT_BODY_LENGTH) : redactValue(body),
  });
}

/** Waits for `promise`, or rejects with `ABORTED`-worthy reason when the caller's signal fires first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
