import type { Step } from "../call.js";

/** The name of a `name=value` query parameter, decoded as a server would read it. */
function parameterName(part: string): string {
  const name = part.split("=", 1)[0] ?? "";
  try {
    return decodeURIComponent(name.replace(/\+/g, " "));
  } catch {
    return name;
  }
}

/**
 * `request` with `credentials` as its query parameters, replacing any of the same name the caller's params put
 * there. The rest of the query is kept byte for byte.
 */
function withQuery(request: Request, credentials: Readonly<Record<string, string>>): Request {
  const [base = "", query = ""] = request.url.split(/\?(.*)/s);
  const kept = query.split("&").filter((part) => part !== "" && !Object.hasOwn(credentials, parameterName(part)));
  for (const [name, value] of Object.entries(credentials)) kept.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  const { method, headers, body, redirect } = request;
  // `duplex` is what fetch asks for to send a streamed body; TypeScript's RequestInit does not know it yet.
  return new Request(`${base}?${kept.join("&")}`, { method, headers, body, redirect, duplex: "half" } as RequestInit);
}

/**
 * Authenticates each try with what may change between them: credentials in the query string (set on every try,
 * never taken from the caller's params) and `auth.dynamic` headers (an access token, asked for before every try; a
 * 401 tells it to drop what it cached). Fixed headers need no step: they are the client's headers. The secrets
 * learnt here are added to the client's redaction before the try is sent.
 */
export const authStep: Step = (next, client) => {
  const { dynamicAuth, queryAuth, redactor } = client;
  if (!dynamicAuth && !queryAuth) return next;
  return async (request, call) => {
    const authorized = queryAuth ? withQuery(request, queryAuth) : request;
    if (dynamicAuth) {
      const given = await dynamicAuth.headers(call.signal);
      redactor.add(given.secrets);
      // Set on each try, so that a retry after a refresh carries the new token.
      for (const [name, value] of Object.entries(given.headers)) authorized.headers.set(name, value);
    }
    const response = await next(authorized, call);
    if (response.status === 401) dynamicAuth?.invalidate?.();
    return response;
  };
};
