import { CertkitError } from "./certkit-error.js";

// Control characters and whitespace would split or corrupt an HTTP header.
const UNSAFE_IN_HEADER = /[\s\p{Cc}]/u;

/** `INVALID_INPUT` for an option of `provider`'s client, naming the option, never its value. */
export function invalidOption(provider: string, message: string): CertkitError {
  return new CertkitError({ code: "INVALID_INPUT", provider, message: `${provider}: ${message}` });
}

/**
 * Checks a credential given to a client factory, and throws `INVALID_INPUT` naming the option (never its value)
 * when it is missing, empty or holds whitespace or control characters.
 */
export function assertCredential(provider: string, option: string, value: unknown): asserts value is string {
  if (typeof value !== "string" || value.length === 0) {
    throw invalidOption(provider, `option "${option}" is required and must be a non-empty string`);
  }
  if (UNSAFE_IN_HEADER.test(value)) {
    throw invalidOption(provider, `option "${option}" must not contain whitespace or control characters`);
  }
}

/** Whether a host is this machine: plain http to it never crosses a network. */
function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname === "[::1]" ||
    /^127(\.\d{1,3}){3}$/.test(hostname)
  );
}

/**
 * Checks a URL credentials are sent to (`baseUrl`, `tokenUrl`): absolute, without credentials, query or fragment,
 * and https, except for a loopback host or when the caller opted in with `allowInsecureHttp`.
 * Returns it without a trailing slash.
 */
export function checkServerUrl(provider: string, option: string, value: unknown, allowInsecureHttp = false): string {
  let url: URL;
  try {
    if (typeof value !== "string") throw new TypeError("not a string");
    url = new URL(value);
  } catch {
    throw invalidOption(provider, `option "${option}" must be an absolute https URL`);
  }
  if (
    url.protocol !== "https:" &&
    (url.protocol !== "http:" || !(allowInsecureHttp === true || isLoopback(url.hostname)))
  ) {
    throw invalidOption(
      provider,
      `option "${option}" must use https, not ${url.protocol} (http only for a loopback host, or with allowInsecureHttp: true)`,
    );
  }
  if (url.username || url.password) {
    throw invalidOption(provider, `option "${option}" must not hold credentials; pass them as options`);
  }
  if (url.search || url.hash) {
    throw invalidOption(provider, `option "${option}" must not have a query or fragment`);
  }
  return url.href.replace(/\/+$/, "");
}

/** Checks a `userAgent` option: printable text that fits in one header. */
export function checkUserAgent(provider: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "" || /\p{Cc}/u.test(value)) {
    throw invalidOption(provider, `option "userAgent" must be printable text on one line`);
  }
  return value.trim();
}

/** Checks an optional function option (`fetch`, `onEvent`). */
export function checkFunction<T>(provider: string, option: string, value: T): T {
  if (value !== undefined && typeof value !== "function")
    throw invalidOption(provider, `option "${option}" must be a function`);
  return value;
}

/** Checks a count option: a whole number of at least 1, or `Infinity` where `infinite` allows it. */
export function checkCount(
  provider: string,
  option: string,
  value: unknown,
  fallback: number,
  infinite: boolean,
): number {
  if (value === undefined) return fallback;
  if ((infinite && value === Infinity) || (Number.isSafeInteger(value) && (value as number) >= 1))
    return value as number;
  throw invalidOption(
    provider,
    `option "${option}" must be a whole number of at least 1${infinite ? ", or Infinity" : ""}`,
  );
}
