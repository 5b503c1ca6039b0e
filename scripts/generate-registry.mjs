#!/usr/bin/env node
// Generates the provider registry from the provider folders (see lib/provider-registry.mjs).
//
//   node scripts/generate-registry.mjs           write the registry files and manifests that differ
//   node scripts/generate-registry.mjs --check   write nothing; exit 1 if one differs from a fresh generation
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { repoRoot } from "./lib/apis.mjs";
import { renderRegistry } from "./lib/provider-registry.mjs";

const check = process.argv.includes("--check");
let files;
try {
  files = renderRegistry(repoRoot);
} catch (error) {
  console.error(`generate-registry: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
let drifted = 0;
for (const [path, text] of files) {
  const file = join(repoRoot, path);
  const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  if (current === text) continue;
  if (check) {
    drifted += 1;
    console.error(
      `generate-registry --check: ${path} differs from what the provider folders generate; run pnpm generate`,
    );
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`generate-registry: wrote ${path}`);
  }
}
process.exit(drifted > 0 ? 1 : 0);
