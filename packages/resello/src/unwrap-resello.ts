import type {
  Certificate,
  CertificateListResponse,
  CertificateResponse,
  Plan,
  PlanListResponse,
  ValidationDetails,
  ValidationDetailsResponse,
} from "./generated/schema.js";

/**
 * The payload of a Resello answer that may come bare or inside the `{success, result}` envelope (Resello documents
 * neither, so the spec allows both). An array is a bare list; an object with a `result` field is the envelope and
 * gives its `result`; any other object is the bare item. Like every typed answer, it trusts the body to match the spec.
 *
 * Checking `"result" in data` by hand does not narrow these types (a bare `Certificate` may hold any field), which is
 * why this helper exists. The list envelope's paging fields (`total`, `limit`, `offset`) stay on `data`.
 *
 * @example
 * ```ts
 * const { data, error } = await resello.GET("/ssl-certificate/{id}", { params: { path: { id } } });
 * if (error) throw error;
 * const certificate = unwrapResello(data); // Certificate
 * ```
 */
// Most specific first: a list or validation answer would also fit the loose bare `Certificate`.
export function unwrapResello(data: PlanListResponse): Plan[];
export function unwrapResello(data: CertificateListResponse): Certificate[];
export function unwrapResello(data: CertificateResponse): Certificate;
export function unwrapResello(data: ValidationDetailsResponse): ValidationDetails;
export function unwrapResello(data: unknown): unknown {
  if (typeof data === "object" && data !== null && !Array.isArray(data) && "result" in data) return data.result;
  return data;
}
