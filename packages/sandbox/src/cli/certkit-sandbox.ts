#!/usr/bin/env node
// `certkit-sandbox`: every simulated provider on a real HTTP server on loopback, for trying certkit (or testing code
// in another language) without an account or a network.
import { parseArgs } from "node:util";
import { SANDBOX_PROVIDERS } from "../providers.js";
import { createSandbox, type SandboxSnapshot } from "../sandbox.js";
import { checkControlToken } from "../server/control-access.js";
import { corsOrigins } from "../server/cors.js";
import { startSandboxServer } from "../server/start-sandbox-server.js";
import { DEFAULT_ISSUANCE_DELAY_MS } from "../simulator.js";
import { readSandboxStateFile, writeSandboxStateFile } from "../state/sandbox-state-file.js";
import { FlagError, issuanceDelays, rateLimitDefaults, rateLimits, simulatorOptions } from "./simulator-flags.js";

const TOKEN_VARIABLE = "CERTKIT_SANDBOX_CONTROL_TOKEN";
const USAGE = `Usage: certkit-sandbox [--port N] [--host ADDRESS] [--state FILE] [--empty] [--cors ORIGIN]...
                       [--issuance-delay [PROVIDER=]DURATION]... [--rate-limit [PROVIDER=]N/DURATION]...

Serves the certkit sandbox (simulators of ${SANDBOX_PROVIDERS.join(", ")}) on loopback.

  --port N          port to listen on (default 4010; 0 picks a free one)
  --host ADDRESS    interface to listen on (default 127.0.0.1)
  --state FILE      start from the snapshot in FILE if it exists, and save the state there on exit (Ctrl-C);
                    saves are atomic (a crash leaves the old file or the new one) and the file is mode 0600
  --empty           start without the demo orders
  --cors ORIGIN     let web pages of ORIGIN (e.g. http://localhost:5173) call the simulated APIs; repeatable;
                    * lets in every page served from this machine (localhost, 127.0.0.1, [::1], any port)
  --allow-host NAME answer requests naming host NAME too (besides localhost and IP addresses); repeatable
  --control-token TOKEN
                    require Authorization: Bearer TOKEN on the control API (or set ${TOKEN_VARIABLE})
  --issuance-delay [PROVIDER=]DURATION
                    how long the CA takes to issue once validation passed (default ${DEFAULT_ISSUANCE_DELAY_MS / 1000}s): for every provider,
                    or for one (${SANDBOX_PROVIDERS.join(", ")}); repeatable.
                    DURATION: 0, 500ms, 30s, 5m, 1h, 1d
  --rate-limit [PROVIDER=]N/DURATION
                    the request budget a provider enforces (default: ${rateLimitDefaults()}), e.g. 100/1m
  --help            show this help

The control API is under /_sandbox (GET it for every provider's base URL and credentials). It answers only
requests naming this machine's host, and its writes need Content-Type: application/json.`;

/** Writes one line to stderr and exits: 2 for bad usage, 1 for a failure. */
function fail(message: string, code: 1 | 2): never {
  process.stderr.write(`certkit-sandbox: ${message}\n`);
  process.exit(code);
}

const describe = (problem: unknown) => (problem instanceof Error ? problem.message : String(problem));

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: "string", default: "4010" },
        host: { type: "string", default: "127.0.0.1" },
        state: { type: "string" },
        empty: { type: "boolean", default: false },
        cors: { type: "string", multiple: true, default: [] },
        "allow-host": { type: "string", multiple: true, default: [] },
        "control-token": { type: "string" },
        "issuance-delay": { type: "string", multiple: true, default: [] },
        "rate-limit": { type: "string", multiple: true, default: [] },
        help: { type: "boolean", default: false },
      },
      strict: true,
    });
    return values;
  } catch (problem) {
    return fail(`${describe(problem)}\n${USAGE}`, 2);
  }
}

/** Runs a check of one flag's value; a problem exits 2 with the flag's name. */
function checkFlag<T>(flag: string, check: () => T): T {
  try {
    return check();
  } catch (problem) {
    if (problem instanceof FlagError) return fail(problem.message, 2);
    return fail(`${flag}: ${describe(problem)}`, 2);
  }
}

async function readSnapshot(file: string): Promise<SandboxSnapshot | undefined> {
  try {
    return await readSandboxStateFile(file);
  } catch (problem) {
    return fail(`cannot read the state file: ${describe(problem)}`, 1);
  }
}

const options = parseOptions();
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const port = Number(options.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail(`--port must be a port number from 0 to 65535, got "${options.port}"`, 2);
const settings = checkFlag("--issuance-delay", () =>
  simulatorOptions(issuanceDelays(options["issuance-delay"]), rateLimits(options["rate-limit"])),
);
checkFlag("--cors", () => corsOrigins(options.cors));
const tokenFromEnvironment = process.env[TOKEN_VARIABLE];
const controlToken = options["control-token"] ?? (tokenFromEnvironment === "" ? undefined : tokenFromEnvironment);
if (controlToken !== undefined) checkFlag("--control-token", () => checkControlToken(controlToken));

const sandbox = await createSandbox(settings);
const saved = options.state === undefined ? undefined : await readSnapshot(options.state);
const restoring = saved !== undefined;
if (restoring) {
  await sandbox
    .restore(saved)
    .catch((problem: unknown) => fail(`cannot restore the state file ${options.state}: ${describe(problem)}`, 1));
} else if (!options.empty) {
  await sandbox.seed();
}

const server = await startSandboxServer(sandbox, {
  port,
  host: options.host,
  cors: options.cors,
  allowedHosts: options["allow-host"],
  controlToken,
}).catch((problem: unknown) => fail(`cannot listen on ${options.host}:${port}: ${describe(problem)}`, 1));

const lines = [
  `certkit sandbox listening on ${server.url} (${restoring ? `state from ${options.state}` : options.empty ? "empty" : "with demo orders"})`,
  ...SANDBOX_PROVIDERS.map((provider) => {
    const { baseUrl, ...credentials } = server.clientOptions(provider);
    const shown = Object.entries(credentials)
      .map(([name, value]) => `${name}=${value}`)
      .join(" ");
    return `  ${provider.padEnd(12)} ${baseUrl}  ${shown}`;
  }),
  ...(options.cors.length > 0
    ? [`  CORS         pages of ${options.cors.join(", ")} may call the simulated APIs`]
    : []),
  `  control API  ${server.url}/_sandbox${controlToken === undefined ? "" : " (with the control token)"}`,
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
    stop().catch((problem: unknown) => fail(`could not stop cleanly: ${describe(problem)}`, 1));
  });
}
