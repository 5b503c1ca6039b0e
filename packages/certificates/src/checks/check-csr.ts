import type { CsrKey } from "../order-request.js";
import type { CsrFacts } from "./csr-facts.js";
import { csrPem, readCsrInput } from "./csr-input.js";
import { MAX_NAMES_PER_ORDER } from "./names-per-order.js";
import { normalizeDomainName } from "./normalize-domain-name.js";

/** The EC curves CAs accept for server certificates. */
const ACCEPTED_CURVES = ["P-256", "P-384"];
const MIN_RSA_BITS = 2048;
/** How many names a message lists before saying how many more there are. */
const SHOWN_NAMES = 5;

/** A CSR a CA would take: the PEM to send (re-encoded from the one request in the input) and its key. */
export interface CheckedCsr {
  pem: string;
  key: CsrKey;
}

/**
 * The facts of the last CSRs read, by their text: `orderRecovery(request)` and then `order(request)` check the same
 * CSR, and parsing it and verifying its signature is most of a check's time. A few only: the same text always reads
 * the same, so an entry is never stale, and a long-running process keeps no more than these.
 */
const recentFacts = new Map<string, Promise<CsrFacts | { problem: string }>>();
const RECENT_FACTS = 16;

async function factsOf(input: unknown, der: Uint8Array): Promise<CsrFacts | { problem: string }> {
  const { readCsrFacts } = await import("./csr-facts.js");
  if (typeof input !== "string") return readCsrFacts(der);
  let facts = recentFacts.get(input);
  if (facts === undefined) {
    facts = readCsrFacts(der);
    recentFacts.set(input, facts);
    if (recentFacts.size > RECENT_FACTS) recentFacts.delete(recentFacts.keys().next().value!);
  }
  return facts;
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, SHOWN_NAMES).map((name) => (name.length > 80 ? `${name.slice(0, 80)}…` : name));
  return `${shown.join(", ")}${names.length > SHOWN_NAMES ? ` and ${names.length - SHOWN_NAMES} more` : ""}`;
}

/**
 * Checks a CSR before any request: one certificate request and nothing else (a private key is refused, never sent),
 * that parses, whose signature verifies, with an RSA key of 2048 bits or more or an EC key on P-256 or P-384, and,
 * when `names` is given, naming exactly those names (the common name and DNS alternative names, compared as the
 * order sends them). The X.509 parser is loaded here, on the first CSR, and not before.
 */
export async function checkCsr(
  input: unknown,
  names?: readonly string[],
): Promise<{ ok: true; csr: CheckedCsr } | { ok: false; problem: string }> {
  const read = readCsrInput(input);
  if (!read.ok) return read;
  const facts = await factsOf(input, read.der);
  if ("problem" in facts) return { ok: false, problem: facts.problem };
  if (!facts.signatureValid) return { ok: false, problem: "has a signature that does not match its key" };
  const { key } = facts;
  if (key.type === "RSA" && key.bits < MIN_RSA_BITS)
    return { ok: false, problem: `has an RSA key of ${key.bits} bits: CAs require ${MIN_RSA_BITS} or more` };
  if (key.type === "EC" && !ACCEPTED_CURVES.includes(key.curve)) {
    return { ok: false, problem: `uses the EC curve ${key.curve}: CAs accept ${ACCEPTED_CURVES.join(" and ")}` };
  }
  if (key.type === "other") {
    return {
      ok: false,
      problem: `has a ${key.algorithm} key: CAs accept RSA (${MIN_RSA_BITS} bits or more) and EC (${ACCEPTED_CURVES.join(", ")})`,
    };
  }
  const named = facts.commonNames.length + facts.dnsNames.length + facts.otherNames.length;
  if (named > MAX_NAMES_PER_ORDER)
    return { ok: false, problem: `names ${named} names: a certificate holds at most ${MAX_NAMES_PER_ORDER}` };
  if (names !== undefined) {
    if (facts.otherNames.length > 0)
      return {
        ok: false,
        problem: `names more than domain names (${listed(facts.otherNames)}): a server certificate's CSR names domains only`,
      };
    const inCsr = new Set<string>();
    for (const name of [...facts.commonNames, ...facts.dnsNames]) {
      const checked = normalizeDomainName(name);
      inCsr.add(checked.ok ? checked.name : name);
    }
    const ordered = new Set(names);
    const missing = names.filter((name) => !inCsr.has(name));
    const extra = [...inCsr].filter((name) => !ordered.has(name));
    if (missing.length > 0)
      return {
        ok: false,
        problem: `does not name ${listed(missing)}, which the order names (it names ${listed([...inCsr]) || "nothing"})`,
      };
    if (extra.length > 0)
      return {
        ok: false,
        problem: `names ${listed(extra)}, which the order does not: its names must be exactly the order's`,
      };
  }
  return { ok: true, csr: { pem: csrPem(read.der), key } };
}
