/**
 * The one certificate request in a CSR input, as DER bytes, or why the input is refused. Reads the text only (no
 * X.509 parsing): it runs before anything else looks at a CSR, and its messages never quote the input, which may hold
 * a private key.
 */
export type CsrInput = { ok: true; der: Uint8Array } | { ok: false; problem: string };

/** The labels a PKCS#10 request is armoured with: RFC 7468's, and the older one OpenSSL and Java tools still write. */
const CSR_LABELS: ReadonlySet<string> = new Set(["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"]);
// Any PEM private key (PKCS#8 plain or ENCRYPTED, RSA, EC, DSA, OpenSSH, PGP's "PRIVATE KEY BLOCK") has these words
// in its armour; a request's Base64 cannot hold a space, so they mean a key wherever they are.
const PRIVATE_KEY_ARMOR = /PRIVATE KEY/i;
const BEGIN = /^-----BEGIN ([A-Z0-9 ]{1,64})-----$/;
const END = /^-----END ([A-Z0-9 ]{1,64})-----$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** Far above any real CSR (a few kB even with hundreds of names): a bigger input is refused before it is read. */
export const MAX_CSR_INPUT_LENGTH = 256 * 1024;

const EXPECTED = "must be a PEM certificate signing request (-----BEGIN CERTIFICATE REQUEST-----)";
/** The message for an input holding a private key: what to do, never the key. */
export const PRIVATE_KEY_PROBLEM =
  "holds a private key: remove the PRIVATE KEY block and give the certificate request alone (the key never leaves your machine)";

/** The DER length a SEQUENCE's header announces, header included, or `undefined` when it is not a SEQUENCE. */
function sequenceLength(der: Uint8Array): number | undefined {
  if (der.length < 2 || der[0] !== 0x30) return undefined;
  const first = der[1]!;
  if (first < 0x80) return 2 + first;
  const size = first & 0x7f;
  if (size === 0 || size > 4 || der.length < 2 + size) return undefined;
  let length = 0;
  for (let index = 0; index < size; index += 1) length = length * 256 + der[2 + index]!;
  return 2 + size + length;
}

/**
 * Reads a CSR input: exactly one `CERTIFICATE REQUEST` (or `NEW CERTIFICATE REQUEST`) PEM block, with nothing but
 * white space around it. Anything holding a private key is refused with {@link PRIVATE_KEY_PROBLEM}; other blocks,
 * text outside the block, two requests, bad Base64 and bytes after the request's DER are refused too. Linear in the
 * input's length.
 */
export function readCsrInput(input: unknown): CsrInput {
  if (typeof input !== "string") return { ok: false, problem: EXPECTED };
  if (input.length > MAX_CSR_INPUT_LENGTH)
    return { ok: false, problem: `is longer than any CSR (${MAX_CSR_INPUT_LENGTH / 1024} KiB)` };
  if (PRIVATE_KEY_ARMOR.test(input)) return { ok: false, problem: PRIVATE_KEY_PROBLEM };
  const blocks: { label: string; body: string[] }[] = [];
  let open: { label: string; body: string[] } | undefined;
  for (const rawLine of input.split("\n")) {
    const line = rawLine.trim();
    if (open) {
      const end = END.exec(line);
      if (end) {
        if (end[1] !== open.label)
          return { ok: false, problem: `has a PEM block that begins as ${open.label} and ends as ${end[1]}` };
        blocks.push(open);
        open = undefined;
      } else if (line.startsWith("-----")) {
        return { ok: false, problem: "has a PEM block without its END line" };
      } else {
        open.body.push(line);
      }
      continue;
    }
    if (line === "") continue;
    const begin = BEGIN.exec(line);
    if (!begin)
      return {
        ok: false,
        problem: blocks.length === 0 ? EXPECTED : "holds text after its PEM block: give the certificate request alone",
      };
    open = { label: begin[1]!, body: [] };
  }
  if (open) return { ok: false, problem: "has a PEM block without its END line" };
  if (blocks.length === 0) return { ok: false, problem: EXPECTED };
  const other = blocks.find((block) => !CSR_LABELS.has(block.label));
  if (other) return { ok: false, problem: `holds a ${other.label} block: give the certificate request alone` };
  if (blocks.length > 1) return { ok: false, problem: `holds ${blocks.length} certificate requests: give one` };
  const base64 = blocks[0]!.body.join("").replace(/\s+/g, "");
  if (base64 === "" || base64.length % 4 !== 0 || !BASE64.test(base64))
    return { ok: false, problem: "is not valid Base64 inside its PEM block" };
  const der = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  const length = sequenceLength(der);
  if (length === undefined || length > der.length)
    return { ok: false, problem: "does not parse as a PKCS#10 certificate signing request" };
  if (length < der.length)
    return { ok: false, problem: "holds bytes after its certificate request: give the request alone" };
  return { ok: true, der };
}

/** DER bytes as the PEM every provider takes: `CERTIFICATE REQUEST`, Base64 in lines of 64. */
export function csrPem(der: Uint8Array): string {
  let binary = "";
  for (const byte of der) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE REQUEST-----\n${lines.join("\n")}\n-----END CERTIFICATE REQUEST-----\n`;
}
