import type { ProviderErrorDetails } from "@certkit/runtime";

/**
 * Reads a DNSimple API v1 error body. v1 has no error codes and three body shapes, not documented per call:
 * `{message}` (most errors), `{error}` (older not-found answers) and `{errors: {field: [problem]}}` (validation,
 * sometimes with a `message`). Field problems become `fieldErrors`, and also the message when no text came with
 * them. A 406 with a body is v1's "already exists" answer to a purchase, so it reads as `CONFLICT`. Anything else
 * (an HTML page from the edge, unknown JSON) yields no details and is kept as the raw body.
 */
export function describeDnsimpleV1Error(body: unknown, status: number): ProviderErrorDetails {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return {};
  const { message, error, errors } = body as { message?: unknown; error?: unknown; errors?: unknown };
  const fieldErrors = readFieldErrors(errors);
  const text = nonEmptyString(message) ?? nonEmptyString(error) ?? (fieldErrors && summarize(fieldErrors));
  return {
    message: text,
    fieldErrors,
    code: status === 406 ? "CONFLICT" : undefined,
  };
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** `{field: [problem, ...]}`, keeping only string problems; a lone string is taken as a list of one. */
function readFieldErrors(errors: unknown): Record<string, string[]> | undefined {
  if (typeof errors !== "object" || errors === null || Array.isArray(errors)) return undefined;
  const fields: Record<string, string[]> = {};
  for (const [field, problems] of Object.entries(errors)) {
    const list = (Array.isArray(problems) ? problems : [problems]).filter((p): p is string => typeof p === "string");
    if (list.length > 0) fields[field] = list;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

function summarize(fieldErrors: Record<string, string[]>): string {
  return Object.entries(fieldErrors)
    .map(([field, problems]) => `${field} ${problems.join(", ")}`)
    .join("; ");
}
