// Records the CLI README's walkthrough: runs its commands as written, on a terminal, against the embedded sandbox
// in a fresh home, and writes what the terminal showed into the README's transcript. Run it after a change to
// what the walkthrough prints (the walkthrough test fails until then):
//   pnpm --filter @certkit/cli run build && pnpm --filter @certkit/cli run walkthrough:record
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runWalkthrough, transcriptOf, walkthroughCommands, withTranscript } from "../test/support/walkthrough.ts";

const readmePath = fileURLToPath(new URL("../README.md", import.meta.url));
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const readme = readFileSync(readmePath, "utf8");
const steps = runWalkthrough(walkthroughCommands(readme), bin);
const failed = steps.find((step) => step.status !== 0);
if (failed) {
  process.stderr.write(`record-walkthrough: "${failed.command}" exited ${failed.status}:\n${failed.screen}`);
  process.exit(1);
}
writeFileSync(readmePath, withTranscript(readme, transcriptOf(steps)));
process.stdout.write(`record-walkthrough: ${steps.length} commands recorded in ${readmePath}\n`);
