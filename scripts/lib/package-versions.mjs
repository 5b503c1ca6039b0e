// Each package's src/version.ts repeats its package.json version (it goes into User-Agent, and a package cannot read
// its own package.json portably at run time). `changeset version` only edits package.json, so this brings the copies
// back in line afterwards.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const VERSION_LINE = /^export const PACKAGE_VERSION = "[^"]*";$/m;

/**
 * Rewrites `PACKAGE_VERSION` in every `packages/<folder>/src/version.ts` to its package.json version.
 * @param {string} root  the repository's root folder
 * @param {{ write?: boolean }} [options]  `write: false` only reports what would change
 * @returns {string[]}   the version.ts files that changed (or would), relative to `root`
 */
export function syncPackageVersions(root, { write = true } = {}) {
  const changed = [];
  for (const folder of readdirSync(join(root, "packages")).sort()) {
    const file = join(root, "packages", folder, "src", "version.ts");
    if (!existsSync(file)) continue;
    const { version } = JSON.parse(readFileSync(join(root, "packages", folder, "package.json"), "utf8"));
    const text = readFileSync(file, "utf8");
    if (!VERSION_LINE.test(text))
      throw new Error(`packages/${folder}/src/version.ts has no PACKAGE_VERSION line to update`);
    const updated = text.replace(VERSION_LINE, `export const PACKAGE_VERSION = "${version}";`);
    if (updated !== text) {
      if (write) writeFileSync(file, updated);
      changed.push(`packages/${folder}/src/version.ts`);
    }
  }
  return changed;
}
