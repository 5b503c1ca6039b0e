import type { HttpPolicyOptions } from "./api-client.js";
import type { FetchLike } from "./transport.js";

/**
 * The options every provider client takes besides its credentials: where to send requests, with what, under which
 * name, and the network policy ({@link HttpPolicyOptions}). A provider's options interface extends this.
 */
export interface ProviderClientOptions extends HttpPolicyOptions {
  /** Another server: the provider's test environment, a proxy, or the certkit sandbox. Default: its production server. */
  baseUrl?: string | undefined;
  /** The fetch to send requests with. Default: the global `fetch`, looked up at each call. */
  fetch?: FetchLike | undefined;
  /** Your application's product token, sent in `User-Agent` before the package's own name and version. */
  userAgent?: string | undefined;
}

/**
 * Picks the {@link ProviderClientOptions} out of a provider's options (leaving its credentials behind), for
 * `createApiClient`. Provider packages spread it, then set `baseUrl` with their own default.
 */
export function sharedClientOptions(options: ProviderClientOptions): ProviderClientOptions {
  const { baseUrl, fetch, userAgent, timeoutMs, retry, maxConcurrency, onEvent } = options;
  return { baseUrl, fetch, userAgent, timeoutMs, retry, maxConcurrency, onEvent };
}

/**
 * The `Authorization` value of HTTP Basic authentication (RFC 7617): base64 of the UTF-8 bytes of `user:password`,
 * made with `btoa` so that it runs outside Node too. The user must not contain `:` (the caller checks it, naming
 * its own option).
 */
export function basicAuthorization(user: string, password: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(`${user}:${password}`)) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
