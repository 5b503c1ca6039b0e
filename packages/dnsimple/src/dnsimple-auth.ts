import { assertCredential, basicAuthorization, CertkitError } from "@certkit/runtime";

const PROVIDER = "dnsimple";

/** The credential options of a DNSimple client, as the caller gave them (not yet checked). */
interface CredentialOptions {
  token?: unknown;
  email?: unknown;
  password?: unknown;
  otp?: unknown;
}

/** The headers that authenticate every request, and the secret values in them. */
export interface DnsimpleAuth {
  headers: Record<string, string>;
  secrets: string[];
}

function invalid(message: string): CertkitError {
  return new CertkitError({ code: "INVALID_INPUT", provider: PROVIDER, message: `${PROVIDER}: ${message}` });
}

/**
 * Checks the credential options and turns them into headers: `Authorization: Bearer <token>`, or
 * `Authorization: Basic <base64(email:password)>`, plus `X-Dnsimple-OTP` when a one-time code is given.
 *
 * @throws CertkitError `INVALID_INPUT` naming the option (never its value) when a credential is missing, malformed,
 * or when both a token and an email/password pair are given.
 */
export function resolveDnsimpleAuth(options: CredentialOptions | undefined): DnsimpleAuth {
  const { token, email, password, otp } = options ?? {};
  const basic = email !== undefined || password !== undefined;
  if (token !== undefined && basic) {
    throw invalid(`give either option "token" or options "email" and "password", not both`);
  }
  const auth = basic ? basicAuth(email, password) : bearerAuth(token);
  if (otp !== undefined) {
    assertCredential(PROVIDER, "otp", otp);
    auth.headers["X-Dnsimple-OTP"] = otp;
    // A one-time code expires within minutes, but it is still a credential: keep it out of errors and logs.
    auth.secrets.push(otp);
  }
  return auth;
}

function bearerAuth(token: unknown): DnsimpleAuth {
  assertCredential(PROVIDER, "token", token);
  return { headers: { Authorization: `Bearer ${token}` }, secrets: [token] };
}

function basicAuth(email: unknown, password: unknown): DnsimpleAuth {
  assertCredential(PROVIDER, "email", email);
  // Basic authentication separates the user from the password with the first colon.
  if (email.includes(":")) throw invalid(`option "email" must not contain ":"`);
  // Not assertCredential: a password may hold spaces, and it travels base64-encoded, so no character can break the header.
  if (typeof password !== "string" || password.length === 0) {
    throw invalid(`option "password" is required with "email" and must be a non-empty string`);
  }
  const authorization = basicAuthorization(email, password);
  return { headers: { Authorization: authorization }, secrets: [password, authorization.slice("Basic ".length)] };
}
