// The APIs the project generates clients for: one per spec folder, `specs/<name>/openapi.yaml`, whose client package
// is `packages/<name>/`. Nothing lists them by hand: a new spec folder is a new API.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * @typedef {object} ApiEntry
 * @property {string} name    the spec's folder name (also the client package's folder name)
 * @property {string} root    the spec, relative to the repository root
 * @property {string} output  the generated types file, relative to the repository root
 */

/** The API whose spec is in `specs/<name>/`. */
export const apiNamed = (/** @type {string} */ name) => ({
  name,
  root: `specs/${name}/openapi.yaml`,
  output: `packages/${name}/src/generated/schema.ts`,
});

/**
 * Every API of a work tree: each folder of `specs/` that holds an `openapi.yaml`, sorted by name.
 * @param {string} [root] the work tree's root folder
 * @returns {ApiEntry[]}
 */
export function readApis(root = repoRoot) {
  const specs = join(root, "specs");
  return readdirSync(specs, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(specs, entry.name, "openapi.yaml")))
    .map((entry) => entry.name)
    .sort()
    .map(apiNamed);
}

/**
 * Every API of a commit: each `specs/<name>/openapi.yaml` it holds, sorted by name.
 * @param {string} repo a git work tree
 * @param {string} ref  the commit
 * @returns {ApiEntry[]}
 */
export function readApisAt(repo, ref) {
  const listed = execFileSync("git", ["ls-tree", "-r", "--name-only", ref, "--", "specs"], {
    cwd: repo,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  return listed
    .split("\n")
    .flatMap((path) => /^specs\/([^/]+)\/openapi\.yaml$/.exec(path)?.slice(1, 2) ?? [])
    .sort()
    .map(apiNamed);
}
