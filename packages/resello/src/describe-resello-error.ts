import type { ProviderErrorDetails } from "@certkit/runtime";

// Nested field errors deeper than this are not followed: no real form nests further, and a hostile body could.
const MAX_FIELD_DEPTH = 4;

/**
 * Reads a Resello error body. Resello documents none, so every shape seen on the platform is accepted:
 * the envelope `{success: false, error: {code, message}}`, where `message` is text or, for a rejected request, an
 * object of messages per field (lists of strings, or of `{message, code}` objects, nested for nested fields);
 * `error` as a bare string; a bare `{code?, message}`; and `{errors: {field: [...]}}`. Field messages become
 * `fieldErrors` (nested fields as `parent.child`), which the error's message lists when no text came with them. Anything else (an
 * HTML page from a proxy, unknown JSON) yields no details and is kept as the raw body.
 */
export function describeReselloError(body: unknown): ProviderErrorDetails {
  if (!isRecord(body)) return {};
  const detail = isRecord(body.error) ? body.error : body;
  const text = nonEmptyString(detail.message) ?? nonEmptyString(body.error) ?? nonEmptyString(body.message);
  const fieldErrors = readFieldErrors(detail.message) ?? readFieldErrors(body.errors);
  return {
    providerCode: nonEmptyString(detail.code),
    message: text,
    fieldErrors,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** `{field: messages}` flattened to `{"field" | "parent.child": [message, ...]}`; `undefined` when nothing readable. */
function readFieldErrors(value: unknown): Record<string, string[]> | undefined {
  if (!isRecord(value)) return undefined;
  const fields: Record<string, string[]> = {};
  collect(value, "", 0, fields);
  return Object.keys(fields).length > 0 ? fields : undefined;
}

function collect(node: Record<string, unknown>, prefix: string, depth: number, into: Record<string, string[]>): void {
  for (const [key, value] of Object.entries(node)) {
    const field = prefix ? `${prefix}.${key}` : key;
    const messages = (Array.isArray(value) ? value : [value]).map(messageOf).filter((m) => m !== undefined);
    if (messages.length > 0) {
      into[field] = messages;
    } else if (isRecord(value) && depth < MAX_FIELD_DEPTH) {
      collect(value, field, depth + 1, into);
    }
  }
}

/** A message as text: a string, or the `message` of a `{message, code}` entry. */
function messageOf(entry: unknown): string | undefined {
  return nonEmptyString(entry) ?? (isRecord(entry) ? nonEmptyString(entry.message) : undefined);
}
