import type { HttpPolicyOptions } from "./api-client.js";
import type { FetchLike, Transport } from "./call.js";

/**
 * The options every provider client takes besides its credentials: where to send requests, with what, under which
 * name, and the network policy ({@link HttpPolicyOptions}). A provider's options interface extends this.
 */
export interface ProviderClientOptions extends HttpPolicyOptions {
  /**
   * Another server: the provider's test environment, a proxy, or the certkit sandbox. Default: its production
   * server. It must be https, except for a loopback host (`localhost`, `127.0.0.1`, `[::1]`).
   */
  baseUrl?: string | undefined;
  /** Lets `baseUrl` be plain http to another host, which sends the credentials unencrypted. Default `false`. */
  allowInsecureHttp?: boolean | undefined;
  /** The fetch to send requests with. Default: the global `fetch`, looked up at each call. */
  fetch?: FetchLike | undefined;
  /**
   * What sends requests instead of `fetch`: in Node, `undiciTransport()` from `@certkit/runtime/undici` sends on
   * undici's Dispatcher API, for a fraction of fetch's cost per call. Not with `fetch`.
   */
  transport?: Transport | undefined;
  /** Your application's product token, sent in `User-Agent` before the package's own name and version. */
  userAgent?: string | undefined;
}

/**
 * Picks the {@link ProviderClientOptions} out of a provider's options (leaving its credentials behind), for
 * `createApiClient`. Provider packages spread it, then set `baseUrl` with their own default.
 */
export function sharedClientOptions(options: ProviderClientOptions): ProviderClientOptions {
  const {
    baseUrl,
    allowInsecureHttp,
    fetch,
    transport,
    userAgent,
    timeoutMs,
    retry,
    maxConcurrency,
    onEvent,
    maxResponseBytes,
  } = options;
  return {
    baseUrl,
    allowInsecureHttp,
    fetch,
    transport,
    userAgent,
    timeoutMs,
    retry,
    maxConcurrency,
    onEvent,
    maxResponseBytes,
  };
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
