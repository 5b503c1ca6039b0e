#!/usr/bin/env node
// Fetches a provider's published OpenAPI document and lists how it differs from our spec, classified as
// `pnpm spec:changeset` classifies changes (lib/spec-diff.mjs). It never changes a spec: ours carry deliberate
// corrections of the published documents (each spec's README lists them), so every difference is for a person
// to judge.
//
//   node scripts/spec-pull.mjs <api> [--url <address>] [--out <file>]
//
// --url  fetch this address instead of the one in specs/<api>/published.json (the tests point it at a local server)
// --out  also save the fetched document there, for reading; never into specs/
// Exit status: 0 compared (differences or not), 1 failed (nothing published, unreachable, HTTP error, not an
// OpenAPI document), 2 bad usage.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readApis, repoRoot } from "./lib/apis.mjs";
import { compareSpecs, formatChange, parseSpec } from "./lib/spec-diff.mjs";

const USAGE = "usage: pnpm spec:pull <api> [--url <address>] [--out <file>]";

/**
 * Where the provider publishes its OpenAPI document, if it does, and what to keep in mind when comparing: the spec
 * folder's `published.json` (`{ "url"?: string, "note": string }`).
 * @param {string} specRoot the spec, relative to the repository root
 * @returns {{ url?: string, note: string } | undefined}
 */
function publishedOf(specRoot) {
  try {
    return JSON.parse(readFileSync(join(repoRoot, dirname(specRoot), "published.json"), "utf8"));
  } catch {
    return undefined;
  }
}

/** How long to wait for the whole document. */
const TIMEOUT_SECONDS = 15;

/** Plain words for the network errors one meets offline. */
const NETWORK_ERRORS = /** @type {Record<string, string>} */ ({
  ENOTFOUND: "no such host (DNS lookup failed)",
  EAI_AGAIN: "DNS lookup failed (EAI_AGAIN)",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ETIMEDOUT: "connection timed out",
  ENETUNREACH: "network unreachable",
  EHOSTUNREACH: "host unreachable",
});

/**
 * Prints one line and stops with `status`.
 * @param {string} message
 * @param {1 | 2} [status]
 * @returns {never}
 */
function fail(message, status = 1) {
  console.error(`spec:pull: ${message}`);
  process.exit(status);
}

/** @type {{ values: { url?: string, out?: string }, positionals: string[] }} */
let args;
try {
  args = parseArgs({ options: { url: { type: "string" }, out: { type: "string" } }, allowPositionals: true });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
}
const { values: options, positionals } = args;
if (positionals.length !== 1) fail(`name one api\n${USAGE}`, 2);
const [name = ""] = positionals;

const apis = readApis();
const api =
  apis.find((entry) => entry.name === name) ??
  fail(
    `no api named "${name}": no specs/${name}/openapi.yaml (known: ${apis.map((entry) => entry.name).join(", ")})`,
    2,
  );
const published = publishedOf(api.root);
const url =
  options.url ?? published?.url ?? fail(`${api.name}: ${published?.note ?? "no published OpenAPI document is known"}`);
let host;
try {
  host = new URL(url).host;
} catch {
  fail(`"${url}" is not a URL`, 2);
}
const out = options.out === undefined ? undefined : resolve(options.out);
if (out !== undefined) {
  const inSpecs = relative(join(repoRoot, "specs"), out);
  if (!inSpecs.startsWith("..") && !isAbsolute(inSpecs))
    fail(`--out must not point into specs/ (our specs are edited by hand); choose another file`, 2);
}

/** @type {string} */
let text;
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000) });
  if (!response.ok)
    fail(`${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
  text = await response.text();
} catch (error) {
  fail(`cannot reach ${host}: ${unreachableReason(error)}`);
}
if (out !== undefined) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`spec:pull: saved the published document to ${options.out}`);
}

let compared;
let theirs;
try {
  theirs = parseSpec(text, `the document at ${url}`);
  compared = compareSpecs(parseSpec(readFileSync(join(repoRoot, api.root), "utf8"), api.root), theirs);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

console.log(`spec:pull: ${api.name}: compared ${api.root} with ${url} (OpenAPI ${String(theirs.openapi)})`);
if (published?.url !== undefined) console.log(`spec:pull: note: ${published.note}`);
const { changes } = compared;
if (changes.length === 0) {
  console.log("spec:pull: no differences");
} else {
  console.log(
    `spec:pull: ${changes.length} difference${changes.length === 1 ? "" : "s"}, classified as if our spec were changed to match the published one:`,
  );
  for (const change of changes) console.log(`  ${formatChange(change)}`);
  console.log(
    `spec:pull: some differences are deliberate: check each difference against ${join(dirname(api.root), "README.md")} (corrections, assumptions, known gaps) before changing the spec.`,
  );
}

/**
 * Says in a few words why a fetch failed.
 * @param {unknown} error  what fetch threw
 * @returns {string}
 */
function unreachableReason(error) {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${TIMEOUT_SECONDS} s`;
  const cause =
    error instanceof Error ? /** @type {{ code?: unknown, message?: unknown } | undefined} */ (error.cause) : undefined;
  const code = typeof cause?.code === "string" ? cause.code : "";
  if (code in NETWORK_ERRORS) return /** @type {string} */ (NETWORK_ERRORS[code]);
  if (typeof cause?.message === "string" && cause.message !== "") return cause.message;
  return error instanceof Error ? error.message : String(error);
}
