import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryFolder } from "./support/temporary-folder.ts";
import { certificateSpecs, DEFAULT_RENEW_BEFORE_MS, loadFleetFile, parseFleetFile } from "../src/index.ts";

const GOOD = `accounts:
  main: { provider: ionos-ssl, env: { apiKey: IONOS_API_KEY }, concurrency: 2 }
defaults:
  publisher: { type: command, command: [/usr/local/bin/publish-dns] }
  deliver: { files: { dir: /etc/ssl/fleet } }
certificates:
  - key: shop
    names: [Shop.Example.com, bücher.example.com]
    account: main
    renewBefore: 20d
  - key: api
    names: [api.example.com]
    account: main
    deliver: { command: [/usr/local/bin/install-cert, api] }
`;

function problemsOf(text: string): string[] {
  try {
    parseFleetFile(text, "fleet.yaml");
  } catch (error) {
    return (error as Error).message.split("\n").slice(1);
  }
  throw new Error("the file was accepted");
}

describe("the fleet file", () => {
  it("is read with the defaults applied, names as orders send them, and the provider from the account", () => {
    const specs = certificateSpecs(parseFleetFile(GOOD));
    expect(specs[0]).toEqual({
      key: "shop",
      names: ["shop.example.com", "xn--bcher-kva.example.com"],
      provider: "ionos-ssl",
      account: "main",
      keyType: "rsa-2048",
      renewBeforeMs: 20 * 86_400_000,
      // The defaults' folder holds one folder per certificate: in one, each would replace the other's key.
      deliver: { files: { dir: "/etc/ssl/fleet/shop", certificateMode: 0o644, keyMode: 0o600 } },
      publisher: { type: "command", command: ["/usr/local/bin/publish-dns"] },
    });
    expect(specs[1]).toMatchObject({
      renewBeforeMs: DEFAULT_RENEW_BEFORE_MS,
      deliver: { command: ["/usr/local/bin/install-cert", "api"] },
    });
  });

  it("names the line, column and field of each problem", () => {
    const text = GOOD.replace("names: [api.example.com]", "names: [api.example.com, 'http://x']").replace(
      "renewBefore: 20d",
      "renewBefore: 3 weeks",
    );
    expect(problemsOf(text)).toEqual([
      'fleet.yaml:10:18: certificates[0].renewBefore: "3 weeks" is not a duration: write a whole number and s, m, h or d (e.g. 30d)',
      'fleet.yaml:12:30: certificates[1].names[1]: "http://x" is not a certificate name: must be a bare domain name, without scheme, port, path or spaces',
    ]);
  });

  it("refuses a credential written into the file: it must come from the environment", () => {
    expect(problemsOf(GOOD.replace("env: { apiKey: IONOS_API_KEY }", "options: { apiKey: secret-123 }"))).toEqual([
      'fleet.yaml:2:51: accounts.main.options.apiKey: "apiKey" is a credential: name the environment variable that holds it under env instead',
    ]);
  });

  it("refuses a repeated key, an unknown account, and a certificate with nowhere to deliver", () => {
    const text = GOOD.replace("key: api", "key: shop")
      .replace("account: main\n    deliver", "account: other\n    deliver")
      .replace("  deliver: { files: { dir: /etc/ssl/fleet } }\n", "");
    expect(problemsOf(text)).toEqual([
      "fleet.yaml:6:5: certificates[0]: no deliver: give one here or under defaults",
      'fleet.yaml:10:10: certificates[1].key: key "shop" is already used by certificate 1',
      'fleet.yaml:12:14: certificates[1].account: no account "other" under accounts',
    ]);
  });

  it("refuses two certificates delivered into one folder, however the folder is written", () => {
    // `api` writes into the folder defaults give `shop` (/etc/ssl/fleet/shop), spelt another way.
    const text = GOOD.replace(
      "deliver: { command: [/usr/local/bin/install-cert, api] }",
      "deliver: { files: { dir: /etc/ssl/fleet/x/../shop/ } }",
    );
    expect(problemsOf(text)).toEqual([
      "fleet.yaml:14:14: certificates[1].deliver: delivers into /etc/ssl/fleet/shop, as certificate 1 does: each would replace the other's files",
    ]);
    expect(() => parseFleetFile(GOOD)).not.toThrow();
  });

  it("reports YAML that does not parse, and a JSON file's problems the same way", () => {
    expect(problemsOf("accounts: [1,\n certificates: 2")[0]).toMatch(/^fleet\.yaml:2:\d+: /);
    expect(
      problemsOf('{"accounts": {}, "certificates": [{"key": 1, "names": ["a.example.com"], "account": "x"}]}'),
    ).toEqual(["fleet.yaml:1:43: certificates[0].key: Invalid input: expected string, received number"]);
  });

  it("names the line and column of a YAML problem past the first line", () => {
    const broken =
      "accounts:\n  a: { provider: resello }\ncertificates:\n  - key: x\n    names: [a.example.test\n    account: a\n";
    expect(problemsOf(broken)[0]).toMatch(/^fleet\.yaml:(5|6|7):\d+: /);
    expect(problemsOf(`${GOOD}accounts: {}\n`)[0]).toMatch(/^fleet\.yaml:15:1: Map keys must be unique/);
  });

  it("refuses aliases that would expand without end, as a problem of the file", () => {
    const levels = Array.from({ length: 10 }, (_, level) =>
      level === 0
        ? "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"
        : `a${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(", ")}]`,
    );
    const bomb = `${levels.join("\n")}\naccounts: {}\ncertificates: []\n`;
    expect(() => parseFleetFile(bomb, "fleet.yaml")).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT",
        message: expect.stringMatching(/^fleet\.yaml has a problem:\n/),
      }),
    );
  });

  it("refuses an account named as an object's own property would be, and a supervise interval past 24h", () => {
    const text = GOOD.replace("account: main\n    renewBefore", "account: toString\n    renewBefore").replace(
      "certificates:",
      "timing: { supervise: 2d }\ncertificates:",
    );
    expect(problemsOf(text)).toEqual([
      "fleet.yaml:6:22: timing.supervise: at most 24h: how often stalled jobs are looked for",
      'fleet.yaml:10:14: certificates[0].account: no account "toString" under accounts',
    ]);
  });

  it("refuses a sweep schedule pg-boss could not run, when the file is read, and takes one it can", () => {
    const withSweep = (sweep: string) =>
      GOOD.replace("certificates:", `timing: { sweep: ${JSON.stringify(sweep)} }\ncertificates:`);
    for (const [sweep, problem] of [
      ["61 * * * *", "Constraint error, got value 61 expected range 0-59"],
      ["every five minutes", "cannot resolve alias"],
      ["0 0 31 2 *", "Invalid explicit day of month definition"],
      ["   ", "it is blank"],
      ["FREQ=MINUTELY;INTERVAL=5", "an RRULE is not taken here"],
      ["1,".repeat(200) + "1 * * * *", "it is longer than 256 characters"],
    ] as const) {
      expect(problemsOf(withSweep(sweep)), sweep).toEqual([
        expect.stringMatching(
          new RegExp(
            `^fleet\\.yaml:6:\\d+: timing\\.sweep: a cron expression, e\\.g\\. \\*/5 \\* \\* \\* \\*: .*${problem}`,
          ),
        ),
      ]);
    }
    for (const sweep of ["*/5 * * * *", "0 3 * * 1-5", "*/30 * * * * *"])
      expect(() => parseFleetFile(withSweep(sweep), "fleet.yaml"), sweep).not.toThrow();
  });

  it("says which file it cannot read", async () => {
    const dir = temporaryFolder("certkit-fleet-file-");
    await expect(loadFleetFile(join(dir, "missing.yaml"))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("ENOENT"),
    });
    writeFileSync(join(dir, "fleet.yaml"), GOOD);
    expect((await loadFleetFile(join(dir, "fleet.yaml"))).certificates).toHaveLength(2);
  });
});
