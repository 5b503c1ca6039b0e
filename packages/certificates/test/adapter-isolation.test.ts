import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PROVIDER_NAMES } from "../src/generated/provider-names.js";

// The built output, as a user's bundler or Node loads it (turbo builds the package before its tests).
const DIST = new URL("../dist/", import.meta.url).pathname;
const PROVIDER_PACKAGES: string[] = PROVIDER_NAMES.map((name) => `@certkit/${name}`);

/** Every package a built file reaches through its relative imports. */
function packagesReachedFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, "utf8");
    // Import and re-export statements only: a clause of names, braces and commas, then `from`, or a bare import.
    for (const [, specifier] of code.matchAll(
      /(?:^|\n)\s*(?:import|export)\s+(?:[\w$*{},\s]+\s+from\s+)?["']([^"']+)["']/g,
    )) {
      if (specifier!.startsWith(".")) visit(resolve(dirname(file), specifier!));
      else
        packages.add(
          specifier!.startsWith("@") ? specifier!.split("/").slice(0, 2).join("/") : specifier!.split("/")[0]!,
        );
    }
  };
  visit(resolve(DIST, entry));
  return packages;
}

// Each provider's subpath is named as its client package (the registry's names), plus the old `ionos` alias.
const SUBPATHS = [
  ...PROVIDER_NAMES.map((name) => [name, `@certkit/${name}`] as const),
  ["ionos", "@certkit/ionos-ssl"] as const,
];
const ENTRIES: Record<string, string> = { ionos: "providers/ionos-ssl/ionos-legacy-names.js" };

describe("the built package", () => {
  it("loads no provider package from its main entry: each is an optional peer dependency", () => {
    const reached = packagesReachedFrom("index.js");
    expect([...reached].filter((name) => PROVIDER_PACKAGES.includes(name))).toEqual([]);
  });

  it.each(SUBPATHS)("loads only @certkit/%s's own provider package from its subpath", (subpath, own) => {
    const entry = ENTRIES[subpath] ?? `providers/${subpath}/index.js`;
    expect(existsSync(resolve(DIST, entry))).toBe(true);
    const reached = packagesReachedFrom(entry);
    expect([...reached].filter((name) => PROVIDER_PACKAGES.includes(name))).toEqual([own]);
  });

  it("declares every provider package as an optional peer dependency, and a subpath for each", () => {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
      exports: Record<string, unknown>;
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual(PROVIDER_PACKAGES);
    expect(PROVIDER_PACKAGES.every((name) => manifest.peerDependenciesMeta[name]?.optional === true)).toBe(true);
    expect(Object.keys(manifest.dependencies).filter((name) => PROVIDER_PACKAGES.includes(name))).toEqual([]);
    expect(SUBPATHS.filter(([subpath]) => !(`./${subpath}` in manifest.exports))).toEqual([]);
  });
});
