// The published packages (packages/* without "private": true) and the entry points their package.json exports.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./apis.mjs";

/**
 * @typedef {object} EntryPoint
 * @property {string} subpath       the export's key: "." or "./undici"
 * @property {string} importPath    what a user imports: "@certkit/runtime" or "@certkit/runtime/undici"
 * @property {string} declaration   the built `.d.ts`, relative to the package folder ("dist/undici/index.d.ts")
 * @property {string} reportName    the API report's base name: "runtime" or "runtime-undici"
 */

/**
 * @typedef {object} PublishedPackage
 * @property {string} name          "@certkit/runtime"
 * @property {string} dir           the folder, relative to the repository root ("packages/runtime")
 * @property {EntryPoint[]} entryPoints  empty for a package that exports no code (the CLI: a command only)
 */

/**
 * Reads every package folder's manifest; the order is the folders' alphabetical order.
 * @param {string} [root] the repository root
 * @returns {PublishedPackage[]}
 */
export function publishedPackages(root = repoRoot) {
  return readdirSync(join(root, "packages"))
    .sort()
    .map((folder) => join("packages", folder))
    .filter((dir) => existsSync(join(root, dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir, entryPoints: entryPointsOf(manifest) }));
}

/**
 * The exports that carry types: every one a user can import code from.
 * @param {{ name: string, exports?: Record<string, unknown> }} manifest
 * @returns {EntryPoint[]}
 */
function entryPointsOf(manifest) {
  const shortName = manifest.name.replace(/^@certkit\//, "");
  return Object.entries(manifest.exports ?? {}).flatMap(([subpath, target]) => {
    const types =
      typeof target === "object" && target !== null ? /** @type {{ types?: unknown }} */ (target).types : undefined;
    if (typeof types !== "string") return [];
    const tail = subpath === "." ? "" : subpath.slice(2);
    return [
      {
        subpath,
        importPath: tail === "" ? manifest.name : `${manifest.name}/${tail}`,
        declaration: types.replace(/^\.\//, ""),
        reportName: tail === "" ? shortName : `${shortName}-${tail.replaceAll("/", "-")}`,
      },
    ];
  });
}
