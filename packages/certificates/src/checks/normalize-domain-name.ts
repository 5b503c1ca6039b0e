/** What is wrong with a domain name, or the name in the form CAs take: ASCII (punycode), lower case, no final dot. */
export type DomainNameCheck = { ok: true; name: string } | { ok: false; problem: string };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_NAME_LENGTH = 253;
// Longer input cannot become a name of 253 characters: checked first, so a huge string costs nothing to refuse.
const MAX_INPUT_LENGTH = 4 * MAX_NAME_LENGTH;
// Control, formatting and default-ignorable characters (NUL, tab, soft hyphen, zero-width joiners, variation
// selectors, the combining grapheme joiner, Hangul fillers, ...): IDNA mapping deletes the ignorable ones and the URL
// parser drops or keeps the others silently, so a name holding one would be sent as another name. Together these
// classes hold every character that the mapping deletes.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
// The full stops IDNA maps to ".": full-width, ideographic and half-width ideographic. A final one is a final dot.
const FINAL_DOT = /[.\u3002\uFF0E\uFF61]$/;

/**
 * Checks a certificate name as CAs do: DNS labels of letters, digits and inner hyphens, 1 to 63 characters each, at
 * least two labels, at most 253 characters in all, a wildcard only as the whole leftmost label. Unicode names are
 * turned into punycode (IDNA) with the WHATWG URL parser, which every runtime has. A name is refused, never
 * rewritten into another one, when it is percent-encoded (`%65xample.com`) or holds a control, formatting or
 * invisible character (NUL, tab, soft hyphen, zero-width characters, variation selectors, Hangul fillers): IDNA would
 * delete it. A final dot may be any that IDNA reads as one (`.`, `。`, `．`, `｡`). Linear in the input's length.
 */
export function normalizeDomainName(input: unknown): DomainNameCheck {
  if (typeof input !== "string" || input.trim() === "") return { ok: false, problem: "must be a domain name" };
  if (input.length > MAX_INPUT_LENGTH) return { ok: false, problem: `is longer than ${MAX_NAME_LENGTH} characters` };
  if (INVISIBLE.test(input))
    return {
      ok: false,
      problem: "holds a control or invisible character (NUL, tab, newline, soft hyphen, zero-width space...)",
    };
  if (input !== input.trim()) return { ok: false, problem: "must not start or end with spaces" };
  if (input.includes("%"))
    return { ok: false, problem: "holds a percent sign: give the name itself, not URL-encoded (%65 is not e)" };
  const wildcard = input.startsWith("*.");
  const base = (wildcard ? input.slice(2) : input).replace(FINAL_DOT, "");
  if (base.includes("*"))
    return { ok: false, problem: "may hold a wildcard only as its whole leftmost label (*.example.com)" };
  if (/[/:?#@\\\s]/.test(base))
    return { ok: false, problem: "must be a bare domain name, without scheme, port, path or spaces" };
  let ascii: string;
  try {
    ascii = new URL(`http://${base}`).hostname;
  } catch {
    return { ok: false, problem: "is not a valid domain name" };
  }
  if (/^[\d.]+$/.test(ascii) || ascii.startsWith("["))
    return { ok: false, problem: "must be a domain name, not an IP address" };
  const labels = ascii.split(".");
  if (labels.length < 2) return { ok: false, problem: "must have at least two labels (example.com)" };
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined) {
    return {
      ok: false,
      problem:
        bad.length === 0
          ? "has an empty label"
          : bad.length > 63
            ? `has a label longer than 63 characters (${bad.slice(0, 20)}…)`
            : `has a label that is not letters, digits and inner hyphens: "${bad}"`,
    };
  }
  if (/^\d+$/.test(labels.at(-1)!)) return { ok: false, problem: "must not end in an all-numeric label" };
  const name = wildcard ? `*.${ascii}` : ascii;
  if (name.length > MAX_NAME_LENGTH) return { ok: false, problem: `is longer than ${MAX_NAME_LENGTH} characters` };
  return { ok: true, name };
}
