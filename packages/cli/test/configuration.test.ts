import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROVIDER_NAMES } from "@certkit/certificates";
import { SANDBOX_CREDENTIALS } from "@certkit/sandbox";
import type { SandboxServer } from "@certkit/sandbox/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshHome, hasStackTrace, jsonOf, runCertkit } from "./support/run-certkit.js";
import { startTestSandbox } from "./support/sandbox-server.js";

describe("certkit configuration", { timeout: 180_000 }, () => {
  let server: SandboxServer;
  beforeAll(async () => ({ server } = await startTestSandbox()));
  afterAll(() => server.close());

  it("with nothing configured it runs against the embedded sandbox, says so on the first line, and keeps its state", async () => {
    const { home, env } = freshHome();
    const first = await runCertkit(["list", "--json"], { env });
    expect(first.code).toBe(0);
    const stateFile = join(home, "state", "certkit", "sandbox.json");
    expect(first.stderr.split("\n")[0]).toBe(
      "certkit: no provider is configured, so the embedded sandbox simulates every provider (offline; state in ~/state/certkit/sandbox.json)",
    );
    const seeded = jsonOf(first).orders;
    expect(seeded.length).toBeGreaterThan(0);
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
    // The demo data seeded on first use is still there on the next run: the state outlived the process.
    const second = jsonOf(await runCertkit(["list", "--json"], { env })).orders;
    expect(second.map((order: any) => order.ref)).toEqual(seeded.map((order: any) => order.ref));
  });

  it("CERTKIT_SANDBOX_STATE moves the embedded sandbox's state file; providers shows each as the sandbox's", async () => {
    const { home, env } = freshHome();
    const stateFile = join(home, "elsewhere.json");
    const run = await runCertkit(["providers"], { env: { ...env, CERTKIT_SANDBOX_STATE: stateFile } });
    expect(run.code).toBe(0);
    expect(existsSync(stateFile)).toBe(true);
    // What the first line says, the table says too: every provider is the sandbox's.
    expect(run.stdout).toMatch(/^provider\s+account\s+list/);
    expect(
      run.stdout
        .trimEnd()
        .split("\n")
        .slice(1)
        .every((line) => /^\S+\s+sandbox\s/.test(line)),
    ).toBe(true);
  });

  it("a corrupt state file fails with one line saying what to do", async () => {
    const { home, env } = freshHome();
    const stateFile = join(home, "state.json");
    writeFileSync(stateFile, "{not json");
    const run = await runCertkit(["list"], { env: { ...env, CERTKIT_SANDBOX_STATE: stateFile } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `certkit: the embedded sandbox's state file ${stateFile} is damaged (not a sandbox state): delete it to start afresh`,
    );
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it("--sandbox and CERTKIT_SANDBOX_URL use a running sandbox for every provider", async () => {
    const { env } = freshHome();
    for (const run of [
      await runCertkit(["providers", "--json", "--sandbox", server.url], { env }),
      await runCertkit(["providers", "--json"], { env: { ...env, CERTKIT_SANDBOX_URL: server.url } }),
    ]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(`certkit: the certkit sandbox at ${server.url} simulates every provider\n`);
      expect(jsonOf(run).providers.every((provider: any) => provider.account === "sandbox")).toBe(true);
    }
    const bad = await runCertkit(["providers", "--sandbox", "not a url"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--sandbox must be the sandbox's URL");
  });

  it("a config file configures providers with their adapter options; the environment overrides it", async () => {
    const { home, env } = freshHome();
    const file = join(home, "config", "certkit", "config.json");
    mkdirSync(join(home, "config", "certkit"), { recursive: true });
    writeFileSync(
      file,
      JSON.stringify({
        providers: {
          resello: { ...SANDBOX_CREDENTIALS.resello, apiKey: "wrong-key", baseUrl: server.baseUrl("resello") },
        },
      }),
      { mode: 0o600 },
    );
    const fromFile = await runCertkit(["list", "--json"], { env });
    expect(fromFile.code).toBe(1);
    expect(jsonOf(fromFile).failures).toEqual([expect.objectContaining({ provider: "resello", code: "AUTH" })]);
    const fixed = await runCertkit(["list", "--json"], {
      env: { ...env, CERTKIT_RESELLO_API_KEY: SANDBOX_CREDENTIALS.resello.apiKey },
    });
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toBe("");
    const providers = jsonOf(await runCertkit(["providers", "--json"], { env })).providers;
    expect(
      providers.filter((provider: any) => provider.account === "configured").map((provider: any) => provider.provider),
    ).toEqual(["resello"]);
    // Every other provider of the registry is not configured.
    expect(providers.filter((provider: any) => provider.account === "none")).toHaveLength(PROVIDER_NAMES.length - 1);
  });

  it("--config and CERTKIT_CONFIG name the file; a file others can read gets a warning", async () => {
    const { home, env } = freshHome();
    const file = join(home, "certkit.json");
    writeFileSync(
      file,
      JSON.stringify({
        providers: { sslmarket: { ...SANDBOX_CREDENTIALS.sslmarket, baseUrl: server.baseUrl("sslmarket") } },
      }),
    );
    chmodSync(file, 0o644);
    for (const run of [
      await runCertkit(["list", "--config", file], { env }),
      await runCertkit(["list"], { env: { ...env, CERTKIT_CONFIG: file } }),
    ]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(
        `certkit: warning: the config file ${file} can be read by other users: chmod 600 it, since it may hold credentials\n`,
      );
    }
  });

  it.each([
    ["a missing file", (dir: string) => join(dir, "nope.json"), /cannot read the config file .*nope\.json/],
    [
      "a file that is not JSON",
      (dir: string) => (writeFileSync(join(dir, "c.json"), "providers:"), join(dir, "c.json")),
      /is not valid JSON/,
    ],
    [
      "a file without providers",
      (dir: string) => (writeFileSync(join(dir, "c.json"), "{}"), join(dir, "c.json")),
      /must hold \{"providers"/,
    ],
    [
      "an unknown provider",
      (dir: string) => (writeFileSync(join(dir, "c.json"), '{"providers":{"letsencrypt":{}}}'), join(dir, "c.json")),
      /names an unknown provider "letsencrypt"/,
    ],
  ])("%s is bad usage (exit 2)", async (_case, make, message) => {
    const { home, env } = freshHome();
    const run = await runCertkit(["list", "--config", make(home)], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("a provider configured by halves is bad usage, naming the missing variable", async () => {
    const { env } = freshHome();
    const run = await runCertkit(["list"], { env: { ...env, CERTKIT_DNSIMPLE_V1_EMAIL: "me@example.com" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("CERTKIT_DNSIMPLE_V1_EMAIL is set but CERTKIT_DNSIMPLE_V1_TOKEN is not");
  });

  it("an option the adapter refuses is bad usage, before any request", async () => {
    const { env } = freshHome();
    const run = await runCertkit(["list"], {
      env: { ...env, CERTKIT_IONOS_API_KEY: "some-key", CERTKIT_IONOS_BASE_URL: "not a url" },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^certkit: .*baseUrl/);
  });

  it("a command for a provider that is not configured is bad usage", async () => {
    const { env } = freshHome();
    const run = await runCertkit(["show", "dnsimple:1/example.com/2"], {
      env: { ...env, CERTKIT_SSLMARKET_TOKEN: "t0ken-value", CERTKIT_SSLMARKET_BASE_URL: server.baseUrl("sslmarket") },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("dnsimple is not configured (configured: sslmarket)");
  });
});
