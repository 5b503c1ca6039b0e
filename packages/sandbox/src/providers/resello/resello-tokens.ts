import { http, HttpResponse, type HttpHandler } from "msw";
import type { SandboxClock } from "../../clock.js";
import type { SandboxFaults } from "../../faults/sandbox-faults.js";
import { randomToken } from "../../random-ids.js";
import type { ReselloToken } from "./resello-state.js";

/** Where the simulated OpenID Connect token endpoint lives, under the simulator's base URL. */
export const RESELLO_TOKEN_PATH = "/oauth2/token";

/** Lifetime of an access token, in seconds (PROVIDERS.md: `expires_in` is 300). */
export const ACCESS_TOKEN_LIFETIME_S = 300;
/** Lifetime of a refresh token, in seconds (not documented: Keycloak's default SSO session idle time). */
export const REFRESH_TOKEN_LIFETIME_S = 1800;

/** The OpenID Connect client the token endpoint accepts. */
export interface ReselloOidcClient {
  clientId: string;
  clientSecret: string;
}

function oauthError(status: 400 | 401, error: string, description: string, headers?: Record<string, string>): Response {
  return HttpResponse.json(
    { error, error_description: description },
    { status, headers: { "cache-control": "no-store", ...headers } },
  );
}

/** The client id and secret of a token request: HTTP Basic (RFC 6749 §2.3.1) or, failing that, the form's fields. */
function clientOf(
  request: Request,
  form: URLSearchParams,
): { id: string | null; secret: string | null; basic: boolean } {
  const [scheme = "", encoded = ""] = (request.headers.get("authorization") ?? "").split(" ", 2);
  if (scheme.toLowerCase() === "basic") {
    try {
      const [id = "", secret = ""] = atob(encoded)
        .split(":", 2)
        .map((part) => decodeURIComponent(part.replace(/\+/g, " ")));
      return { id, secret, basic: true };
    } catch {
      return { id: null, secret: null, basic: true };
    }
  }
  return { id: form.get("client_id"), secret: form.get("client_secret"), basic: false };
}

/**
 * The simulated token endpoint and the tokens it gave out: client credentials (and refresh) grants for the one
 * configured client, tokens that expire in sandbox time, and a check the API's auth guard asks.
 */
export class ReselloTokenIssuer {
  readonly #clock: SandboxClock;
  readonly #client: ReselloOidcClient | undefined;
  #tokens: ReselloToken[] = [];

  /** @param client - the client to accept; without one every token request is refused with `invalid_client`. */
  constructor(clock: SandboxClock, client: ReselloOidcClient | undefined) {
    this.#clock = clock;
    this.#client = client;
  }

  /** The tokens given out that have not been forgotten, as JSON. */
  snapshot(): ReselloToken[] {
    return structuredClone(this.#tokens);
  }

  /** Replaces the tokens (from a checked snapshot). */
  restore(tokens: readonly ReselloToken[]): void {
    this.#tokens = structuredClone([...tokens]);
  }

  /** Whether `accessToken` was given out and has not expired (in sandbox time). */
  accepts(accessToken: string): boolean {
    const now = this.#clock.now().getTime();
    return this.#tokens.some((token) => token.accessToken === accessToken && Date.parse(token.expiresAt) > now);
  }

  /** The token endpoint at `url`, with faults applied as for the API's own routes (route `/oauth2/token`). */
  handler(url: string, options: { provider: "resello"; faults: SandboxFaults }): HttpHandler {
    return http.post(url, async ({ request }) => {
      const target = { provider: options.provider, method: "POST", route: RESELLO_TOKEN_PATH };
      const injected = await options.faults.apply(target, request.signal);
      if (injected) return injected;
      return this.#answer(request);
    });
  }

  async #answer(request: Request): Promise<Response> {
    if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      return oauthError(400, "invalid_request", "The request must be sent as application/x-www-form-urlencoded.");
    }
    const form = new URLSearchParams(await request.text());
    const client = clientOf(request, form);
    if (!this.#client || client.id !== this.#client.clientId || client.secret !== this.#client.clientSecret) {
      const challenge = client.basic ? { "www-authenticate": 'Basic realm="resello"' } : undefined;
      return oauthError(401, "invalid_client", "Invalid client or Invalid client credentials", challenge);
    }
    const grantType = form.get("grant_type");
    if (grantType === "client_credentials") return this.#grant(this.#client.clientId);
    if (grantType === "refresh_token") {
      const now = this.#clock.now().getTime();
      const presented = form.get("refresh_token");
      const clientId = this.#client.clientId;
      const found = this.#tokens.find(
        (token) =>
          token.refreshToken === presented && token.clientId === clientId && Date.parse(token.refreshExpiresAt) > now,
      );
      if (!found) return oauthError(400, "invalid_grant", "Invalid refresh token");
      // Refresh tokens are used once: the old pair goes, as with rotation.
      this.#tokens = this.#tokens.filter((token) => token !== found);
      return this.#grant(clientId);
    }
    if (grantType === null) return oauthError(400, "invalid_request", "Missing form parameter: grant_type");
    return oauthError(400, "unsupported_grant_type", "Unsupported grant_type");
  }

  #grant(clientId: string): Response {
    const now = this.#clock.now().getTime();
    // Tokens that can no longer be used or refreshed are forgotten, so state does not grow without end.
    this.#tokens = this.#tokens.filter((token) => Date.parse(token.refreshExpiresAt) > now);
    const token: ReselloToken = {
      clientId,
      accessToken: `sandbox-access-${randomToken()}`,
      expiresAt: new Date(now + ACCESS_TOKEN_LIFETIME_S * 1000).toISOString(),
      refreshToken: `sandbox-refresh-${randomToken()}`,
      refreshExpiresAt: new Date(now + REFRESH_TOKEN_LIFETIME_S * 1000).toISOString(),
    };
    this.#tokens.push(token);
    return HttpResponse.json(
      {
        access_token: token.accessToken,
        token_type: "Bearer",
        expires_in: ACCESS_TOKEN_LIFETIME_S,
        refresh_expires_in: REFRESH_TOKEN_LIFETIME_S,
        refresh_token: token.refreshToken,
      },
      { headers: { "cache-control": "no-store" } },
    );
  }
}
