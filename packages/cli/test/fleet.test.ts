// `certkit fleet` at the command line: each test on a database of its own in one embedded PostgreSQL for the file,
// with the fleet's sandbox accounts served on loopback. The fleet's own tests cover what its steps do; these cover
// what the CLI adds: reading the command line, reporting, exit codes, Ctrl-C, and the status output.
import { spawn } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FLEET_PROVIDERS, openFleet, parseFleetFile, type Fleet } from "@certkit/fleet";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { runCli } from "../src/run-cli.ts";
import { sandboxFleetFile, useSandboxWorld } from "../../fleet/test/support/sandbox-world.ts";
import { fleetDatabaseText, useTestDatabases } from "../../fleet/test/support/test-database.ts";
import {
  CERTKIT_BIN,
  finished,
  freshHome,
  hasStackTrace,
  jsonOf,
  runCertkit,
  startCertkit,
  type CertkitRun,
} from "./support/run-certkit.js";
import { runInProcess } from "./support/run-in-process.js";

// The sandbox fleet files hold one certificate per provider a fleet can use.
const COUNT = FLEET_PROVIDERS.length;

// Starting PostgreSQL and worker processes on a loaded machine: these bounds only end a hung test.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });
const databases = useTestDatabases();
const { world } = useSandboxWorld();

/**
 * A fresh home, working folder and database, with a fleet file of one sandbox certificate per provider in it, named
 * `<prefix>0-<provider>`: a prefix of its own for each test, as the sandbox (and what resync finds there) is shared.
 */
async function fleetHome(
  prefix: string,
): Promise<{ env: NodeJS.ProcessEnv; home: string; text: string; databaseUrl: string }> {
  const { env, home } = freshHome();
  const databaseUrl = await databases.fresh();
  const { text } = sandboxFleetFile(world().server.url, 1, prefix);
  writeFileSync(join(home, "fleet.yaml"), `${text}timing: { waitInterval: 1s }\n`);
  return { env: { ...env, DATABASE_URL: databaseUrl }, home, text, databaseUrl };
}

/** The fleet of `text` on `databaseUrl`, with its certificates applied (each waiting for its order step); no worker. */
async function appliedFleet(text: string, databaseUrl: string): Promise<Fleet> {
  const fleet = await openFleet({ file: parseFleetFile(text), databaseUrl });
  await fleet.apply();
  return fleet;
}

/** Resolves once the child's stdout or stderr holds `text`. */
function printed(
  child: ReturnType<typeof startCertkit>,
  stream: "stdout" | "stderr",
  test: (all: string) => boolean,
): Promise<void> {
  let all = "";
  return new Promise((resolve) => {
    child[stream]!.on("data", (chunk: Buffer) => {
      all += chunk.toString();
      if (test(all)) resolve();
    });
  });
}

const STATUS_FIELDS = [
  "key",
  "names",
  "provider",
  "account",
  "generation",
  "state",
  "orderId",
  "validUntil",
  "nextStep",
  "nextStepAt",
  "lastError",
].sort();

describe("certkit fleet: bad usage", () => {
  // Nothing here may reach a database: the URL's host does not resolve.
  const { env } = freshHome();
  const unreachable = { ...env, DATABASE_URL: "postgres://nobody:hunter2@db.example.test/fleet" };

  it.each([
    [["fleet"], /^certkit: certkit fleet needs run\|status\|resync \(see certkit fleet --help\)$/],
    [
      ["fleet", "stauts"],
      /^certkit: certkit fleet does run, status, resync; not "stauts"; did you mean status\? \(see certkit fleet --help\)$/,
    ],
    [["fleet", "run", "--watch"], /^certkit: certkit fleet run has no option --watch \(see certkit fleet --help\)$/],
    [["fleet", "run", "--json"], /^certkit: certkit fleet run has no option --json/],
    [["fleet", "status", "--workers", "2"], /^certkit: certkit fleet status has no option --workers/],
    [
      ["fleet", "resync", "--wrokers", "2"],
      /^certkit: certkit fleet has no option --wrokers; did you mean --workers\?/,
    ],
    [["fleet", "status", "fleet.yaml"], /^certkit: certkit fleet status takes no FILE: it reads the fleet's database/],
    [["fleet", "run", "a.yaml", "b.yaml"], /^certkit: certkit fleet takes 2 arguments; got run a.yaml b.yaml/],
    [
      ["fleet", "run", "--sandbox", "http://127.0.0.1:9"],
      /^certkit: certkit fleet takes no --sandbox: a fleet account uses a sandbox with sandbox: URL in the fleet file/,
    ],
    [["fleet", "run", "--config", "config.json"], /^certkit: certkit fleet takes no --config: a fleet's accounts/],
    [
      ["fleet", "run", "--workers", "0"],
      /^certkit: --workers must be a whole number from 1 to 64, got "0" \(see certkit fleet --help\)$/,
    ],
    [["fleet", "run", "--workers", "2.5"], /^certkit: --workers must be a whole number from 1 to 64, got "2.5"/],
    [["fleet", "run", "--concurrency", "1000"], /^certkit: --concurrency must be a whole number from 1 to 100/],
    [["fleet", "run", "--workers"], /^certkit: --workers needs a value: --workers N/],
    [["fleet", "status", "--watch=yes"], /^certkit: --watch takes no value/],
    [["fleet", "resync", "missing.yaml"], /^certkit: cannot read the fleet file .*missing\.yaml: ENOENT$/],
  ])("certkit %j: exit 2 and one clear line", async (args, message) => {
    const run = await runInProcess(args, { env: unreachable });
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
    // With --json, the failure is on stdout too.
    if (args.includes("--json")) expect(jsonOf(run).error.code).toBe("USAGE");
    else expect(run.stdout).toBe("");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it("names each problem of a bad fleet file with its line, column and field, one line each, and touches no database", async () => {
    const { home } = freshHome();
    const file = join(home, "fleet.yaml");
    writeFileSync(
      file,
      "accounts:\n  main: { provider: ionos-ssl, options: { apiKey: x } }\ncertificates:\n  - key: ../etc\n    names: [bad name]\n    account: main\n",
    );
    const run = await runInProcess(["fleet", "run"], { env: unreachable, cwd: home });
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")).toEqual([
      `certkit: ${file} has 3 problems:`,
      `  ${file}:2:51: accounts.main.options.apiKey: "apiKey" is a credential: name the environment variable that holds it under env instead`,
      `  ${file}:4:10: certificates[0].key: a key is 1 to 128 letters, digits, '.', '_' or '-'`,
      `  ${file}:5:13: certificates[0].names[0]: "bad name" is not a certificate name: must be a bare domain name, without scheme, port, path or spaces`,
      "",
    ]);
    expect(run.stdout).toBe("");

    const json = await runInProcess(["fleet", "resync", "fleet.yaml", "--json"], { env: unreachable, cwd: home });
    expect(json.code).toBe(2);
    const { error } = jsonOf(json);
    expect(error).toMatchObject({ code: "INVALID_INPUT", message: `${file} has 3 problems:` });
    expect(error.problems).toHaveLength(3);
    expect(error.problems[2]).toMatch(/:5:13: certificates\[0\]\.names\[0\]/);
  });

  it("says so in one line when the database cannot be reached, without the URL's password", async () => {
    const { home } = freshHome();
    writeFileSync(join(home, "fleet.yaml"), sandboxFleetFile("http://127.0.0.1:9", 1).text);
    const run = await runInProcess(["fleet", "resync", "--json"], { env: unreachable, cwd: home });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^certkit: fleet: .*db\.example\.test/);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(jsonOf(run).error.code).toBe("FLEET");
    expect(`${run.stdout}${run.stderr}`).not.toContain("hunter2");
  });
});

/** The README's example fleet file, with the test's sandbox in place of the one it starts on port 4010. */
function readmeFleetFile(): string {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /<!-- fleet:example -->\n```yaml\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error("the README has no <!-- fleet:example --> yaml block");
  return block[1]!.replaceAll("http://127.0.0.1:4010", world().server.url);
}

describe("certkit fleet run", () => {
  it("works the README's fleet file with 2 workers until every certificate is delivered, then Ctrl-C drains and exits 0", async () => {
    const { env, home } = freshHome();
    const environment = { ...env, DATABASE_URL: await databases.fresh() };
    writeFileSync(join(home, "fleet.yaml"), readmeFleetFile());
    // In a process group of its own, so that Ctrl-C can be sent as a terminal does: to the whole group, which the
    // worker it starts is in too.
    const child = spawn(process.execPath, [CERTKIT_BIN, "fleet", "run", "--workers", "2"], {
      cwd: home,
      env: { PATH: process.env.PATH, ...environment },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const run = finished(child);
    let interrupted = false;
    try {
      // Both at work (the worker started, its signal handlers in place), as when a person would press Ctrl-C.
      await printed(
        child,
        "stderr",
        (all) => all.includes("working with 2 workers") && all.includes("working with 1 worker"),
      );
      let certificates: { key: string; state: string; lastError: string | null }[] = [];
      while (!(certificates.length === 2 && certificates.every((row) => row.state === "delivered"))) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const status = await runInProcess(["fleet", "status", "--json"], { env: environment });
        expect(status.code).toBe(0);
        ({ certificates } = jsonOf(status));
        expect(
          certificates.filter((row) => row.state === "failed").map((row) => `${row.key}: ${row.lastError}`),
        ).toEqual([]);
      }
      process.kill(-child.pid!, "SIGINT");
      interrupted = true;
    } finally {
      // A failed expectation must not leave the fleet working.
      if (!interrupted) process.kill(-child.pid!, "SIGINT");
    }
    const { code, signal, stdout, stderr } = await run;
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/2 certificates in .*fleet\.yaml; 2 to start/);
    // Both drained (the worker too, though it had the terminal's SIGINT and then its run's SIGTERM), none cut short.
    expect(stderr.match(/draining: running steps finish, no new ones start/g)).toHaveLength(2);
    expect(stderr).not.toMatch(/worker process \d+ (exited|was ended)/);
    expect(hasStackTrace(stderr)).toBe(false);
    // Each certificate in a folder of its own under the defaults' folder, its key beside it.
    for (const key of ["shop", "api"]) {
      expect(readFileSync(join(home, "certificates", key, "fullchain.pem"), "utf8")).toMatch(
        /^-----BEGIN CERTIFICATE-----/,
      );
      expect(statSync(join(home, "certificates", key, "privkey.pem")).mode & 0o777).toBe(0o600);
    }
  });
});

describe("a fleet's credentials", () => {
  it("are read from the environment and reach neither the database nor anything printed, even when refused", async () => {
    const { env, home } = freshHome();
    const environment = {
      ...env,
      DATABASE_URL: await databases.fresh(),
      FLEET_IONOS_KEY: "live9f3c.Zq7uSecretNeverShown",
    };
    const url = world().server.url;
    writeFileSync(
      join(home, "fleet.yaml"),
      `accounts:
  real: { provider: ionos-ssl, options: { baseUrl: "${url}/ionos-ssl" }, env: { apiKey: FLEET_IONOS_KEY } }
defaults:
  publisher: { type: sandbox, url: "${url}" }
  deliver: { files: { dir: certificates } }
certificates:
  - key: refused
    names: [refused.example.com]
    account: real
`,
    );
    const child = startCertkit(["fleet", "run"], { env: environment, cwd: home });
    onTestFinished(() => void child.kill("SIGKILL"));
    const run = finished(child);
    let certificates: { state: string; lastError: string | null }[] = [];
    while (certificates[0]?.state !== "failed") {
      await new Promise((resolve) => setTimeout(resolve, 500));
      ({ certificates } = jsonOf(await runInProcess(["fleet", "status", "--json"], { env: environment })));
    }
    child.kill("SIGINT");
    const printed = await run;
    expect(printed.code).toBe(0);
    // The sandbox knows only its own key: the account is refused, and says so.
    expect(certificates[0]?.lastError).toMatch(/^order: ionos-ssl refused the order: /);
    const table = await runCertkit(["fleet", "status"], { env: environment });
    const everything = [
      printed.stdout,
      printed.stderr,
      table.stdout,
      table.stderr,
      JSON.stringify(certificates),
      await fleetDatabaseText(environment.DATABASE_URL),
    ].join("\n");
    expect(everything).toContain("refused.example.com");
    expect(everything).not.toContain("Zq7uSecretNeverShown");
  });
});

describe("certkit fleet status", () => {
  it("prints each certificate as a table and as stable JSON", async () => {
    const { env, text, databaseUrl } = await fleetHome("table");
    const fleet = await appliedFleet(text, databaseUrl);
    await fleet.close();

    const table = await runCertkit(["fleet", "status"], { env });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^KEY\s+STATE\s+EXPIRES\s+NEXT\s+LAST ERROR\n/);
    expect(table.stdout).toMatch(/^table0-resello\s+ordering\s+order (?:now|\d+m ago)$/m);
    expect(table.stdout).toMatch(new RegExp(`\n${COUNT} certificates: ${COUNT} ordering\n$`));

    const json = await runCertkit(["fleet", "status", "--json"], { env });
    expect(json.code).toBe(0);
    const { certificates } = jsonOf(json);
    expect(certificates).toHaveLength(COUNT);
    for (const row of certificates) expect(Object.keys(row).sort()).toEqual(STATUS_FIELDS);
    expect(certificates.find((row: { key: string }) => row.key === "table0-resello")).toMatchObject({
      names: ["table0-resello.example.net"],
      provider: "resello",
      account: "resello",
      generation: 1,
      state: "ordering",
      orderId: null,
      validUntil: null,
      nextStep: "order",
      lastError: null,
    });
  });

  it("--watch, not on a terminal, prints once per change, escapes a provider's control characters, and stops on Ctrl-C with 0", async () => {
    const { env, text, databaseUrl } = await fleetHome("watch");
    const fleet = await appliedFleet(text, databaseUrl);
    try {
      const child = startCertkit(["fleet", "status", "--watch"], { env });
      // A failed expectation must not leave it watching.
      onTestFinished(() => void child.kill("SIGKILL"));
      const run = finished(child);
      await printed(child, "stdout", (all) => all.includes(`${COUNT} certificates`));
      // A hostile answer's text, retitling the terminal, as a step's error.
      await fleet.store.recordError("watch0-sslmarket", 1, "order: \u001b]0;pwned\u0007 refused");
      await printed(child, "stdout", (all) => all.includes("pwned"));
      child.kill("SIGINT");
      const { code, stdout }: CertkitRun = await run;
      expect(code).toBe(0);
      expect(stdout.match(/^KEY /gm)).toHaveLength(2);
      expect(stdout).toMatch(
        /^watch0-sslmarket\s+ordering\s+order (?:now|\d+m ago)\s+order: \\x1b]0;pwned\\x07 refused$/m,
      );
      expect(stdout).not.toContain("\u001b");
    } finally {
      await fleet.close();
    }
  });

  it("--watch on a terminal redraws the table in place until Ctrl-C", async () => {
    const { env, text, databaseUrl } = await fleetHome("tty");
    await (await appliedFleet(text, databaseUrl)).close();
    const interrupt = new AbortController();
    let stdout = "";
    const drawings = () => stdout.split("\u001b[H\u001b[2J").length - 1;
    const running = runCli(["fleet", "status", "--watch"], {
      stdout: {
        isTTY: true,
        write: (chunk: string) => {
          stdout += chunk;
          if (drawings() === 2) interrupt.abort();
        },
      },
      stderr: { write: () => true },
      env,
      cwd: env.HOME!,
      signal: interrupt.signal,
    });
    expect(await running).toBe(0);
    expect(drawings()).toBe(2);
    expect(stdout.startsWith("\u001b[H\u001b[2JKEY ")).toBe(true);
  });
});

describe("certkit fleet resync", () => {
  it("applies the file and rebuilds the database from each account's orders, as text or JSON", async () => {
    const { env, home } = await fleetHome("resync");
    const text = await runCertkit(["fleet", "resync"], { env, cwd: home });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      new RegExp(
        `^resync: ${COUNT} certificates; 0 updated, 0 orders adopted, 0 to order again; \\d+ orders belong to no certificate\n$`,
      ),
    );

    const json = await runCertkit(["fleet", "resync", "fleet.yaml", "--json"], { env, cwd: home });
    expect(json.code).toBe(0);
    expect(jsonOf(json)).toMatchObject({ certificates: COUNT, adopted: 0, reordered: 0, updated: 0, failures: [] });
  });
});

describe("certkit fleet without @certkit/fleet installed", () => {
  it("says which package to install and how, for a global CLI too, where a module error would say nothing useful", async () => {
    const { loadFleet, FleetNotInstalledError } = await import("../src/commands/fleet-command.ts");
    const missing = Object.assign(
      new Error("Cannot find package '@certkit/fleet' imported from /app/node_modules/@certkit/cli/dist"),
      {
        code: "ERR_MODULE_NOT_FOUND",
      },
    );
    const failure = await loadFleet(() => Promise.reject(missing)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FleetNotInstalledError);
    // A CLI installed with --global loads only packages installed with --global: a plain `npm install` in the
    // current folder does not reach it.
    expect((failure as Error).message).toBe(
      "the package @certkit/fleet is not installed beside the CLI: npm install --global @certkit/fleet " +
        "(without --global, in the project, when @certkit/cli is a project's dependency)",
    );
  });

  it("lets any other failure of loading it through unchanged", async () => {
    const { loadFleet } = await import("../src/commands/fleet-command.ts");
    const other = Object.assign(
      new Error("Cannot find package 'pg' imported from /app/node_modules/@certkit/fleet/dist"),
      {
        code: "ERR_MODULE_NOT_FOUND",
      },
    );
    await expect(loadFleet(() => Promise.reject(other))).rejects.toBe(other);
  });
});
