import type { CertkitErrorCode, ProviderErrorDetails } from "@certkit/runtime";

/**
 * ZeroSSL's documented error types for a failure on its own side (specs/zerossl/FACTS.md §2.6):
 * `internal_server_error` and the `internal_error_*` and `failed_*` types. After one of them a write may have taken
 * effect (a certificate created, a draft cancelled) and a read may go better next time, so such an error sent with
 * HTTP 200 is given a server-failure status (see read-errors-in-200.ts), never a refusal's.
 */
export const SERVER_FAILURE_TYPES: ReadonlySet<string> = new Set([
  "internal_server_error", // 111, any call
  "internal_error_failed_processing_csr", // 2820, create
  "internal_error_failed_creating_certificate", // 2821, create
  "failed_showing_certificate", // 2822, verify
  "failed_validating_certificate", // 2823, verify
  "internal_error_while_valdating_domain_control", // 2826, verify (spelled so)
  "failed_cancelling_certificate", // 2834, cancel
  "failed_resending_email", // 2837, resend e-mail
  "failed_getting_validation_status", // 2838, e-mail status
]);

// ZeroSSL's error types whose meaning is sharper than the HTTP status they came with (often 200, see
// read-errors-in-200.ts). The rest keep the status's code.
const CODE_OF_TYPE: Readonly<Record<string, CertkitErrorCode>> = {
  invalid_access_key: "AUTH",
  missing_access_key: "AUTH",
  inactive_user: "AUTH",
  permission_denied: "NOT_FOUND",
  certificate_not_found: "NOT_FOUND",
  route_not_found: "NOT_FOUND",
  duplicate_certificates_found: "CONFLICT",
  conflict: "CONFLICT",
  certificate_limit_reached: "VALIDATION_FAILED",
  domain_control_validation_failed: "VALIDATION_FAILED",
  invalid_caa_records_detected: "VALIDATION_FAILED",
  ...Object.fromEntries([...SERVER_FAILURE_TYPES].map((type) => [type, "PROVIDER" as const])),
};

/**
 * Reads ZeroSSL's error body, `{success: false, error: {code, type, info?, details?}}`: `providerCode` is the `type`
 * slug (`certificate_not_found`), the message is `info` when sent, else the slug with its number. A slug with a sharper
 * meaning than the status (an invalid key, an unknown certificate) sets the `CertkitError` code. Anything else (an
 * HTML page from a proxy) yields no details and is kept as the raw body.
 */
export function describeZerosslError(body: unknown): ProviderErrorDetails {
  if (typeof body !== "object" || body === null) return {};
  const { error } = body as { error?: unknown };
  if (typeof error !== "object" || error === null) return {};
  const { code, type, info } = error as { code?: unknown; type?: unknown; info?: unknown };
  const slug = typeof type === "string" ? type : undefined;
  const number = typeof code === "number" || typeof code === "string" ? ` (${code})` : "";
  return {
    providerCode: slug,
    message: typeof info === "string" && info !== "" ? info : slug && `${slug}${number}`,
    code: slug === undefined ? undefined : CODE_OF_TYPE[slug],
  };
}
