import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createIonosSslClient } from "@certkit/ionos-ssl";
import { afterEach, describe, expect, it } from "vitest";

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
  const child = spawn(process.execPath, [BIN, ...args]);
  running.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

/** Starts the bin and waits for its banner; `stop()` sends SIGTERM and waits for it to exit. */
async function start(args: string[]): Promise<{ url: string; banner: string; stop: () => Promise<Run> }> {
  const child = spawn(process.execPath, [BIN, ...args]);
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
  });

  it.each([
    [["--bogus"], /^certkit-sandbox: Unknown option '--bogus'/],
    [["--port", "99999"], /^certkit-sandbox: --port must be a port number from 0 to 65535, got "99999"/],
    [["--port", "http"], /got "http"/],
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
    const description = (await (await fetch(`${first.url}/_sandbox`)).json()) as { providers: Record<string, { baseUrl: string }> };
    const ionos = createIonosSslClient({ apiKey: "sandbox.ionos-ssl-api-key", baseUrl: description.providers["ionos-ssl"]!.baseUrl });
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
    expect(data?.certificates?.map((certificate) => certificate.commonName)).toEqual(["shop.example.com", "www.example.org", "kept.example.com"]);
    await second.stop();
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
    expect(result.stderr).toBe(`certkit-sandbox: cannot read the state file: ${state} is not a sandbox state file (expected {"format": "certkit-sandbox/1", ...})\n`);
  });

  it("exits 1 with one line when the port is taken", async () => {
    const first = await start(["--port", "0", "--empty"]);
    const port = new URL(first.url).port;
    const result = await run(["--port", port, "--empty"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^certkit-sandbox: cannot listen on 127\\.0\\.0\\.1:${port}: listen EADDRINUSE.*\\n$`));
    await first.stop();
  });
});
