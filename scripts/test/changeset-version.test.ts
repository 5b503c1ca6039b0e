import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readApis, repoRoot } from "../lib/apis.mjs";

// `pnpm changeset version` on a copy of the workspace's manifests and changeset settings: what a release PR would do.

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

const folders = readdirSync(join(repoRoot, "packages"));

/** A workspace with this repository's settings and package manifests, and only the changesets given. */
function workspaceWith(changesets: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "certkit-changeset-"));
  for (const file of ["package.json", "pnpm-workspace.yaml"]) cpSync(join(repoRoot, file), join(root, file));
  mkdirSync(join(root, ".changeset"));
  cpSync(join(repoRoot, ".changeset", "config.json"), join(root, ".changeset", "config.json"));
  for (const [name, text] of Object.entries(changesets)) writeFileSync(join(root, ".changeset", `${name}.md`), text);
  for (const folder of [
    ...folders.map((name) => join("packages", name)),
    "scripts",
    join("scripts", "typescript-versions"),
  ]) {
    mkdirSync(join(root, folder), { recursive: true });
    cpSync(join(repoRoot, folder, "package.json"), join(root, folder, "package.json"));
  }
  return root;
}

const manifest = (root: string, folder: string) =>
  JSON.parse(readFileSync(join(root, "packages", folder, "package.json"), "utf8")) as Manifest;

/** The next patch version, as changesets gives a dependent whose dependency left its range. */
function nextPatch(version: string): string {
  const [major, minor, patch] = version.split(".").map(Number) as [number, number, number];
  return `${major}.${minor}.${patch + 1}`;
}

function changesetVersion(root: string) {
  const changeset = join(repoRoot, "node_modules", ".bin", "changeset");
  const result = spawnSync(changeset, ["version"], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`changeset version failed:\n${result.stdout}${result.stderr}`);
}

describe("pnpm changeset version", () => {
  it("bumps the package and writes its changelog, and touches only the packages that depend on it", () => {
    const root = workspaceWith({
      sslmarket: '---\n"@certkit/sslmarket": minor\n---\n\nOrders list their SAN count.\n',
    });
    const before = Object.fromEntries(folders.map((folder) => [folder, manifest(root, folder).version]));
    changesetVersion(root);
    const sslmarket = manifest(root, "sslmarket");
    expect(sslmarket.version).not.toBe(before.sslmarket);
    expect(readFileSync(join(root, "packages", "sslmarket", "CHANGELOG.md"), "utf8")).toContain(
      "Orders list their SAN count.",
    );
    // The CLI and the fleet depend on every provider package, and the facade has each as an optional peer: each gets a
    // patch release whose ranges take the new version. The sandbox uses the provider packages' types only to build
    // (they are its devDependencies), so it is not released. Nothing else depends on SSLmarket's package.
    expect(manifest(root, "certificates").version).toBe(nextPatch(before.certificates!));
    expect(manifest(root, "cli").version).toBe(nextPatch(before.cli!));
    expect(manifest(root, "fleet").version).toBe(nextPatch(before.fleet!));
    const others = folders.filter((folder) => !["sslmarket", "certificates", "cli", "fleet"].includes(folder));
    expect(others.filter((folder) => manifest(root, folder).version !== before[folder])).toEqual([]);
  });

  it("releases a package for the first time as 0.x, whatever the bumps of its pending changesets", () => {
    // A package at 0.0.0 was never released: its changesets describe its first release, so "major" in one of them
    // (a change that breaks only unreleased code) must not make that release 1.0.0 (CONTRIBUTING.md: 0.1.0).
    const pending = Object.fromEntries(
      readdirSync(join(repoRoot, ".changeset"))
        .filter((file) => file.endsWith(".md") && file !== "README.md")
        .map((file) => [file.slice(0, -3), readFileSync(join(repoRoot, ".changeset", file), "utf8")]),
    );
    const root = workspaceWith(pending);
    const unreleased = folders.filter((folder) => manifest(root, folder).version === "0.0.0");
    changesetVersion(root);
    const firstReleases = unreleased.map((folder) => `${folder}@${manifest(root, folder).version}`);
    expect(firstReleases.filter((release) => !/@0\.\d+\.\d+$/.test(release))).toEqual([]);
  });

  it("carries a runtime bump to every package that depends on it: their range, a patch release and a changelog line", () => {
    const root = workspaceWith({ runtime: '---\n"@certkit/runtime": minor\n---\n\nRetries honour RateLimit-Reset.\n' });
    const before = Object.fromEntries(folders.map((folder) => [folder, manifest(root, folder)]));
    changesetVersion(root);
    const runtime = manifest(root, "runtime");
    expect(runtime.version).not.toBe(before.runtime!.version);
    const dependents = folders.filter((folder) => before[folder]!.dependencies?.["@certkit/runtime"] !== undefined);
    // The facade, the CLI, the fleet and every client package (one per spec folder).
    expect(dependents.sort()).toEqual(["certificates", "cli", "fleet", ...readApis().map((api) => api.name)].sort());
    for (const folder of dependents) {
      const after = manifest(root, folder);
      // The workspace: protocol stays; pnpm publish turns it into ^<the runtime's new version>.
      expect(after.dependencies?.["@certkit/runtime"]).toBe("workspace:^");
      expect(after.version, folder).toBe(nextPatch(before[folder]!.version));
      const changelog = readFileSync(join(root, "packages", folder, "CHANGELOG.md"), "utf8");
      expect(changelog, folder).toContain(`@certkit/runtime@${runtime.version}`);
    }
  });
});
