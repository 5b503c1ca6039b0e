// The APIs the project generates clients for, as redocly.yaml lists them.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** The repository's root folder. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * @typedef {object} ApiEntry
 * @property {string} name    the key under `apis:` (also the package folder's name)
 * @property {string} root    the spec, relative to the repository root
 * @property {string} output  the generated types file, relative to the repository root
 */

/**
 * Reads `apis:` from redocly.yaml.
 * @param {string} [configText] the file's text; read from the repository when not given
 * @returns {ApiEntry[]}
 */
export function readApis(configText = readFileSync(join(repoRoot, "redocly.yaml"), "utf8")) {
  const config = parse(configText);
  return Object.entries(config.apis ?? {}).map(([name, api]) => {
    const output = api?.["x-openapi-ts"]?.output;
    if (typeof api?.root !== "string" || typeof output !== "string") {
      throw new Error(`redocly.yaml: api "${name}" needs "root" and "x-openapi-ts.output"`);
    }
    return { name, root: api.root, output };
  });
}
