// Runs a package's README example against the certkit sandbox: what `npm run examples` shows and the tests check.
// Each provider has a file in sandbox-examples/ that knows what its example expects from the reader's machine
// (credentials, a CSR on disk), how fast the sandbox should be for it, and what it leaves behind (certificate files),
// so that a run is judged by its result, not only by its exit code.
import { readdirSync } from "node:fs";
import { createSandbox } from "@certkit/sandbox";
import { startSandboxServer } from "@certkit/sandbox/node";
import { runReadmeExample } from "./readme-examples.mjs";

/**
 * @typedef {import("@certkit/sandbox").Sandbox} Sandbox
 * @typedef {import("@certkit/sandbox/node").SandboxServer} SandboxServer
 * @typedef {import("./readme-examples.mjs").ReadmeExample} ReadmeExample
 * @typedef {object} SandboxExample
 * @property {string} title
 * @property {import("@certkit/sandbox").SandboxOptions} sandboxOptions  delays short enough for a demo
 * @property {(dir: string, server: SandboxServer, sandbox: Sandbox) => Promise<NodeJS.ProcessEnv>} prepare
 * @property {(dir: string, sandbox: Sandbox) => Promise<string>} verify  resolves with what was verified; throws if not
 */

const examplesDir = new URL("./sandbox-examples/", import.meta.url);

/** Every provider's sandbox example, by package folder: one file per provider (helpers like verify-fullchain aside). */
/** @type {Record<string, SandboxExample>} */
export const SANDBOX_EXAMPLES = Object.fromEntries(
  await Promise.all(
    readdirSync(examplesDir)
      .filter((file) => file.endsWith(".mjs") && file !== "verify-fullchain.mjs")
      .sort()
      .map(async (file) => [file.replace(/\.mjs$/, ""), (await import(new URL(file, examplesDir).href)).example]),
  ),
);

/**
 * Starts a sandbox on loopback, runs the example in it, checks what it left behind, and stops the sandbox.
 * @param {ReadmeExample} example
 * @param {{ onLine?: (line: string) => void }} [options]
 * @returns {Promise<{ ok: boolean, output: string, verified?: string, problem?: string }>}
 */
export async function runSandboxExample(example, options = {}) {
  const entry = SANDBOX_EXAMPLES[example.folder];
  if (!entry) throw new Error(`no sandbox setup for the ${example.folder} README`);
  const sandbox = await createSandbox(entry.sandboxOptions);
  const server = await startSandboxServer(sandbox);
  try {
    const env = { ...(await entry.prepare(example.dir, server, sandbox)), SANDBOX_URL: server.url };
    const run = await runReadmeExample(example, { env, onLine: options.onLine });
    if (run.code !== 0) return { ok: false, output: run.output, problem: `the example exited with code ${run.code}` };
    try {
      return { ok: true, output: run.output, verified: await entry.verify(example.dir, sandbox) };
    } catch (error) {
      return { ok: false, output: run.output, problem: error instanceof Error ? error.message : String(error) };
    }
  } finally {
    await server.close();
  }
}
