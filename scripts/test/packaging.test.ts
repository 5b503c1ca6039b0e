import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../lib/apis.mjs";

interface Manifest {
  name: string;
  private?: boolean;
  version: string;
  exports?: Record<string, unknown>;
  bin?: Record<string, string>;
}

/** What a tarball must hold besides README and LICENSE: the main entry and its types, or a command-only package's bins. */
function entryFiles(manifest: Manifest): string[] {
  if (manifest.exports?.["."] !== undefined) return ["package/dist/index.js", "package/dist/index.d.ts"];
  return Object.values(manifest.bin ?? {}).map((path) => `package/${path.replace(/^\.\//, "")}`);
}

const publishable = readdirSync(join(repoRoot, "packages"))
  .map((folder) => ({ folder, dir: join(repoRoot, "packages", folder) }))
  .map((p) => ({ ...p, manifest: JSON.parse(readFileSync(join(p.dir, "package.json"), "utf8")) as Manifest }))
  .filter((p) => !p.manifest.private);

const attw = join(import.meta.dirname, "..", "node_modules", ".bin", "attw");
const ALLOWED_IN_TARBALL = /^package\/(dist\/.+|README\.md|LICENSE|package\.json)$/;

describe("the workspace", () => {
  it("lists every package as a dev dependency of scripts, so turbo builds each before these checks run", () => {
    const scripts = JSON.parse(readFileSync(join(repoRoot, "scripts", "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    };
    const missing = publishable
      .map((p) => p.manifest.name)
      .filter((name) => scripts.devDependencies[name] !== "workspace:*");
    expect(missing).toEqual([]);
  });
});

describe.each(publishable.map((p) => [p.manifest.name, p] as const))("%s as published", (_name, pkg) => {
  let tarball = "";
  beforeAll(() => {
    const destination = mkdtempSync(join(tmpdir(), "certkit-pack-"));
    // pnpm pack rewrites workspace: ranges to real versions, as a publish does.
    execFileSync("pnpm", ["pack", "--pack-destination", destination], { cwd: pkg.dir, stdio: "ignore" });
    tarball = join(destination, readdirSync(destination).find((file) => file.endsWith(".tgz"))!);
  });

  it("holds only dist, README, LICENSE and package.json", () => {
    const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n");
    expect(files.filter((file) => !ALLOWED_IN_TARBALL.test(file))).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining(["package/README.md", "package/LICENSE", ...entryFiles(pkg.manifest)]),
    );
  });

  it("has no workspace: ranges left in its manifest", () => {
    const manifest = execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" });
    expect(manifest).not.toContain("workspace:");
    expect(manifest).not.toContain("catalog:");
  });

  it("passes publint, suggestions included", async () => {
    const { messages, pkg: manifest } = await publint({
      pkgDir: pkg.dir,
      level: "suggestion",
      strict: true,
      pack: "pnpm",
    });
    expect(messages.map((message) => formatMessage(message, manifest))).toEqual([]);
  });

  // Types are judged where there are any: a command-only package (the CLI) exports none.
  if (pkg.manifest.exports?.["."] !== undefined) {
    it("passes arethetypeswrong (ESM-only profile)", () => {
      const run = spawnSync(attw, [tarball, "--profile", "esm-only", "--format", "json"], { encoding: "utf8" });
      const { problems } = JSON.parse(run.stdout) as { problems: Record<string, { resolutionKind?: string }[]> };
      // The esm-only profile does not judge CommonJS resolution: these packages are ESM, loaded by require(esm) where Node has it.
      const judged = Object.values(problems)
        .flat()
        .filter((problem) => problem.resolutionKind !== "node10" && problem.resolutionKind !== "node16-cjs");
      expect(judged).toEqual([]);
      expect(run.status).toBe(0);
    });
  }
});
