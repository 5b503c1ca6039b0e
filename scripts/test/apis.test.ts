import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { readApis, readApisAt } from "../lib/apis.mjs";

/** A throwaway git repository holding `files` (path → text), committed. */
function repoWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "certkit-apis-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.test", ...args], { cwd: root });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "fixture");
  return root;
}

const FILES = {
  "specs/zeta/openapi.yaml": "openapi: 3.1.0\n",
  "specs/alpha-two/openapi.yaml": "openapi: 3.1.0\n",
  // A folder without openapi.yaml, and a file beside the folders, are no API.
  "specs/notes/README.md": "notes\n",
  "specs/README.md": "specs\n",
};

describe("the API list", () => {
  it("is every specs/<name>/openapi.yaml, sorted, with its client package's generated file", () => {
    const root = repoWith(FILES);
    const expected = [
      { name: "alpha-two", root: "specs/alpha-two/openapi.yaml", output: "packages/alpha-two/src/generated/schema.ts" },
      { name: "zeta", root: "specs/zeta/openapi.yaml", output: "packages/zeta/src/generated/schema.ts" },
    ];
    expect(readApis(root)).toEqual(expected);
    expect(readApisAt(root, "HEAD")).toEqual(expected);
  });

  it("at a commit is what that commit holds, not the work tree", () => {
    const root = repoWith(FILES);
    mkdirSync(join(root, "specs", "beta"));
    writeFileSync(join(root, "specs", "beta", "openapi.yaml"), "openapi: 3.1.0\n");
    expect(readApis(root).map((api) => api.name)).toEqual(["alpha-two", "beta", "zeta"]);
    expect(readApisAt(root, "HEAD").map((api) => api.name)).toEqual(["alpha-two", "zeta"]);
  });

  it("holds this repository's specs", () => {
    expect(readApis().map((api) => api.name)).toContain("ionos-ssl");
  });
});
