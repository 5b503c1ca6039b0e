#!/usr/bin/env node
// Writes one changeset per API whose spec changed since a git ref, with the bump its changes call for
// (see lib/spec-diff.mjs for how changes are classified).
//
//   node scripts/spec-changeset.mjs [--since <git ref>] [--dry-run] [--root <repository>]
//
// --since    what to compare with: default origin/main when it exists, else HEAD
// --dry-run  print what would be written, write nothing
// --root     the repository to work in (default: this one; the tests point it at a throwaway one)
// Exit status: 0 done (also when nothing changed), 1 failed (unknown ref, unreadable spec), 2 bad usage.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readApis, repoRoot } from "./lib/apis.mjs";
import { compareSpecs, formatChange, formatReach, parseSpec } from "./lib/spec-diff.mjs";

const USAGE = "usage: pnpm spec:changeset [--since <git ref>] [--dry-run] [--root <repository>]";

/** How a changeset's summary names each kind of change. */
const LABELS = {
  breaking: "Breaking",
  unclassified: "Unclassified, counted as breaking",
  deprecated: "Deprecated",
  "non-breaking": "Non-breaking",
  annotation: "Documentation",
};

/** @type {{ since?: string, "dry-run": boolean, root?: string }} */
let options;
try {
  options = parseArgs({
    options: { since: { type: "string" }, "dry-run": { type: "boolean", default: false }, root: { type: "string" } },
  }).values;
} catch (error) {
  console.error(`spec:changeset: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}

/**
 * Prints one line and stops with status 1.
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`spec:changeset: ${message}`);
  process.exit(1);
}

const root = resolve(options.root ?? repoRoot);

/**
 * Runs git in the repository.
 * @param {string[]} args
 * @returns {string | undefined}  its output, or undefined when it failed
 */
function git(...args) {
  try {
    return execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 << 20,
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return undefined;
  }
}

if (git("rev-parse", "--is-inside-work-tree")?.trim() !== "true") fail(`${root} is not a git work tree`);
const ref = options.since ?? (git("rev-parse", "--verify", "--quiet", "origin/main^{commit}") ? "origin/main" : "HEAD");
const commit = git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`)?.trim() || fail(`unknown git ref "${ref}"`);
const shortCommit = git("rev-parse", "--short", commit)?.trim() ?? commit;

let apis;
try {
  apis = readApis(root);
} catch (error) {
  fail(`cannot read the api list: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * @typedef {object} Plan  what to write for one API
 * @property {string} pkg        its npm name
 * @property {string} spec       its spec, relative to the root
 * @property {"major" | "minor" | "patch" | undefined} bump  undefined when the text changed but not what it says
 * @property {string[]} lines    the reasons, as printed
 * @property {string[]} bullets  the reasons, as the changeset's summary lists them
 * @property {string} file       the changeset, relative to the root
 */

// Everything is read and compared before anything is written, so a failure leaves no half-done set of changesets.
/** @type {Plan[]} */
const plans = [];
for (const api of apis) {
  let current;
  let pkg;
  try {
    current = readFileSync(join(root, api.root), "utf8");
    pkg = String(JSON.parse(readFileSync(join(root, "packages", api.name, "package.json"), "utf8")).name);
  } catch (error) {
    fail(`api "${api.name}": ${error instanceof Error ? error.message : String(error)}`);
  }
  const file = join(".changeset", `spec-${api.name}-${shortCommit}.md`);
  // `./` makes the path relative to the root even when --root is a folder inside a larger repository.
  const previous = git("show", `${commit}:./${api.root}`);
  if (previous === undefined) {
    const reason = `${api.root} is not in ${ref}: a new API`;
    plans.push({
      pkg,
      spec: api.root,
      bump: "minor",
      lines: [`new API       ${reason}`],
      bullets: [`- New API: ${reason}.`],
      file,
    });
    continue;
  }
  if (previous === current) continue;
  let compared;
  try {
    compared = compareSpecs(parseSpec(previous, `${api.root} at ${ref}`), parseSpec(current, api.root));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { changes, bump } = compared;
  plans.push({
    pkg,
    spec: api.root,
    bump,
    lines: changes.map(formatChange),
    bullets: changes.map(
      (change) => `- ${LABELS[change.kind]}: ${change.description}${formatReach(change)}, at \`${change.pointer}\``,
    ),
    file,
  });
}

if (plans.length === 0) {
  console.log(`spec:changeset: no spec changed since ${ref} (${shortCommit}): nothing to write`);
  process.exit(0);
}
console.log(`spec:changeset: specs compared with ${ref} (${shortCommit})`);
for (const plan of plans) {
  if (plan.bump === undefined) {
    console.log(`${plan.pkg}: ${plan.spec} changed in form only (layout, comments, key order): no changeset`);
    continue;
  }
  console.log(`${plan.pkg}: ${plan.bump} (${plan.spec})`);
  for (const line of plan.lines) console.log(`  ${line}`);
  const text = [
    `---`,
    `"${plan.pkg}": ${plan.bump}`,
    `---`,
    ``,
    `The OpenAPI spec changed (${plan.spec}):`,
    ``,
    ...plan.bullets,
    ``,
  ].join("\n");
  if (options["dry-run"]) {
    console.log(`  would write ${plan.file} (dry run)`);
  } else {
    mkdirSync(join(root, ".changeset"), { recursive: true });
    writeFileSync(join(root, plan.file), text);
    console.log(`  wrote ${plan.file}`);
  }
}
