#!/usr/bin/env node
// The largest hand-written functions of the repository, at a commit or in the work tree (see lib/function-sizes.mjs).
//
//   node scripts/function-sizes.mjs [--ref <commit>] [--top <n>]
//
// --ref  read the files as that commit holds them (default: the work tree's files git knows of)
// --top  how many to print (default 10)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "./lib/apis.mjs";
import { functionSizes, isHandWrittenSource } from "./lib/function-sizes.mjs";

const { values } = parseArgs({ options: { ref: { type: "string" }, top: { type: "string", default: "10" } } });
const top = Number(values.top);
if (!Number.isInteger(top) || top < 1) {
  console.error(`function-sizes: --top must be a whole number above 0, got "${values.top}"`);
  process.exit(2);
}
const git = (/** @type {string[]} */ ...args) =>
  execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", maxBuffer: 256 << 20 });
const paths = (
  values.ref === undefined
    ? git("ls-files", "--cached", "--others", "--exclude-standard")
    : git("ls-tree", "-r", "--name-only", values.ref)
)
  .split("\n")
  .filter(isHandWrittenSource);
const read = (/** @type {string} */ path) =>
  values.ref === undefined ? readFileSync(join(repoRoot, path), "utf8") : git("show", `${values.ref}:${path}`);
const sizes = paths
  .flatMap((path) => functionSizes(read(path), path))
  .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
console.log(`${values.ref ?? "work tree"}: ${sizes.length} functions in ${paths.length} hand-written files`);
console.log("| lines | function | where |\n| ---: | --- | --- |");
for (const { lines, name, file, line } of sizes.slice(0, top))
  console.log(`| ${lines} | \`${name}\` | ${file}:${line} |`);
