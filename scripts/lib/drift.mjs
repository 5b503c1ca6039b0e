// Checks that committed generated types equal a fresh generation of the committed specs.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { readApisAt } from "./apis.mjs";
import { generateTypes } from "./generate-types.mjs";

/**
 * @typedef {object} Drift
 * @property {string} api     the api's name (its spec folder's)
 * @property {string} output  the generated file that differs
 */

/**
 * Generates every api of `ref` (each `specs/<name>/openapi.yaml`) from `ref`'s spec and compares the result with `ref`'s
 * generated file. Uncommitted work is ignored: this answers "is what was committed consistent?".
 * @param {string} repo  a git work tree
 * @param {string} [ref] the commit to check
 * @returns {Promise<Drift[]>}
 */
export async function findCommittedDrift(repo, ref = "HEAD") {
  const show = (/** @type {string} */ path) =>
    execFileSync("git", ["show", `${ref}:${path}`], { cwd: repo, encoding: "utf8", maxBuffer: 64 << 20 });
  const apis = readApisAt(repo, ref);
  const scratch = mkdtempSync(join(tmpdir(), "certkit-drift-"));
  try {
    const drifts = [];
    for (const api of apis) {
      // The spec's whole folder, in case it is split over several files.
      const archive = execFileSync("git", ["archive", "--format=tar", ref, dirname(api.root)], {
        cwd: repo,
        maxBuffer: 64 << 20,
      });
      execFileSync("tar", ["-x", "-C", scratch], { input: archive });
      const fresh = await generateTypes(join(scratch, api.root), api.root);
      let committed;
      try {
        committed = show(api.output);
      } catch {
        committed = undefined;
      }
      if (committed !== fresh) drifts.push({ api: api.name, output: api.output });
    }
    return drifts;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
