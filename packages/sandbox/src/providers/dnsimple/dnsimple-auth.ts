/** The credentials a simulated DNSimple account accepts. */
export interface DnsimpleCredentialOptions {
  /** The account API token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The user's email for HTTP Basic authentication; Basic is refused when not set. */
  email?: string | undefined;
  password?: string | undefined;
  /** When set, a Basic request must also carry `X-Dnsimple-OTP: <otp>` (two-factor authentication). */
  otp?: string | undefined;
}

/**
 * Who sent a request: the account (a token), the user (email and password), a user who still owes the two-factor
 * one-time code, or nobody the account knows.
 */
export type DnsimpleCaller = "account" | "user" | "otp-required" | "refused";

function decodeBasic(encoded: string): { user: string; password: string } | undefined {
  try {
    const bytes = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0));
    const decoded = new TextDecoder().decode(bytes);
    const colon = decoded.indexOf(":");
    return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  } catch {
    return undefined;
  }
}

/** Reads the `Authorization` (and `X-Dnsimple-OTP`) headers as DNSimple does. */
export function identifyCaller(request: Request, options: DnsimpleCredentialOptions): DnsimpleCaller {
  const authorization = request.headers.get("authorization") ?? "";
  const [scheme = "", value = ""] = authorization.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === "bearer") return value === options.token ? "account" : "refused";
  if (scheme.toLowerCase() !== "basic" || options.email === undefined || options.password === undefined)
    return "refused";
  const credentials = decodeBasic(value);
  if (credentials?.user !== options.email || credentials.password !== options.password) return "refused";
  if (options.otp !== undefined && request.headers.get("x-dnsimple-otp") !== options.otp) return "otp-required";
  return "user";
}
