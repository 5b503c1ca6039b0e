import { PROVIDER_NAMES } from "@certkit/certificates";
import { describe, expect, it } from "vitest";
import { freshHome, hasStackTrace, jsonOf, runCertkit } from "./support/run-certkit.js";
import { runInProcess } from "./support/run-in-process.js";

const COMMANDS = [
  "demo",
  "providers",
  "list",
  "show",
  "order",
  "sandbox",
  "validate",
  "wait",
  "download",
  "renew",
  "reissue",
  "cancel",
  "revoke",
  "fleet",
];

describe("certkit usage", { timeout: 30_000 }, () => {
  const { env } = freshHome();

  it("--help lists every command, the options, the variables and the exit codes", async () => {
    const run = await runCertkit(["--help"], { env });
    expect(run.code).toBe(0);
    for (const command of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    expect(run.stdout).toContain("CERTKIT_IONOS_API_KEY");
    // Every provider of the registry, by its name.
    expect(run.stdout).toContain("\nDNSimple v2, DNSimple v1, IONOS SSL, Resello, SSLmarket and ZeroSSL.\n");
    expect(run.stdout).toContain("DATABASE_URL, CERTKIT_FLEET_FILE, CERTKIT_FLEET_DATA_DIR: certkit fleet's database");
    expect(run.stdout).toContain("exit codes: 0 done, 1 the operation failed, 2 bad usage or input");
  });

  it("with no command prints the help and exits 2", async () => {
    const run = await runCertkit([], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("usage: certkit <command>");
  });

  it("--version prints the package's version", async () => {
    const run = await runCertkit(["--version"], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each(COMMANDS)("%s --help shows its usage and options, and touches nothing", async (command) => {
    const run = await runInProcess([command, "--help"], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`usage: certkit ${command}`);
    expect(run.stdout).toContain("--json");
    expect(run.stderr).toBe("");
  });

  it("fleet --help lists every environment variable the fleet reads", async () => {
    const run = await runInProcess(["fleet", "--help"], { env });
    expect(run.code).toBe(0);
    const environment = run.stdout.slice(run.stdout.indexOf("\nenvironment:\n"));
    for (const variable of [
      "DATABASE_URL",
      "CERTKIT_FLEET_FILE",
      "CERTKIT_FLEET_DATA_DIR",
      "XDG_STATE_HOME",
      "CERTKIT_FLEET_STARTED_BY",
    ]) {
      expect(environment).toMatch(new RegExp(`^  ${variable} `, "m"));
    }
    expect(environment).toContain("the variables an account's env names in the fleet file");
    // The options every other command takes that a fleet refuses are not offered.
    const options = run.stdout.slice(run.stdout.indexOf("\noptions:\n"));
    expect(options).toContain("--database-url URL");
    expect(options).toContain("--json");
    expect(options).not.toContain("--config");
    expect(options).not.toContain("--sandbox");
  });

  it.each([
    [["frobnicate"], /^certkit: there is no command "frobnicate" \(see certkit --help\)$/],
    [["lsit"], /^certkit: there is no command "lsit"; did you mean list\? \(see certkit --help\)$/],
    [
      ["list", "--no-such-option"],
      /^certkit: certkit list has no option --no-such-option \(see certkit list --help\)$/,
    ],
    [
      ["list", "--provder", "ionos-ssl"],
      /^certkit: certkit list has no option --provder; did you mean --provider\? \(see certkit list --help\)$/,
    ],
    [
      ["download", "ionos-ssl:x", "--froce"],
      /^certkit: certkit download has no option --froce; did you mean --force\?/,
    ],
    [["download", "ionos-ssl:x", "-q"], /^certkit: certkit download has no option -q \(see certkit download --help\)$/],
    [["download", "ionos-ssl:x", "--out"], /^certkit: --out needs a value: --out DIR/],
    [["download", "ionos-ssl:x", "--force=yes"], /^certkit: --force takes no value/],
    [["list", "--provider", "acme"], /^certkit: there is no provider "acme" \(certkit providers lists them\)$/],
    [
      ["list", "--provider", "ionos"],
      /^certkit: there is no provider "ionos"; did you mean ionos-ssl\? \(certkit providers lists them\)$/,
    ],
    [["list", "--provider", "resllo"], /^certkit: there is no provider "resllo"; did you mean resello\?/],
    [["wait", "ionos-ssl:x", "--until", "isued"], /not "isued"; did you mean issued\?/],
    [["wait", "ionos-ssl:x", "--timeout", "0s"], /--timeout must be between 1 s and 24 d, not 0s/],
    [["wait", "ionos-ssl:x", "--timeout", "30d"], /--timeout must be between 1 s and 24 d, not 30d/],
    [["wait", "ionos-ssl:x", "--timeout", "99999999999999999999d"], /--timeout must be between 1 s and 24 d/],
    [["wait", "ionos-ssl:x", "--interval", "0ms"], /--interval must be between 100 ms and 1 h, not 0ms/],
    [
      ["wait", "ionos-ssl:x", "--interval", "1.5"],
      /--interval must be a duration such as 90s, 15m, 2h, 1d or 1h30m, not "1.5"/,
    ],
    [["show"], /certkit show needs ID/],
    [["show", "a", "b"], /certkit show takes 1 argument; got a b/],
    [["providers", "extra"], /certkit providers takes no arguments/],
    [["order", "example.com", "--validation", "carrier-pigeon"], /--validation must be one of dns, file, email/],
    [["order", "example.com", "--years", "two"], /--years must be a whole number/],
    [["order", "example.com", "--csr", "a.csr", "--generate-key"], /give --csr FILE or --generate-key, not both/],
    [["order", "example.com", "--generate-key", "--key-type", "rsa-1024"], /--key-type must be one of rsa-2048/],
    [["list", "--expiring-within", "soon"], /--expiring-within must be a duration such as 90s/],
    [["wait", "ionos-ssl:x", "--until", "done"], /--until takes statuses among pending/],
    [["wait", "ionos-ssl:x", "--timeout", "1 hour"], /--timeout must be a duration/],
    [["revoke", "sslmarket:1"], /revoking cannot be undone: add --yes/],
    [["cancel", "ionos-ssl:1"], /cancelling cannot be undone: add --yes/],
    [["renew", "resello:x", "--generate-key"], /--generate-key needs --out DIR for renew/],
    [["show", "ionos-ssl:"], /the order id after "ionos-ssl:" is empty/],
    [["show", "1234"], /"1234" does not say its provider/],
    [
      ["order", "example.com"],
      `certkit: the sandbox simulates every provider (${PROVIDER_NAMES.join(", ")}): say which with --provider`,
    ],
    [["sandbox", "publish"], /^certkit: certkit sandbox needs publish ID/],
    [["sandbox", "reset", "ionos-ssl:x"], /^certkit: certkit sandbox does publish; not "reset"/],
  ])("certkit %j is bad usage: exit 2 and one clear line", async (args, message) => {
    // In-process: each fails before anything is sent; the spawned cases below check the same from the outside.
    const run = await runInProcess([...args, "--sandbox", "http://127.0.0.1:9"], { env });
    expect(run.code).toBe(2);
    // One line: what is wrong and where to look (besides the note on which sandbox is used, once it is opened).
    const lines = run.stderr
      .trimEnd()
      .split("\n")
      .filter((line) => !line.endsWith("simulates every provider"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(run.stdout).toBe("");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it.each([
    [["lsit"], 'certkit: there is no command "lsit"; did you mean list? (see certkit --help)\n'],
    [
      ["list", "--provder", "ionos-ssl"],
      "certkit: certkit list has no option --provder; did you mean --provider? (see certkit list --help)\n",
    ],
  ])("the installed command says %j is bad usage in one line, exit 2", async (args, line) => {
    const run = await runCertkit(args, { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(line);
    expect(run.stdout).toBe("");
  });

  it("--json reports bad usage as an error object on stdout too", async () => {
    const run = await runCertkit(["show", "--json"], { env });
    expect(run.code).toBe(2);
    expect(jsonOf(run)).toEqual({ error: { code: "USAGE", message: "certkit show needs ID" } });
  });
});
