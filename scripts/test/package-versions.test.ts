import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syncPackageVersions } from "../lib/package-versions.mjs";

function repoWith(packages: Record<string, { version: string; versionTs?: string }>) {
  const root = mkdtempSync(join(tmpdir(), "certkit-versions-"));
  for (const [folder, { version, versionTs }] of Object.entries(packages)) {
    mkdirSync(join(root, "packages", folder, "src"), { recursive: true });
    writeFileSync(
      join(root, "packages", folder, "package.json"),
      JSON.stringify({ name: `@certkit/${folder}`, version }),
    );
    if (versionTs !== undefined) writeFileSync(join(root, "packages", folder, "src", "version.ts"), versionTs);
  }
  return root;
}

const versionTs = (version: string) =>
  `/** This package's npm name. */\nexport const PACKAGE_NAME = "@certkit/x";\n\n/** Its version. */\nexport const PACKAGE_VERSION = "${version}";\n`;

describe("syncPackageVersions", () => {
  it("copies each package.json version into src/version.ts after changeset version bumped it", () => {
    const root = repoWith({
      a: { version: "0.2.0", versionTs: versionTs("0.1.0") },
      b: { version: "1.0.0", versionTs: versionTs("1.0.0") },
      c: { version: "3.0.0" },
    });
    expect(syncPackageVersions(root)).toEqual(["packages/a/src/version.ts"]);
    expect(readFileSync(join(root, "packages", "a", "src", "version.ts"), "utf8")).toBe(versionTs("0.2.0"));
    expect(syncPackageVersions(root)).toEqual([]);
  });

  it("fails loudly when a version.ts has no PACKAGE_VERSION line", () => {
    const root = repoWith({ a: { version: "0.2.0", versionTs: "export const VERSION = '0.1.0';\n" } });
    expect(() => syncPackageVersions(root)).toThrow("packages/a/src/version.ts has no PACKAGE_VERSION line to update");
  });

  it("finds the repository's own packages in line", () => {
    expect(syncPackageVersions(join(import.meta.dirname, "..", ".."), { write: false })).toEqual([]);
  });
});
