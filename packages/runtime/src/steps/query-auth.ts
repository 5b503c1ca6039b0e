import { BuiltRequest } from "../built-request.js";
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
 * The step of credentials carried in the query string (ZeroSSL's `access_key`): sets `parameters` on every try,
 * replacing any of the same name the caller's params put there, and keeps the rest of the query byte for byte. It is
 * below openapi-fetch's middleware, which never sees the key. A provider package gives it as its config's
 * `auth.step`, and lists the values in `auth.secrets` so that no URL shown anywhere holds them.
 */
export function queryAuthStep(parameters: Readonly<Record<string, string>>): Step {
  const added = Object.entries(parameters).map(
    ([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
  );
  return (next) => (request, call) => {
    const [base = "", query = ""] = request.url.split(/\?(.*)/s);
    const kept = query.split("&").filter((part) => part !== "" && !Object.hasOwn(parameters, parameterName(part)));
    const url = `${base}?${[...kept, ...added].join("&")}`;
    const { method, headers, body, redirect } = request;
    // A light request stays one, with every setting it was built with.
    if (request instanceof BuiltRequest)
      return next(new BuiltRequest(url, { ...request.init, method, headers, body }), call);
    // `duplex` is what fetch asks for to send a streamed body; TypeScript's RequestInit does not know it yet.
    const init = { method, headers, body, redirect, duplex: "half" } as RequestInit;
    return next(new Request(url, init), call);
  };
}
