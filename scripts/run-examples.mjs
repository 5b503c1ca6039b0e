#!/usr/bin/env node
// `npm run examples`: every README example that has a sandbox setup, type-checked, then run against the certkit sandbox
// on loopback. Exits 0 only if every example ran and its result verified.
import { relative } from "node:path";
import { repoRoot } from "./lib/apis.mjs";
import { typecheckReadmeExamples, writeReadmeExamples } from "./lib/readme-examples.mjs";
import { runSandboxExample, SANDBOX_EXAMPLES } from "./lib/sandbox-examples.mjs";

const examples = writeReadmeExamples().filter((example) => example.folder in SANDBOX_EXAMPLES);
const typecheck = typecheckReadmeExamples();
if (!typecheck.ok) {
  console.error(`certkit examples: the README examples do not type-check:\n${typecheck.output}`);
  process.exit(1);
}

let failures = 0;
for (const example of examples) {
  console.log(`\n▶ ${SANDBOX_EXAMPLES[example.folder]?.title}`);
  console.log(`  running ${relative(repoRoot, example.file)} against the certkit sandbox (offline, on 127.0.0.1)`);
  const result = await runSandboxExample(example, { onLine: (line) => console.log(`  │ ${line}`) });
  if (result.ok) {
    console.log(`  ✔ ${result.verified}`);
  } else {
    failures += 1;
    console.log(`  ✘ ${result.problem}`);
  }
}
console.log(
  failures === 0
    ? `\ncertkit examples: ${examples.length} of ${examples.length} examples worked`
    : `\ncertkit examples: ${failures} of ${examples.length} examples failed`,
);
process.exit(failures === 0 ? 0 : 1);
