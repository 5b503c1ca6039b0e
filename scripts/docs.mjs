#!/usr/bin/env node
// `pnpm run docs [--out <folder>]` (`pnpm docs` alone is pnpm's own command): the API reference of every published
// package as one static site (TypeDoc), with each package's README as its page and the root README as the index. Any
// warning fails it: an export without TSDoc, a type a public signature uses that is not exported, a link that leads
// nowhere. Needs the packages built (`dist/` carries the `.d.ts` the packages import from each other); `pnpm run docs`
// builds them first.
import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { Application, Comment, OptionDefaults, ReflectionKind } from "typedoc";
import { repoRoot } from "./lib/apis.mjs";
import { readProviders } from "./lib/provider-registry.mjs";
import { publishedPackages } from "./lib/published-packages.mjs";

/** Where the site goes by default; git-ignored. */
export const DOCS_OUT = "docs-site";

/**
 * The sandbox's per-provider keys come from mapped types over its registry. TypeDoc gives such a member the comment
 * written inside the mapped type in some builds and none in others, so a member without one gets it here, in the
 * mapped type's words: each key is the entry of the simulator of that name.
 * @param {import("typedoc").ProjectReflection} project
 */
function documentProviderKeys(project) {
  const providers = new Set(readProviders(repoRoot));
  const mapped = new Set(["SandboxOptions", "SetupSandboxOptions", "SANDBOX_CREDENTIALS"]);
  for (const property of project.getReflectionsByKind(ReflectionKind.Property)) {
    if (!providers.has(property.name) || property.hasComment()) continue;
    const owner = property.parent?.name === "__type" ? property.parent.parent : property.parent;
    if (owner === undefined || !mapped.has(owner.name)) continue;
    property.comment = new Comment([
      { kind: "text", text: `The entry of the \`${property.name}\` simulator (see ${owner?.name}).` },
    ]);
  }
}

/**
 * Builds the site into `out`.
 * @param {string} out
 * @returns {Promise<{ ok: boolean, problems: number }>}
 */
export async function buildDocs(out) {
  const packages = publishedPackages();
  const withCode = packages.filter((pkg) => pkg.entryPoints.length > 0);
  const commandsOnly = packages.filter((pkg) => pkg.entryPoints.length === 0);
  const app = await Application.bootstrapWithPlugins({
    name: "certkit",
    entryPointStrategy: "packages",
    entryPoints: withCode.map((pkg) => join(repoRoot, pkg.dir)),
    readme: join(repoRoot, "README.md"),
    // A package without code (the CLI) is its README alone.
    projectDocuments: commandsOnly.map((pkg) => join(repoRoot, pkg.dir, "README.md")),
    packageOptions: {
      tsconfig: "tsconfig.build.json",
      // Entry points come from each package.json's `exports`, mapped back to src/ through the tsconfig.
      // openapi-typescript writes @description and @constant into the generated schemas.
      blockTags: [...OptionDefaults.blockTags, "@description", "@constant"],
      // A package's typedoc.json names the type-level helpers its signatures use that users never name
      // (`intentionallyNotExported`): documented where they are used, not exported, so the public surface stays small.
      // No git: a clone whose remote is not a known host (or has none) would warn, and every warning fails the build.
      disableGit: true,
      disableSources: true,
      excludePrivate: true,
      excludeInternal: true,
    },
    ignoredHighlightLanguages: ["mermaid"],
    includeVersion: false,
    // No links to source lines: a clone has no canonical remote to point them at.
    disableSources: true,
    // A client's TSDoc links to the runtime's types, which TypeDoc resolves to the runtime's built declarations, not
    // to their page in this site: point those links at the pages (every reflection page sits one folder deep).
    externalSymbolLinkMappings: {
      "@certkit/runtime": {
        ApiClient: "../interfaces/_certkit_runtime..ApiClient.html",
        ProviderClientOptions: "../interfaces/_certkit_runtime..ProviderClientOptions.html",
      },
    },
    validation: { notExported: true, notDocumented: true, invalidLink: true, rewrittenLink: true },
    treatWarningsAsErrors: true,
    logLevel: "Warn",
  });
  const failed = () => app.logger.hasErrors() || app.logger.hasWarnings();
  const project = await app.convert();
  if (project === undefined) return { ok: false, problems: app.logger.errorCount + app.logger.warningCount };
  documentProviderKeys(project);
  app.validate(project);
  if (!failed()) await app.generateDocs(project, out);
  return { ok: !failed(), problems: app.logger.errorCount + app.logger.warningCount };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: "string", default: join(repoRoot, DOCS_OUT) } } });
  const out = resolve(values.out);
  const { ok, problems } = await buildDocs(out);
  if (!ok) {
    console.error(`docs: ${problems} problem(s) above; fix them in the sources' TSDoc (see CONTRIBUTING.md)`);
    process.exit(1);
  }
  console.log(`docs: ${out}/index.html`);
}
