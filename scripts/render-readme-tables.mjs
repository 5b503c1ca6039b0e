#!/usr/bin/env node
// Renders the README tables that come from the provider registry (see lib/readme-tables.mjs). Build first
// (`pnpm build`): the tables are read from the built `@certkit/certificates/providers`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./lib/apis.mjs";
import { readmeTables } from "./lib/readme-tables.mjs";

for (const { path, current, expected } of readmeTables(repoRoot)) {
  if (current === expected) continue;
  writeFileSync(join(repoRoot, path), expected);
  console.log(`readme-tables: wrote ${path}`);
}
