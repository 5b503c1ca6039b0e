import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestFilter } from "./serve-handlers.js";

// What a bearer token may hold (RFC 6750's b64token), so it travels in a header unchanged.
const TOKEN_SYNTAX = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Throws a `TypeError` when `token` cannot be sent as `Authorization: Bearer <token>`. */
export function checkControlToken(token: string): void {
  if (!TOKEN_SYNTAX.test(token)) {
    throw new TypeError("the control token must be letters, digits and -._~+/ (a bearer token), without spaces");
  }
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Compares in constant time, so the answer's timing does not tell how much of a guess was right. */
function sameToken(presented: string, expected: Buffer): boolean {
  return timingSafeEqual(digest(presented), expected);
}

/**
 * Guards the control API (`applies` selects its paths): a request from a browser page (it carries an `Origin`)
 * other than the sandbox's own is refused, and with a `token` every request must carry `Authorization: Bearer
 * <token>`. The simulated APIs are not touched: they keep each provider's own authentication.
 */
export function controlAccessFilter(applies: (pathname: string) => boolean, token?: string): RequestFilter {
  if (token !== undefined) checkControlToken(token);
  const expected = token === undefined ? undefined : digest(token);
  return async (request, next) => {
    if (!applies(new URL(request.url).pathname)) return next(request);
    const origin = request.headers.get("origin");
    if (origin !== null && origin !== `http://${request.headers.get("host")}`) {
      return Response.json(
        { message: "the control API does not take requests from web pages of other origins" },
        { status: 403 },
      );
    }
    if (expected !== undefined) {
      const presented = /^Bearer (\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
      if (presented === undefined || !sameToken(presented, expected)) {
        return Response.json(
          { message: "the control API needs Authorization: Bearer <the token given to --control-token>" },
          { status: 401, headers: { "www-authenticate": 'Bearer realm="certkit-sandbox control API"' } },
        );
      }
    }
    return next(request);
  };
}
