// Runs a package's README example against the certkit sandbox: what `npm run demo` shows and the tests check.
// Each entry knows what its example expects from the reader's machine (credentials, a CSR on disk) and what it
// leaves behind (certificate files), so that a run is judged by its result, not only by its exit code.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createSandbox, generateCsr, startSandboxServer } from "@certkit/sandbox";
import { runReadmeExample } from "./readme-examples.mjs";

/**
 * @typedef {import("@certkit/sandbox").Sandbox} Sandbox
 * @typedef {import("./readme-examples.mjs").ReadmeExample} ReadmeExample
 * @typedef {object} SandboxExample
 * @property {string} title
 * @property {(dir: string, sandbox: Sandbox, origin: string) => Promise<NodeJS.ProcessEnv>} prepare
 * @property {(dir: string, sandbox: Sandbox) => Promise<string>} verify  resolves with what was verified; throws if not
 */

/** @type {Record<string, SandboxExample>} */
export const SANDBOX_EXAMPLES = {
  "ionos-ssl": {
    title: "IONOS SSL: order, validate by DNS, download (packages/ionos-ssl/README.md)",
    async prepare(dir, sandbox, origin) {
      const { csr, privateKey } = await generateCsr({ commonName: "shop.example.com" });
      await writeFile(join(dir, "shop.example.com.csr"), csr);
      await writeFile(join(dir, "shop.example.com.key"), privateKey, { mode: 0o600 });
      return {
        IONOS_API_KEY: sandbox.credentials["ionos-ssl"].apiKey,
        IONOS_BASE_URL: sandbox.baseUrl(origin, "ionos-ssl"),
        IONOS_POLL_MS: "250",
      };
    },
    async verify(dir, sandbox) {
      const fullchain = await readFile(join(dir, "shop.example.com.fullchain.pem"), "utf8");
      const result = await sandbox.ca.verifyChain(fullchain, sandbox.clock.now());
      if (!result.ok) throw new Error(`the downloaded chain does not verify: ${result.problem}`);
      if (!result.names.includes("shop.example.com")) throw new Error(`the certificate is for ${result.names.join(", ")}`);
      return `${result.subject} chains to the sandbox root, valid until ${result.notAfter.toISOString().slice(0, 10)}`;
    },
  },
};

/**
 * Starts a sandbox on loopback, runs the example in it, checks what it left behind, and stops the sandbox.
 * @param {ReadmeExample} example
 * @param {{ onLine?: (line: string) => void }} [options]
 * @returns {Promise<{ ok: boolean, output: string, verified?: string, problem?: string }>}
 */
export async function runSandboxExample(example, options = {}) {
  const entry = SANDBOX_EXAMPLES[example.folder];
  if (!entry) throw new Error(`no sandbox setup for the ${example.folder} README`);
  // Issuance takes a second of real time, so the example's polling is seen doing its work.
  const sandbox = await createSandbox({ ionos: { issuanceDelayMs: 1000 } });
  const server = await startSandboxServer(sandbox);
  try {
    const env = { ...(await entry.prepare(example.dir, sandbox, server.url)), SANDBOX_URL: server.url };
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
