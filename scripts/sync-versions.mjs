#!/usr/bin/env node
// After `changeset version`: copies each package.json version into its src/version.ts (see lib/package-versions.mjs).
import { repoRoot } from "./lib/apis.mjs";
import { syncPackageVersions } from "./lib/package-versions.mjs";

for (const file of syncPackageVersions(repoRoot)) console.log(`sync-versions: updated ${file}`);
