import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FLEET_PROVIDERS, runFleetCommand } from "../src/index.ts";
import { sandboxFleetFile, useSandboxWorld } from "./support/sandbox-world.ts";
import { temporaryFolder } from "./support/temporary-folder.ts";
import { useTestDatabases } from "./support/test-database.ts";

const databases = useTestDatabases();

/**
 * Every environment variable the fleet's code reads (`env.NAME`, `env[CONSTANT]` with the constant's value, and
 * XDG_STATE_HOME where the embedded server lives), found in its source, so that a new one cannot miss the help.
 */
function fleetEnvironmentVariables(): string[] {
  const source = readdirSync(join(import.meta.dirname, "../src"), { recursive: true })
    .filter((file) => String(file).endsWith(".ts"))
    .map((file) => readFileSync(join(import.meta.dirname, "../src", String(file)), "utf8"))
    .join("\n");
  const names = new Set([...source.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]!));
  for (const [, constant] of source.matchAll(/env\[([A-Z][A-Z0-9_]+)\]/g)) {
    const value = new RegExp(`const ${constant} = "([A-Z0-9_]+)"`).exec(source)?.[1];
    if (value !== undefined) names.add(value);
  }
  return [...names].sort();
}
const { world } = useSandboxWorld();

function io(env: NodeJS.ProcessEnv = {}, signal = new AbortController().signal) {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: {
      stdout: { write: (text: string) => (out.stdout += text) },
      stderr: { write: (text: string) => (out.stderr += text) },
      env,
      cwd: temporaryFolder("certkit-fleet-cwd-"),
      signal,
    },
  };
}

describe("certkit fleet", () => {
  it("finds the variables it reads in its source (the help test's list)", () => {
    expect(fleetEnvironmentVariables()).toEqual([
      "CERTKIT_FLEET_DATA_DIR",
      "CERTKIT_FLEET_FILE",
      "CERTKIT_FLEET_STARTED_BY",
      "DATABASE_URL",
      "XDG_STATE_HOME",
    ]);
  });

  it("explains its usage, and exits 2 on an unknown command or option", async () => {
    const help = io();
    expect(await runFleetCommand(["--help"], help.io)).toBe(0);
    expect(help.out.stdout).toMatch(/^Usage: certkit fleet <command>/);
    for (const variable of fleetEnvironmentVariables())
      expect(help.out.stdout).toMatch(new RegExp(`^  ${variable} `, "m"));
    const unknown = io();
    expect(await runFleetCommand(["launch"], unknown.io)).toBe(2);
    expect(unknown.out.stderr).toMatch(/^certkit fleet: unknown command "launch": run, status or resync/);
    const option = io();
    expect(await runFleetCommand(["status", "--colour"], option.io)).toBe(2);
    expect(option.out.stderr).toMatch(/Unknown option '--colour'/);
    const workers = io();
    expect(await runFleetCommand(["run", "--workers", "0"], workers.io)).toBe(2);
    expect(workers.out.stderr).toMatch(/--workers must be a whole number from 1 to 64, got "0"/);
  });

  it("exits 2 with each problem of a fleet file on a line of its own, before touching any database", async () => {
    const { io: context, out } = io({ DATABASE_URL: "postgres://nobody@nowhere.example.test/x" });
    writeFileSync(
      join(context.cwd, "fleet.yaml"),
      "accounts: {}\ncertificates:\n  - key: a\n    names: [bad name]\n    account: x\n",
    );
    expect(await runFleetCommand(["run"], context)).toBe(2);
    expect(out.stderr).toMatch(/fleet\.yaml:4:13: certificates\[0\]\.names\[0\]: "bad name" is not a certificate name/);
  });

  it("runs until interrupted, then drains and exits 0; status shows what it did, as a table or JSON", async () => {
    const { text } = sandboxFleetFile(world().server.url, 1);
    // One certificate per provider.
    const count = FLEET_PROVIDERS.length;
    const interrupt = new AbortController();
    const databaseUrl = await databases.fresh();
    const running = io({ DATABASE_URL: databaseUrl }, interrupt.signal);
    writeFileSync(join(running.io.cwd, "fleet.yaml"), `${text}timing: { waitInterval: 1s }\n`);
    const finished = runFleetCommand(["run", "--workers", "2"], running.io);
    for (const until = Date.now() + 200_000; Date.now() < until; ) {
      const status = io({ DATABASE_URL: databaseUrl });
      expect(await runFleetCommand(["status", "--json"], status.io)).toBe(0);
      const { certificates } = JSON.parse(status.out.stdout) as { certificates: { state: string }[] };
      if (certificates.length === count && certificates.every((row) => row.state === "delivered")) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    interrupt.abort();
    expect(await finished).toBe(0);
    expect(running.out.stderr).toMatch(new RegExp(`${count} certificates in .*fleet\\.yaml; ${count} to start`));
    expect(running.out.stderr).toMatch(/draining/);
    const table = io({ DATABASE_URL: databaseUrl });
    expect(await runFleetCommand(["status"], table.io)).toBe(0);
    expect(table.out.stdout).toMatch(/^KEY\s+STATE\s+EXPIRES\s+NEXT/);
    expect(table.out.stdout).toMatch(/c0-ionos-ssl\s+delivered\s+\d{4}-\d\d-\d\d \(in \d+d\)\s+renew in \d+d/);
    expect(table.out.stdout).toMatch(new RegExp(`${count} certificates: ${count} delivered\n$`));
  });
});
