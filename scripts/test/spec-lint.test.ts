import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readApis, repoRoot } from "../lib/apis.mjs";

const redocly = join(import.meta.dirname, "..", "node_modules", ".bin", "redocly");

/** Runs `redocly lint`; resolves with its exit status and everything it printed. */
function lint(args: string[]): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    execFile(redocly, ["lint", ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      resolve({ status: error ? (typeof code === "number" ? code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

// Each lint is a few seconds of one Node process: run them side by side.
describe.concurrent("spec lint (Redocly CLI, redocly.yaml)", () => {
  it.each(readApis().map((api) => [api.name, api.root]))("%s is valid and has no warnings", async (_name, spec) => {
    const { status, output } = await lint(["--config", "redocly.yaml", "--max-problems", "50", spec]);
    expect(output).toContain("Your API description is valid");
    expect(output).not.toMatch(/warning/i);
    expect(status).toBe(0);
  });

  it("fails on an invalid spec", async () => {
    const dir = mkdtempSync(join(tmpdir(), "certkit-lint-"));
    const spec = join(dir, "openapi.yaml");
    writeFileSync(
      spec,
      [
        "openapi: 3.0.1",
        "info: { title: Broken, version: 1.0.0 }",
        "paths:",
        "  /things:",
        "    get:",
        "      operationId: listThings",
        "      responses:",
        "        '200':",
        "          description: ok",
        "          content:",
        "            application/json:",
        "              schema: { $ref: '#/components/schemas/Missing' }",
      ].join("\n"),
    );
    writeFileSync(join(dir, "redocly.yaml"), "extends:\n  - recommended\n");
    const { status, output } = await lint(["--config", join(dir, "redocly.yaml"), spec]);
    expect(status).not.toBe(0);
    expect(output).toMatch(/Can't resolve \$ref|no-unresolved-refs/);
  });
});
