import { CertkitError } from "./certkit-error.js";

// Control characters and whitespace would split or corrupt an HTTP header.
const UNSAFE_IN_HEADER = /[\s\p{Cc}]/u;

function invalid(provider: string, message: string): CertkitError {
  return new CertkitError({ code: "INVALID_INPUT", provider, message });
}

/**
 * Checks a credential given to a client factory, and throws `INVALID_INPUT` naming the option (never its value)
 * when it is missing, empty or holds whitespace or control characters.
 */
export function assertCredential(provider: string, option: string, value: unknown): asserts value is string {
  if (typeof value !== "string" || value.length === 0) {
    throw invalid(provider, `${provider}: option "${option}" is required and must be a non-empty string`);
  }
  if (UNSAFE_IN_HEADER.test(value)) {
    throw invalid(provider, `${provider}: option "${option}" must not contain whitespace or control characters`);
  }
}

/**
 * Checks a `baseUrl` option: an absolute http(s) URL without credentials, query or fragment.
 * Returns it without a trailing slash.
 */
export function checkBaseUrl(provider: string, value: unknown): string {
  let url: URL;
  try {
    if (typeof value !== "string") throw new TypeError("not a string");
    url = new URL(value);
  } catch {
    throw invalid(provider, `${provider}: option "baseUrl" must be an absolute http(s) URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid(provider, `${provider}: option "baseUrl" must use http or https, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw invalid(provider, `${provider}: option "baseUrl" must not hold credentials; pass them as options`);
  }
  if (url.search || url.hash) {
    throw invalid(provider, `${provider}: option "baseUrl" must not have a query or fragment`);
  }
  return url.href.replace(/\/+$/, "");
}

/** Checks a `userAgent` option: printable text that fits in one header. */
export function checkUserAgent(provider: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "" || /\p{Cc}/u.test(value)) {
    throw invalid(provider, `${provider}: option "userAgent" must be printable text on one line`);
  }
  return value.trim();
}
