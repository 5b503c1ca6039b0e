// The bench's dependencies as installed (bench/node_modules, where pnpm links each one), read from their own
// package.json: their versions go into the report, and the two TypeScript compilers are run by their bin paths.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The bench package's folder. */
export const benchRoot = fileURLToPath(new URL("..", import.meta.url));

interface Manifest {
  name: string;
  version: string;
  bin?: string | Record<string, string>;
}

function manifest(dependency: string): Manifest {
  return JSON.parse(readFileSync(join(benchRoot, "node_modules", dependency, "package.json"), "utf8")) as Manifest;
}

/** The installed version of a dependency of the bench (`@typescript/native` gives TypeScript 7's). */
export function installedVersion(dependency: string): string {
  return manifest(dependency).version;
}

/** The path of a dependency's only (or first) bin script, to run with `node`. */
export function installedBin(dependency: string): string {
  const { bin } = manifest(dependency);
  const script = typeof bin === "string" ? bin : Object.values(bin ?? {})[0];
  if (!script) throw new Error(`${dependency} has no bin`);
  return join(benchRoot, "node_modules", dependency, script);
}
