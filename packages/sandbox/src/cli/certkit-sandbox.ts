#!/usr/bin/env node
// `certkit-sandbox`: every simulated provider on a real HTTP server on loopback, for trying certkit (or testing code
// in another language) without an account or a network.
import { parseArgs } from "node:util";
import { SANDBOX_PROVIDERS } from "../providers.js";
import { createSandbox, type SandboxSnapshot } from "../sandbox.js";
import { startSandboxServer } from "../server/start-sandbox-server.js";
import { readSandboxStateFile, writeSandboxStateFile } from "../state/sandbox-state-file.js";

const USAGE = `Usage: certkit-sandbox [--port N] [--host ADDRESS] [--state FILE] [--empty]

Serves the certkit sandbox (simulators of IONOS SSL, DNSimple v2 and v1, Resello and SSLmarket) on loopback.

  --port N        port to listen on (default 4010; 0 picks a free one)
  --host ADDRESS  interface to listen on (default 127.0.0.1)
  --state FILE    start from the snapshot in FILE if it exists, and save the state there on exit (Ctrl-C);
                  saves are atomic (a crash leaves the old file or the new one) and the file is mode 0600
  --empty         start without the demo orders
  --help          show this help

The control API is under /_sandbox (GET it for every provider's base URL and credentials).`;

/** Writes one line to stderr and exits: 2 for bad usage, 1 for a failure. */
function fail(message: string, code: 1 | 2): never {
  process.stderr.write(`certkit-sandbox: ${message}\n`);
  process.exit(code);
}

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: "string", default: "4010" },
        host: { type: "string", default: "127.0.0.1" },
        state: { type: "string" },
        empty: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
    });
    return values;
  } catch (problem) {
    return fail(`${problem instanceof Error ? problem.message : String(problem)}\n${USAGE}`, 2);
  }
}

async function readSnapshot(file: string): Promise<SandboxSnapshot | undefined> {
  try {
    return await readSandboxStateFile(file);
  } catch (problem) {
    return fail(`cannot read the state file: ${problem instanceof Error ? problem.message : String(problem)}`, 1);
  }
}

const options = parseOptions();
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const port = Number(options.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a port number from 0 to 65535, got "${options.port}"`, 2);

const sandbox = await createSandbox();
const saved = options.state === undefined ? undefined : await readSnapshot(options.state);
const restoring = saved !== undefined;
if (restoring) {
  await sandbox.restore(saved).catch((problem: unknown) =>
    fail(`cannot restore the state file ${options.state}: ${problem instanceof Error ? problem.message : String(problem)}`, 1),
  );
} else if (!options.empty) {
  await sandbox.seed();
}

const server = await startSandboxServer(sandbox, { port, host: options.host }).catch((problem: unknown) =>
  fail(`cannot listen on ${options.host}:${port}: ${problem instanceof Error ? problem.message : String(problem)}`, 1),
);

const lines = [
  `certkit sandbox listening on ${server.url} (${restoring ? `state from ${options.state}` : options.empty ? "empty" : "with demo orders"})`,
  ...SANDBOX_PROVIDERS.map((provider) => {
    const { baseUrl, ...credentials } = server.clientOptions(provider);
    const shown = Object.entries(credentials).map(([name, value]) => `${name}=${value}`).join(" ");
    return `  ${provider.padEnd(12)} ${baseUrl}  ${shown}`;
  }),
  `  control API  ${server.url}/_sandbox`,
];
process.stdout.write(`${lines.join("\n")}\n`);

async function stop(): Promise<void> {
  if (options.state !== undefined) {
    await writeSandboxStateFile(options.state, await sandbox.snapshot());
    process.stdout.write(`state saved to ${options.state}\n`);
  }
  await server.close();
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stop().catch((problem: unknown) => fail(`could not stop cleanly: ${problem instanceof Error ? problem.message : String(problem)}`, 1));
  });
}
