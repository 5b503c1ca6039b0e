import { CertkitError } from "@certkit/runtime";

const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

/**
 * Serializes a request body as the form fields v1 reads, with nested objects in brackets (Rails style):
 * `{certificate: {name: "www", contact_id: 1001}}` becomes `certificate[name]=www&certificate[contact_id]=1001`,
 * percent-encoded as URLSearchParams does (so a CSR's `+`, `/` and line breaks arrive intact). Arrays become
 * `field[]=a&field[]=b`; `undefined` and `null` fields are left out.
 *
 * Give it as a call's `bodySerializer`, together with `Content-Type: application/x-www-form-urlencoded` (without
 * that header openapi-fetch would label the body JSON, so the call is refused with `INVALID_INPUT`, unsent).
 * JSON, the default, carries the same `{certificate: {...}}` body and needs neither.
 *
 * @example
 * ```ts
 * await dnsimple.PUT("/domains/{domain}/certificates/{id}/submit", {
 *   params: { path: { domain: "example.com", id: 104 } },
 *   body: { certificate: { approver_email: "admin@example.com" } },
 *   headers: { "Content-Type": "application/x-www-form-urlencoded" },
 *   bodySerializer: encodeFormBody,
 * });
 * ```
 */
export function encodeFormBody(body: Readonly<Record<string, unknown>>, headers?: unknown): string {
  // openapi-fetch passes the call's merged headers as a second argument, though its types do not declare it.
  if (headers instanceof Headers && !isFormContentType(headers.get("content-type"))) {
    throw new CertkitError({
      code: "INVALID_INPUT",
      provider: "dnsimple-v1",
      message: `dnsimple-v1: encodeFormBody needs the call's header "Content-Type: ${FORM_CONTENT_TYPE}"`,
    });
  }
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) appendField(form, name, value);
  return form.toString();
}

function isFormContentType(value: string | null): boolean {
  return value?.split(";")[0]?.trim().toLowerCase() === FORM_CONTENT_TYPE;
}

/** Appends `value` under `name`; like JSON.stringify, it leaves out functions and symbols. */
function appendField(form: URLSearchParams, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) appendField(form, `${name}[]`, item);
  } else if (typeof value === "object") {
    for (const [key, item] of Object.entries(value)) appendField(form, `${name}[${key}]`, item);
  } else if (isPrimitive(value)) {
    form.append(name, String(value));
  }
}

function isPrimitive(value: unknown): value is string | number | boolean | bigint {
  return ["string", "number", "boolean", "bigint"].includes(typeof value);
}
