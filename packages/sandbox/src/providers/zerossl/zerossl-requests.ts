import type { components } from "@certkit/zerossl";
import { parseCsr } from "../../ca/sandbox-ca.js";
import { zerosslError } from "./zerossl-views.js";
import type { ZerosslDraft } from "./zerossl-state.js";

/** ZeroSSL's error answer: its error body, sent with HTTP 200 as ZeroSSL does. */
export function refusal(code: number, type: string, details?: components["schemas"]["ApiError"]["details"]) {
  return { status: 200, body: zerosslError(code, type, details) } as const;
}

/** The answer to an id the account does not have. */
export const NOT_FOUND = refusal(2803, "certificate_not_found");

/** A POST body's fields, whether it came as JSON or as a form (ZeroSSL takes both). */
export async function readFields(
  json: () => Promise<unknown>,
  form: () => Promise<URLSearchParams | undefined>,
): Promise<Record<string, unknown>> {
  const fields = await form();
  if (fields !== undefined) return Object.fromEntries(fields);
  const body = await json();
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

const NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** SHA-256 of `text`, hexadecimal, upper case. */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/**
 * The names ZeroSSL issues for: without `strict_domains=1`, a single name also gets its `www.` or bare variant, as
 * ZeroSSL may add it (its example types such a pair as a one-name certificate).
 */
function issuedNames(names: string[], strict: unknown): string[] {
  const [name] = names;
  if (String(strict) === "1" || names.length !== 1 || name === undefined || name.startsWith("*.")) return names;
  const variant = name.startsWith("www.") ? name.slice(4) : `www.${name}`;
  return NAME.test(variant) ? [name, variant] : names;
}

/**
 * Reads `POST /certificates` as ZeroSSL checks it: names (comma-separated, the first the CSR's CN, no wildcard in a
 * multi-name certificate, no repeats), a CSR that parses and names the common name, a validity of 90 or 365 days.
 * Returns `{ draft }` (its names widened as {@link issuedNames} says), or ZeroSSL's error answer.
 */
export async function readCreate(
  fields: Record<string, unknown>,
): Promise<{ draft: ZerosslDraft } | ReturnType<typeof refusal>> {
  const {
    certificate_domains: domains,
    certificate_csr: csr,
    certificate_validity_days: days = 90,
    strict_domains: strict,
  } = fields;
  if (typeof domains !== "string" || domains.trim() === "") return refusal(2812, "missing_certificate_domains");
  const names = domains.split(",").map((name) => name.trim().toLowerCase());
  if (names.some((name) => !NAME.test(name))) return refusal(2808, "invalid_certificate_domain");
  if (new Set(names).size !== names.length) return refusal(2811, "duplicate_domains_in_array");
  if (names.length > 1 && names.some((name) => name.startsWith("*.")))
    return refusal(2809, "wildcard_domains_not_allowed_in_multidomain_certificate");
  if (names.length > 100) return refusal(2808, "invalid_certificate_domain");
  const validityDays = Number(days);
  if (validityDays !== 90 && validityDays !== 365) return refusal(2807, "invalid_certificate_validity");
  if (typeof csr !== "string" || csr.trim() === "") return refusal(2819, "missing_certificate_csr");
  const parsed = await parseCsr(csr);
  if ("problem" in parsed) return refusal(2818, "invalid_certificate_csr");
  if (!parsed.names.some((name) => name.toLowerCase() === names[0])) return refusal(2836, "csr_cn_is_invalid");
  return {
    draft: {
      names: issuedNames(names, strict),
      validityDays,
      publicKey: parsed.publicKey,
      csrHash: await sha256(csr.trim()),
    },
  };
}

/** The page and limit of `GET /certificates` (1 and 100 when not given), or `undefined` when not whole numbers ≥ 1. */
export function readPage(query: URLSearchParams): { page: number; limit: number } | undefined {
  const page = Number(query.get("page") ?? 1);
  const limit = Number(query.get("limit") ?? 100);
  return Number.isInteger(page) && page >= 1 && Number.isInteger(limit) && limit >= 1 && limit <= 100
    ? { page, limit }
    : undefined;
}
