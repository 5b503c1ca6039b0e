import { readFieldErrors, type ProviderErrorDetails } from "@certkit/runtime";

/** The `providerCode` of a 401 that asks for a two-factor one-time code (`X-Dnsimple-OTP: required`). */
export const DNSIMPLE_OTP_REQUIRED = "OTP_REQUIRED";

/**
 * Reads a DNSimple error answer. The API answers `{message}`, and a `400` may add `errors: {field: [messages]}`, which
 * becomes `fieldErrors`. DNSimple sends no error code in its bodies; the one code it gives is a header, so a 401 with
 * `X-Dnsimple-OTP: required` gets `providerCode` {@link DNSIMPLE_OTP_REQUIRED}. Anything else (the edge's HTML page
 * on a 502, a string, JSON of another shape) yields no details and is kept as the raw body.
 */
export function describeDnsimpleError(body: unknown, status: number, headers: Headers): ProviderErrorDetails {
  const otpRequired = status === 401 && headers.get("x-dnsimple-otp")?.trim().toLowerCase() === "required";
  const providerCode = otpRequired ? DNSIMPLE_OTP_REQUIRED : undefined;
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { providerCode };
  const { message, errors } = body as { message?: unknown; errors?: unknown };
  return {
    providerCode,
    message: typeof message === "string" && message !== "" ? message : undefined,
    fieldErrors: readFieldErrors(errors),
  };
}
