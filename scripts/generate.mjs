#!/usr/bin/env node
// Regenerates the clients' types from the specs (every specs/<name>/openapi.yaml).
//
//   node scripts/generate.mjs [api...]           write src/generated/ for the named APIs (all when none)
//   node scripts/generate.mjs --check [api...]   write nothing; exit 1 if a generated file differs from a fresh generation
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { readApis, repoRoot } from "./lib/apis.mjs";
import { generateTypes } from "./lib/generate-types.mjs";

const args = process.argv.slice(2);
const check = args.includes("--check");
const names = args.filter((arg) => arg !== "--check");

const apis = readApis();
const unknown = names.filter((name) => !apis.some((api) => api.name === name));
if (unknown.length > 0) {
  console.error(
    `generate: no api named ${unknown.join(", ")}: no specs/<name>/openapi.yaml (known: ${apis.map((a) => a.name).join(", ")})`,
  );
  process.exit(2);
}

let drifted = 0;
for (const api of apis.filter((a) => names.length === 0 || names.includes(a.name))) {
  const text = await generateTypes(join(repoRoot, api.root), api.root);
  const output = join(repoRoot, api.output);
  const current = existsSync(output) ? readFileSync(output, "utf8") : undefined;
  if (check) {
    if (current !== text) {
      drifted += 1;
      console.error(
        `generate --check: ${api.output} differs from a fresh generation of ${api.root}; run pnpm generate`,
      );
    }
  } else if (current !== text) {
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, text);
    console.log(`generate: wrote ${api.output}`);
  } else {
    console.log(`generate: ${api.output} is up to date`);
  }
}
process.exit(drifted > 0 ? 1 : 0);
