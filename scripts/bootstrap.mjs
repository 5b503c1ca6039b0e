#!/usr/bin/env node
// Sets up the toolchain this repository needs, then runs one root script with it.
//
//   node scripts/bootstrap.mjs <root-script> [args...]
//
// Runs on any Node >= 18 with npm and nothing else, because CI and many developer machines have exactly that.
// - Node: when the running Node is older than MIN_NODE, Node NODE_VERSION is installed from the npm registry into
//   .tools/ (the `node` package) and put first on PATH; pnpm runs every script with the first `node` on PATH.
//   Set CERTKIT_SYSTEM_NODE=1 to refuse the download and fail instead.
// - pnpm: the version named in package.json `packageManager`; a matching pnpm on PATH is used as it is,
//   otherwise it is installed into .tools/ the same way (corepack is not used: it needs registry signatures).
// Nothing is written outside the repository except npm's and pnpm's own caches.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const MIN_NODE = [22, 12, 0];
const NODE_VERSION = "24.21.0";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const toolsDir = join(root, ".tools");
const toolsBin = join(toolsDir, "node_modules", ".bin");
const pnpmVersion = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.replace(/^pnpm@/, "");

/** @param {string} message */
function log(message) {
  process.stderr.write(`[bootstrap] ${message}\n`);
}

/**
 * @param {string} version
 * @param {number[]} minimum
 */
function atLeast(version, minimum) {
  const parts = version.replace(/^v/, "").split(".").map(Number);
  for (let i = 0; i < minimum.length; i += 1) {
    const [have = 0, need = 0] = [parts[i], minimum[i]];
    if (have !== need) return have > need;
  }
  return true;
}

/**
 * @param {string} command
 * @param {NodeJS.ProcessEnv} env
 */
function versionOf(command, env) {
  const result = spawnSync(command, ["--version"], { encoding: "utf8", env });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, "") : undefined;
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 */
function run(command, args, env) {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/**
 * Installs the given packages into .tools/ with npm, pinned exactly, unless they are already there.
 * @param {Record<string, string>} wanted package name → exact version
 */
function ensureTools(wanted) {
  const manifestPath = join(toolsDir, "package.json");
  const current = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, "utf8")).dependencies ?? {}) : {};
  const dependencies = { ...current, ...wanted };
  const upToDate = Object.entries(wanted).every(
    ([name, version]) => current[name] === version && existsSync(join(toolsDir, "node_modules", name, "package.json")),
  );
  if (upToDate) return;
  mkdirSync(toolsDir, { recursive: true });
  writeFileSync(manifestPath, `${JSON.stringify({ private: true, dependencies }, null, 2)}\n`);
  log(
    `installing ${Object.entries(wanted)
      .map(([n, v]) => `${n}@${v}`)
      .join(", ")} into .tools/ from the npm registry`,
  );
  const status = run(
    "npm",
    ["install", "--prefix", toolsDir, "--no-audit", "--no-fund", "--loglevel=error"],
    process.env,
  );
  if (status !== 0) {
    log("npm could not install the toolchain; see the output above");
    process.exit(status);
  }
}

const [script, ...scriptArgs] = process.argv.slice(2);
if (!script) {
  log("usage: node scripts/bootstrap.mjs <root-script> [args...]");
  process.exit(2);
}

/** @type {Record<string, string>} */
const wanted = {};
const systemNodeIsNewEnough = atLeast(process.versions.node, MIN_NODE);
if (!systemNodeIsNewEnough) {
  if (process.env.CERTKIT_SYSTEM_NODE === "1") {
    log(
      `Node ${process.versions.node} is older than ${MIN_NODE.join(".")} and CERTKIT_SYSTEM_NODE=1 forbids fetching one`,
    );
    process.exit(1);
  }
  wanted.node = NODE_VERSION;
}
if (versionOf("pnpm", process.env) !== pnpmVersion) wanted.pnpm = pnpmVersion;
if (Object.keys(wanted).length > 0) ensureTools(wanted);

// Turbo would otherwise announce its telemetry on every fresh machine (CI included).
/** @type {NodeJS.ProcessEnv} */
const env = { TURBO_TELEMETRY_DISABLED: "1", ...process.env };
if (Object.keys(wanted).length > 0) env.PATH = `${toolsBin}${delimiter}${env.PATH ?? ""}`;
log(`node ${versionOf("node", env)}, pnpm ${versionOf("pnpm", env)}`);

const installArgs = ["install", "--frozen-lockfile", "--prefer-offline"];
let status = run("pnpm", installArgs, env);
// --silent: the script's own last line (the test total) must stay the last line, without pnpm's lifecycle notes.
if (status === 0) status = run("pnpm", ["run", "--silent", script, ...scriptArgs], env);
process.exit(status);
