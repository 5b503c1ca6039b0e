import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readApis, repoRoot } from "../lib/apis.mjs";
import { findCommittedDrift } from "../lib/drift.mjs";

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.test", ...args], { cwd, encoding: "utf8" });

/** A throwaway repository holding the IONOS spec (its only spec folder) and the given generated text, committed. */
function repoWith(generated: string): string {
  const dir = mkdtempSync(join(tmpdir(), "certkit-drift-repo-"));
  const api = readApis().find((a) => a.name === "ionos-ssl")!;
  mkdirSync(join(dir, "specs", "ionos-ssl"), { recursive: true });
  cpSync(join(repoRoot, api.root), join(dir, api.root));
  mkdirSync(join(dir, "packages", "ionos-ssl", "src", "generated"), { recursive: true });
  writeFileSync(join(dir, api.output), generated);
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "fixture");
  return dir;
}

describe("pnpm generate's cache", () => {
  it("is keyed on the generator: every client package lists openapi-typescript, as scripts/ that runs it does", () => {
    // turbo keys each package's generate task on that package's dependencies: without this entry, a new
    // openapi-typescript replays the old generated files from the cache, and only the drift test below notices.
    const manifestOf = (dir: string) =>
      JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8")) as {
        devDependencies?: Record<string, string>;
      };
    const generator = manifestOf("scripts").devDependencies?.["openapi-typescript"];
    expect(generator).toBeDefined();
    const missing = readApis()
      .map((api) => api.name)
      .filter((name) => manifestOf(join("packages", name)).devDependencies?.["openapi-typescript"] !== generator);
    expect(missing).toEqual([]);
  });
});

describe("generated code drift", () => {
  it("finds no drift between the committed specs and the committed generated files", async () => {
    expect(await findCommittedDrift(repoRoot)).toEqual([]);
  });

  it("reports a hand edit to a committed generated file", async () => {
    const api = readApis().find((a) => a.name === "ionos-ssl")!;
    const edited = readFileSync(join(repoRoot, api.output), "utf8").replace(
      "commonName?: string;",
      "commonName?: number;",
    );
    expect(await findCommittedDrift(repoWith(edited))).toEqual([{ api: "ionos-ssl", output: api.output }]);
  });

  it("reports a spec change committed without regenerating", async () => {
    const api = readApis().find((a) => a.name === "ionos-ssl")!;
    const dir = repoWith(readFileSync(join(repoRoot, api.output), "utf8"));
    expect(await findCommittedDrift(dir)).toEqual([]);
    const spec = readFileSync(join(dir, api.root), "utf8").replace("        serialNumber:\n", "        serialNo:\n");
    writeFileSync(join(dir, api.root), spec);
    git(dir, "commit", "-qam", "rename a field");
    expect(await findCommittedDrift(dir)).toEqual([{ api: "ionos-ssl", output: api.output }]);
  });
});
