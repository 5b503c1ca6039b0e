import { readFieldErrors, type ProviderErrorDetails } from "@certkit/runtime";

/**
 * Reads a DNSimple API v1 error body. v1 has no error codes and three body shapes, not documented per call:
 * `{message}` (most errors), `{error}` (older not-found answers) and `{errors: {field: [problem]}}` (validation,
 * sometimes with a `message`). Field problems become `fieldErrors`, which the error's message lists when no text
 * came with them. A 406 with a body is v1's "already exists" answer to a purchase, so it reads as `CONFLICT`.
 * Anything else (an HTML page from the edge, unknown JSON) yields no details and is kept as the raw body.
 */
export function describeDnsimpleV1Error(body: unknown, status: number): ProviderErrorDetails {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return {};
  const { message, error, errors } = body as { message?: unknown; error?: unknown; errors?: unknown };
  return {
    message: nonEmptyString(message) ?? nonEmptyString(error),
    fieldErrors: readFieldErrors(errors),
    code: status === 406 ? "CONFLICT" : undefined,
  };
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}
