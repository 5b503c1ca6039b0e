import type { RequestFilter } from "./serve-handlers.js";

// What the clients read from answers besides the CORS-safelisted headers: rate limits, Retry-After, request ids,
// DNSimple's 2FA prompt, and where a created thing is.
const EXPOSED_HEADERS = [
  "Retry-After",
  "X-RateLimit-Limit",
  "X-RateLimit-Remaining",
  "X-RateLimit-Reset",
  "RateLimit-Limit",
  "RateLimit-Remaining",
  "RateLimit-Reset",
  "X-Request-Id",
  "Request-Id",
  "X-Correlation-Id",
  "X-Dnsimple-Otp",
  "Location",
  "Content-Disposition",
].join(", ");
const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
// How long a browser may reuse a preflight's answer.
const PREFLIGHT_MAX_AGE_SECONDS = "600";
const LOOPBACK_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether a browser origin may call the simulated APIs. */
export type OriginCheck = (origin: string) => boolean;

function isLoopbackOrigin(origin: URL): boolean {
  return LOOPBACK_HOSTNAMES.has(origin.hostname) || origin.hostname.endsWith(".localhost");
}

/** The origin `value` names (`http://localhost:5173/` → `http://localhost:5173`), if it is only an http(s) origin. */
function originOf(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const { protocol, username, password, pathname, search, hash, origin } = new URL(value);
  const bare = username === "" && password === "" && pathname === "/" && search === "" && hash === "";
  return bare && (protocol === "http:" || protocol === "https:") ? origin : undefined;
}

/**
 * The origins `--cors` lets in: each an origin as a browser sends it (`http://localhost:5173`), or `*` for every page
 * served from this machine (localhost, its subdomains, 127.0.0.1, [::1], any port). Throws a `TypeError` naming a
 * value that is not an http(s) origin (one with a path, a query or credentials, or another scheme).
 */
export function corsOrigins(values: readonly string[]): OriginCheck {
  const exact = new Set<string>();
  let loopback = false;
  for (const value of values) {
    if (value === "*") {
      loopback = true;
      continue;
    }
    const origin = originOf(value);
    if (origin === undefined) {
      throw new TypeError(
        `"${value}" is not an origin: write it as scheme://host[:port], e.g. http://localhost:5173, or * for any page on this machine`,
      );
    }
    exact.add(origin);
  }
  return (origin) =>
    exact.has(origin) || (loopback && originOf(origin) === origin && isLoopbackOrigin(new URL(origin)));
}

/**
 * Cross-origin access for browser pages, on the requests `applies` selects (the simulated APIs): answers the
 * preflight of an allowed origin, and lets its pages read the answers, including the headers clients read. An origin
 * that is not allowed gets no CORS headers, so its browser keeps the answer from the page.
 */
export function corsFilter(allowed: OriginCheck, applies: (pathname: string) => boolean): RequestFilter {
  return async (request, next) => {
    const origin = request.headers.get("origin");
    if (origin === null || !applies(new URL(request.url).pathname)) return next(request);
    const permitted = allowed(origin);
    const preflight = request.method === "OPTIONS" && request.headers.has("access-control-request-method");
    if (preflight) {
      if (!permitted) {
        return Response.json(
          { message: `the sandbox does not allow pages of ${origin}: start it with --cors ${origin}` },
          { status: 403, headers: { vary: "Origin" } },
        );
      }
      return new Response(null, {
        status: 204,
        headers: {
          "access-control-allow-origin": origin,
          "access-control-allow-methods": ALLOWED_METHODS,
          "access-control-allow-headers": request.headers.get("access-control-request-headers") ?? "",
          "access-control-max-age": PREFLIGHT_MAX_AGE_SECONDS,
          vary: "Origin, Access-Control-Request-Headers",
        },
      });
    }
    const response = await next(request);
    if (!permitted || response.type === "error") return response;
    // A handler's Response may have immutable headers; copy it to add ours.
    const headers = new Headers(response.headers);
    headers.set("access-control-allow-origin", origin);
    headers.set("access-control-expose-headers", EXPOSED_HEADERS);
    headers.append("vary", "Origin");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
