import type { ProviderErrorDetails } from "@certkit/runtime";

// SSLmarket says an error body holds "the type of error (string) and its description", but not under which names.
// These are the names APIs commonly use, tried first; the order of the body's string members is the fallback.
const TYPE_MEMBERS = new Set(["error", "type", "error_type", "errorType", "code", "error_code", "errorCode"]);
const MESSAGE_MEMBERS = new Set([
  "message",
  "description",
  "error_description",
  "detail",
  "msg",
  "error_message",
  "errorMessage",
]);
const FIELD_ERROR_MEMBERS = ["errors", "fields", "field_errors", "fieldErrors", "validation_errors", "violations"];
const FIELD_NAME_MEMBERS = ["field", "property", "name", "path", "param"];
// An error type is one token (`not_found`, `InvalidToken`, `1203`); text with spaces is a description.
const TYPE_LIKE = /^[\w.:-]{1,64}$/;

type Members = Record<string, unknown>;

/**
 * Reads an SSLmarket error body into its error type (`providerCode`), description (`message`) and per-field
 * messages (`fieldErrors`). The member names are not published, so any JSON object is read tolerantly: known names
 * first, then the first token-like string as the type and the first other string as the description. The type and
 * description may also sit in a nested `error` object. Anything else (an HTML page, text, a JSON array) yields no
 * details and is kept as the raw body.
 */
export function describeSslmarketError(body: unknown): ProviderErrorDetails {
  if (!isMembers(body)) return {};
  const source = isMembers(body.error) ? body.error : body;
  const strings = stringMembers(source);
  const type =
    strings.find(([name, value]) => TYPE_MEMBERS.has(name) && TYPE_LIKE.test(value)) ??
    strings.find(([name, value]) => !MESSAGE_MEMBERS.has(name) && TYPE_LIKE.test(value));
  const description =
    strings.find(([name]) => MESSAGE_MEMBERS.has(name)) ??
    strings.find((member) => member !== type && !TYPE_LIKE.test(member[1]));
  const fieldErrors = readFieldErrors(source) ?? (source === body ? undefined : readFieldErrors(body));
  return {
    providerCode: type?.[1],
    message: description?.[1] ?? generalMessages(source),
    fieldErrors,
  };
}

function isMembers(value: unknown): value is Members {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The non-empty string members in the body's order; a numeric error code counts as its digits. */
function stringMembers(source: Members): [string, string][] {
  const found: [string, string][] = [];
  for (const [name, value] of Object.entries(source)) {
    if (typeof value === "string" && value.trim() !== "") found.push([name, value.trim()]);
    else if (typeof value === "number" && Number.isInteger(value) && TYPE_MEMBERS.has(name))
      found.push([name, String(value)]);
  }
  return found;
}

/** Messages per field, from `{field: message | [messages]}` or `[{field, message}]` under a known member. */
function readFieldErrors(source: Members): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  for (const member of FIELD_ERROR_MEMBERS) {
    const value = source[member];
    if (isMembers(value)) {
      for (const [field, messages] of Object.entries(value)) add(out, field, messagesOf(messages));
    } else if (Array.isArray(value)) {
      for (const item of value) {
        if (!isMembers(item)) continue;
        const field = FIELD_NAME_MEMBERS.map((name) => item[name]).find((name) => typeof name === "string");
        if (typeof field === "string") add(out, field, messagesOf(item));
      }
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function add(out: Record<string, string[]>, field: string, messages: string[]): void {
  if (messages.length > 0) out[field] = [...(out[field] ?? []), ...messages];
}

/** The text of one field's error: a string, a list of strings, or an object with a description member. */
function messagesOf(value: unknown): string[] {
  if (typeof value === "string") return value.trim() === "" ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((item) => messagesOf(item));
  if (isMembers(value)) {
    const text = Object.entries(value).find(([name, item]) => MESSAGE_MEMBERS.has(name) && typeof item === "string");
    return text ? messagesOf(text[1]) : [];
  }
  return [];
}

/** A description made of general messages (`errors: ["...", "..."]`), when the body has no other. */
function generalMessages(source: Members): string | undefined {
  const errors = source.errors;
  if (!Array.isArray(errors)) return undefined;
  const texts = errors.filter((item): item is string => typeof item === "string" && item.trim() !== "");
  return texts.length > 0 ? texts.join("; ") : undefined;
}
