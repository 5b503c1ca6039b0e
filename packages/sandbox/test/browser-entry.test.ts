import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The built output, as a bundler for the browser would read it (turbo builds the package before its tests).
const DIST = new URL("../dist/", import.meta.url).pathname;

/** Every bare module a built file reaches through its relative imports, and the files it reached. */
function reach(entry: string): { modules: Set<string>; files: Set<string> } {
  const modules = new Set<string>();
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
      else modules.add(specifier!);
    }
  };
  visit(resolve(DIST, entry));
  return { modules, files };
}

describe("the package's entries", () => {
  it("keep Node's modules out of the main entry, so setupSandbox works under msw's setupWorker in a browser", () => {
    const { modules } = reach("index.js");
    const nodeOnly = [...modules].filter(
      (name) => name.startsWith("node:") || builtinModules.includes(name.split("/")[0]!),
    );
    expect(nodeOnly).toEqual([]);
    expect([...modules].filter((name) => name.startsWith("msw"))).toEqual(["msw"]);
  });

  it("put the HTTP server in the node entry", () => {
    const { modules } = reach("node.js");
    expect(modules).toContain("node:http");
  });
});
