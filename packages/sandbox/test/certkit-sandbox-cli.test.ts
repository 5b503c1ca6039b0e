import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDnsimpleClient } from "@certkit/dnsimple";
import { createIonosSslClient } from "@certkit/ionos-ssl";
import { afterEach, describe, expect, it } from "vitest";
import { SANDBOX_PROVIDERS } from "../src/providers.js";

// The built bin, as `npx certkit-sandbox` runs it (turbo builds the package before its tests).
const BIN = new URL("../dist/cli/certkit-sandbox.js", import.meta.url).pathname;
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGKILL");
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bin to its end. */
function run(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, CERTKIT_SANDBOX_CONTROL_TOKEN: "" } });
  running.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

/** Starts the bin and waits for its banner; `stop()` sends SIGTERM and waits for it to exit. */
async function start(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ url: string; banner: string; stop: () => Promise<Run> }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, CERTKIT_SANDBOX_CONTROL_TOKEN: "", ...env },
  });
  running.push(child);
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Run>((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
  const banner = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("control API")) resolve(stdout);
    });
    void exited.then((result) => reject(new Error(`certkit-sandbox exited ${result.code}: ${result.stderr}`)));
  });
  const url = /listening on (http:\/\/\S+)/.exec(banner)?.[1] ?? "";
  return {
    url,
    banner,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

// Each test starts node processes that build a sandbox: on a loaded CI machine that takes seconds, not milliseconds.
describe("certkit-sandbox", { timeout: 30_000 }, () => {
  it("prints its usage with --help", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: certkit-sandbox \[--port N\]/);
    // The providers and the budgets come from the simulators' descriptors.
    expect(result.stdout).toContain(`or for one (${SANDBOX_PROVIDERS.join(", ")})`);
    expect(result.stdout).toContain("(default: dnsimple 2400/1h)");
  });

  it.each([
    [["--bogus"], /^certkit-sandbox: Unknown option '--bogus'/],
    [["--port", "99999"], /^certkit-sandbox: --port must be a port number from 0 to 65535, got "99999"/],
    [["--port", "http"], /got "http"/],
    [
      ["--issuance-delay", "5x"],
      /^certkit-sandbox: --issuance-delay: "5x" is not a duration \(e\.g\. 0, 500ms, 30s, 5m, 1h\)\n$/,
    ],
    [
      ["--issuance-delay", "ionos=5s"],
      new RegExp(`"ionos" is not a provider of the sandbox \\(${SANDBOX_PROVIDERS.join(", ")}\\)`),
    ],
    [["--issuance-delay", "400d"], /400d is longer than the 365d the sandbox takes/],
    [["--rate-limit", "100"], /--rate-limit: "100" is not a budget: write REQUESTS\/DURATION, e\.g\. 2400\/1h/],
    [["--rate-limit", "dnsimple=10/0"], /--rate-limit: the window must be longer than 0/],
    [
      ["--rate-limit", "resello=10/1m"],
      /--rate-limit: the resello simulator enforces no rate limit \(only dnsimple does\)/,
    ],
    [
      ["--cors", "http://localhost:5173/app"],
      /^certkit-sandbox: --cors: "http:\/\/localhost:5173\/app" is not an origin/,
    ],
    [["--cors", "localhost:5173"], /is not an origin/],
    [["--control-token", "two words"], /^certkit-sandbox: --control-token: the control token must be letters, digits/],
  ])("exits 2 on bad usage: %j", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });

  it("serves every provider with demo orders, and saves its state on SIGTERM for the next start", async () => {
    const state = join(mkdtempSync(join(tmpdir(), "certkit-sandbox-")), "state.json");
    const first = await start(["--port", "0", "--state", state]);
    expect(first.banner).toMatch(/^certkit sandbox listening on http:\/\/127\.0\.0\.1:\d+ \(with demo orders\)$/m);
    expect(first.banner).toContain(`  ionos-ssl    ${first.url}/ionos-ssl  apiKey=sandbox.ionos-ssl-api-key`);
    const description = (await (await fetch(`${first.url}/_sandbox`)).json()) as {
      providers: Record<string, { baseUrl: string }>;
    };
    const ionos = createIonosSslClient({
      apiKey: "sandbox.ionos-ssl-api-key",
      baseUrl: description.providers["ionos-ssl"]!.baseUrl,
    });
    expect((await ionos.GET("/v1/certificates")).data?.total).toBe(2);
    await ionos.POST("/v1/certificates", { body: { certificateType: "SSL_STARTER", commonName: "kept.example.com" } });
    const stopped = await first.stop();
    expect(stopped).toMatchObject({ code: 0, stderr: "" });
    expect(stopped.stdout).toContain(`state saved to ${state}`);
    expect(statSync(state).mode & 0o777).toBe(0o600);

    const second = await start(["--port", "0", "--state", state]);
    expect(second.banner).toContain(`(state from ${state})`);
    const again = createIonosSslClient({ apiKey: "sandbox.ionos-ssl-api-key", baseUrl: `${second.url}/ionos-ssl` });
    const { data } = await again.GET("/v1/certificates");
    expect(data?.certificates?.map((certificate) => certificate.commonName)).toEqual([
      "shop.example.com",
      "www.example.org",
      "kept.example.com",
    ]);
    await second.stop();
  });

  it("issues after the delay --issuance-delay sets, for every provider or for one", async () => {
    const sandbox = await start(["--port", "0", "--empty", "--issuance-delay", "5m", "--issuance-delay", "dnsimple=0"]);
    const dnsimple = createDnsimpleClient({ token: "sandbox-dnsimple-token", baseUrl: `${sandbox.url}/dnsimple/v2` });
    const path = { account: 1010, domain: "example.com" };
    const { data: purchase } = await dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt", {
      params: { path },
      body: { name: "now" },
    });
    await dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue", {
      params: { path: { ...path, purchaseId: purchase!.data.id } },
    });
    const { data: certificate } = await dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}", {
      params: { path: { ...path, certificate: purchase!.data.id } },
    });
    expect(certificate?.data.state).toBe("issued");

    // IONOS takes the global 5 minutes: not issued at once, issued once the sandbox clock has moved 5 minutes.
    const ionos = createIonosSslClient({ apiKey: "sandbox.ionos-ssl-api-key", baseUrl: `${sandbox.url}/ionos-ssl` });
    const { data: order } = await ionos.POST("/v1/certificates", {
      body: { certificateType: "SSL_STARTER", commonName: "later.example.com" },
    });
    const auth = order!.authenticationSummary!;
    const control = (path: string, body: unknown) =>
      fetch(`${sandbox.url}/_sandbox${path}`, {
        method: path === "/dns/txt" ? "PUT" : "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    await control("/dns/txt", { name: auth.name, value: auth.content });
    await ionos.POST("/v1/certificates/{id}/authentications/{authenticationId}", {
      params: { path: { id: order!.id!, authenticationId: auth.id! }, query: { action: "DCV_READY" } },
    });
    const status = async () =>
      (await ionos.GET("/v1/certificates/{id}", { params: { path: { id: order!.id! } } })).data?.status;
    expect(await status()).toBe("PENDING");
    await control("/clock/advance", { ms: 5 * 60_000 });
    expect(await status()).toBe("ACTIVE");
    await sandbox.stop();
  });

  it("enforces the budget --rate-limit sets", async () => {
    const sandbox = await start(["--port", "0", "--empty", "--rate-limit", "dnsimple=2/1h"]);
    const whoami = () =>
      fetch(`${sandbox.url}/dnsimple/v2/whoami`, { headers: { authorization: "Bearer sandbox-dnsimple-token" } });
    const answers = [await whoami(), await whoami(), await whoami()];
    expect(
      answers.map((answer) => [
        answer.status,
        answer.headers.get("x-ratelimit-limit"),
        answer.headers.get("x-ratelimit-remaining"),
      ]),
    ).toEqual([
      [200, "2", "1"],
      [200, "2", "0"],
      [429, "2", "0"],
    ]);
    await sandbox.stop();
  });

  it("answers the preflight of an origin given to --cors, and only that one", async () => {
    const sandbox = await start(["--port", "0", "--empty", "--cors", "http://localhost:5173"]);
    expect(sandbox.banner).toContain("  CORS         pages of http://localhost:5173 may call the simulated APIs");
    const preflight = (origin: string) =>
      fetch(`${sandbox.url}/ionos-ssl/v1/certificates`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "x-api-key, content-type",
        },
      });
    const allowed = await preflight("http://localhost:5173");
    expect([
      allowed.status,
      allowed.headers.get("access-control-allow-origin"),
      allowed.headers.get("access-control-allow-headers"),
    ]).toEqual([204, "http://localhost:5173", "x-api-key, content-type"]);
    const other = await preflight("http://localhost:3000");
    expect([other.status, other.headers.get("access-control-allow-origin")]).toEqual([403, null]);
    await sandbox.stop();
  });

  it("requires the control token from --control-token or CERTKIT_SANDBOX_CONTROL_TOKEN", async () => {
    for (const [args, env] of [
      [["--control-token", "t0ken"], {}],
      [[], { CERTKIT_SANDBOX_CONTROL_TOKEN: "t0ken" }],
    ] as const) {
      const sandbox = await start(["--port", "0", "--empty", ...args], env);
      expect(sandbox.banner).toContain(`  control API  ${sandbox.url}/_sandbox (with the control token)`);
      expect(sandbox.banner).not.toContain("t0ken");
      expect((await fetch(`${sandbox.url}/_sandbox`)).status).toBe(401);
      expect((await fetch(`${sandbox.url}/_sandbox`, { headers: { authorization: "Bearer t0ken" } })).status).toBe(200);
      await sandbox.stop();
    }
  });

  it("starts empty with --empty", async () => {
    const sandbox = await start(["--port", "0", "--empty"]);
    expect(sandbox.banner).toContain("(empty)");
    const ionos = createIonosSslClient({ apiKey: "sandbox.ionos-ssl-api-key", baseUrl: `${sandbox.url}/ionos-ssl` });
    expect((await ionos.GET("/v1/certificates")).data?.total).toBe(0);
    await sandbox.stop();
  });

  it("exits 1 with one line when the state file is not a snapshot", async () => {
    const state = join(mkdtempSync(join(tmpdir(), "certkit-sandbox-")), "state.json");
    writeFileSync(state, '{"format": "something else"}');
    const result = await run(["--port", "0", "--state", state]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `certkit-sandbox: cannot read the state file: ${state} is not a sandbox state file (expected {"format": "certkit-sandbox/1", ...})\n`,
    );
  });

  it("exits 1 with one line when the port is taken", async () => {
    const first = await start(["--port", "0", "--empty"]);
    const port = new URL(first.url).port;
    const result = await run(["--port", port, "--empty"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^certkit-sandbox: cannot listen on 127\\.0\\.0\\.1:${port}: listen EADDRINUSE.*\\n$`),
    );
    await first.stop();
  });
});
