import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../lib/apis.mjs";

const biome = join(import.meta.dirname, "..", "node_modules", ".bin", "biome");

/** Runs `biome format` (a check: it writes nothing) in `cwd`; resolves with its exit status and what it printed. */
function checkFormat(
  cwd: string,
  paths: string[],
  options: string[] = [],
): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    execFile(biome, ["format", "--colors=off", ...options, ...paths], { cwd }, (error, stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      resolve({ status: error ? (typeof code === "number" ? code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe("formatting (Biome, biome.json)", () => {
  it("every hand-written source file is formatted (run pnpm format)", async () => {
    const { status, output } = await checkFormat(repoRoot, ["."]);
    expect(output).not.toMatch(/would have printed|Formatter would/);
    expect(status).toBe(0);
  });

  it("fails on a file that is not formatted, naming it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "certkit-format-"));
    cpSync(join(repoRoot, "biome.json"), join(dir, "biome.json"));
    writeFileSync(join(dir, "messy.ts"), "export const  answer={value:42}\n");
    // Outside a git repository: the project's configuration, without its .gitignore.
    const { status, output } = await checkFormat(dir, ["messy.ts"], ["--vcs-enabled=false"]);
    expect(output).toContain("messy.ts");
    expect(status).not.toBe(0);
  });
});
