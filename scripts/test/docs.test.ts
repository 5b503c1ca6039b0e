import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocs } from "../docs.mjs";
import { repoRoot } from "../lib/apis.mjs";
import { publishedPackages } from "../lib/published-packages.mjs";

const out = mkdtempSync(join(tmpdir(), "certkit-docs-test-"));
let outcome: { ok: boolean; problems: number };
// One TypeDoc run over every package: about 1.5 minutes on two busy cores.
beforeAll(async () => {
  outcome = await buildDocs(out);
}, 600_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The page TypeDoc writes for a module: `@certkit/runtime/undici` is `modules/_certkit_runtime.undici.html`. */
function modulePage(importPath: string, packageName: string, hasSubpaths: boolean): string {
  const base = packageName.replace("@", "_").replace("/", "_");
  if (!hasSubpaths) return join(out, "modules", `${base}.html`);
  const subpath = importPath === packageName ? "" : importPath.slice(packageName.length + 1);
  return join(out, "modules", `${base}.${subpath}.html`);
}

/** A README's first heading of the given level, as the page shows it (no code marks). */
const heading = (readme: string, level: "#" | "##") =>
  (new RegExp(`^${level} (.+)$`, "m").exec(readme)?.[1] ?? "").replaceAll("`", "");

describe("pnpm docs", () => {
  it("builds with no warning: every export documented, every type a signature uses exported, every link alive", () => {
    expect(outcome).toEqual({ ok: true, problems: 0 });
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain(
      heading(readFileSync(join(repoRoot, "README.md"), "utf8"), "##"),
    );
  });

  it.each(publishedPackages().map((pkg) => [pkg.name, pkg] as const))(
    "has a page for %s with its README",
    (_name, pkg) => {
      // A section heading of the README, not the title: the package's name is on its page anyway.
      const section = heading(readFileSync(join(repoRoot, pkg.dir, "README.md"), "utf8"), "##");
      expect(section).not.toBe("");
      if (pkg.entryPoints.length === 0) {
        // A command-only package (the CLI) is its README, as a document of the site.
        expect(readFileSync(join(out, "documents", "README.html"), "utf8")).toContain(section);
        return;
      }
      const pages = pkg.entryPoints.map((entry) => modulePage(entry.importPath, pkg.name, pkg.entryPoints.length > 1));
      expect(pages.filter((page) => !existsSync(page))).toEqual([]);
      const packagePage = join(out, "modules", `${pkg.name.replace("@", "_").replace("/", "_")}.html`);
      expect(readFileSync(packagePage, "utf8")).toContain(section);
    },
  );
});
