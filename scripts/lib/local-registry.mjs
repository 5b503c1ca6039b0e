// A private npm registry on loopback (Verdaccio, from the npm registry), for proving that the packages install and
// work as published: storage in a temporary folder, no uplinks (nothing is fetched from the internet), and one user
// whose token can publish.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { repoRoot } from "./apis.mjs";

const verdaccioBin = join(repoRoot, "scripts", "node_modules", ".bin", "verdaccio");

/**
 * @typedef {object} LocalRegistry
 * @property {string} url        `http://127.0.0.1:<port>/`
 * @property {string} npmrc      an npmrc file that points npm and pnpm at the registry, with a token that may publish
 * @property {NodeJS.ProcessEnv} env  environment for npm, pnpm and changesets to use the registry and nothing else
 * @property {() => Promise<void>} stop  stops the registry and deletes its storage
 */

/** A port nobody listens on now. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  if (typeof address !== "object" || address === null) throw new Error("could not find a free port");
  return address.port;
}

/**
 * How long the registry may take to answer its first ping. Verdaccio usually starts in one or two seconds, but on a
 * machine whose cores are busy with other test runs it was seen taking over fifteen; the wait ends as soon as it
 * answers, so only a registry that is really stuck costs this much.
 */
const READY_TIMEOUT_MS = 90_000;

/**
 * Waits until the registry answers its ping, checking every 100 ms up to {@link READY_TIMEOUT_MS}; fails at once when
 * the process exits before that.
 * @param {string} url
 * @param {import("node:child_process").ChildProcess} child
 * @param {() => string} log what the registry printed so far, for the error
 */
export async function waitUntilUp(url, child, log) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `Verdaccio exited (${child.signalCode ?? `code ${child.exitCode}`}) before it answered at ${url}:\n${log()}`,
      );
    }
    try {
      if ((await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(5_000) })).ok) return;
    } catch {
      // not listening yet, or too busy to answer in time
    }
    await sleep(100);
  }
  throw new Error(`Verdaccio did not answer at ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${log()}`);
}

/**
 * Starts Verdaccio on 127.0.0.1 with its storage in a new temporary folder, and signs up a publisher.
 * @returns {Promise<LocalRegistry>}
 */
export async function startLocalRegistry() {
  const home = mkdtempSync(join(tmpdir(), "certkit-registry-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = join(home, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${join(home, "storage")}`,
      "auth:",
      "  htpasswd:",
      `    file: ${join(home, "htpasswd")}`,
      "    max_users: 1",
      // No uplinks: a package that was not published here does not exist, so nothing can come from the internet.
      "uplinks: {}",
      "packages:",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "log: { type: stdout, format: pretty, level: warn }",
      // Outlive the clients' idle keep-alive sockets, so no client reuses a socket the registry is closing.
      "server:",
      "  keepAliveTimeout: 120",
      "",
    ].join("\n"),
  );
  const child = spawn(verdaccioBin, ["--config", config, "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, () => output);
    const signup = await fetch(`${url}-/user/org.couchdb.user:certkit`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "certkit", password: "certkit-local-registry" }),
    });
    const { token } = /** @type {{ token?: string }} */ (await signup.json());
    if (!token) throw new Error(`Verdaccio refused the publisher: HTTP ${signup.status}`);
    const npmrc = join(home, "npmrc");
    writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    const env = {
      ...process.env,
      npm_config_userconfig: npmrc,
      npm_config_registry: url,
      npm_config_cache: join(home, "npm-cache"),
      npm_config_store_dir: join(home, "pnpm-store"),
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
    };
    return { url, npmrc, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
