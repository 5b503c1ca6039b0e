import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, statSync, watch } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";

// The built bin, as `npx certkit-sandbox` runs it (turbo builds the package before its tests).
const BIN = new URL("../dist/cli/certkit-sandbox.js", import.meta.url).pathname;
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGKILL");
});

interface Started {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

async function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  running.push(child);
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("control API")) resolve();
    });
    void exited.then((code) => reject(new Error(`certkit-sandbox exited ${code}: ${stderr}`)));
  });
  return { child, url: /listening on (http:\/\/\S+)/.exec(stdout)![1]!, exited };
}

async function control(url: string, method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}/_sandbox${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(204);
}

async function round(url: string): Promise<string | undefined> {
  const snapshot = (await (await fetch(`${url}/_sandbox/snapshot`)).json()) as {
    dns: { TXT: Record<string, string[]> };
  };
  return snapshot.dns.TXT["round.example.com"]?.[0];
}

// A state of ~8 MB takes long enough to write that a kill lands mid-save; each round is a start, a save, a kill.
it("starts with the old or the new state after being killed during saves of a large state, again and again", {
  timeout: 180_000,
}, async () => {
  const folder = mkdtempSync(join(tmpdir(), "certkit-sandbox-crash-"));
  const state = join(folder, "state.json");
  const first = await start(["--port", "0", "--empty", "--state", state]);
  const page = "x".repeat(256 * 1024);
  for (let file = 0; file < 32; file++)
    await control(first.url, "PUT", "/web", { url: `http://big.example.com/${file}.txt`, content: page });
  await control(first.url, "PUT", "/dns/txt", { name: "round.example.com", value: "0" });
  first.child.kill("SIGTERM");
  expect(await first.exited).toBe(0);

  // Odd rounds are killed as soon as the save has created its temporary file (between that moment and the rename, a
  // crash used to leave a cut-off state file); even rounds stop cleanly, so the state moves on.
  let killedMidSave = 0;
  let expected = ["0"];
  for (let attempt = 1; attempt <= 7; attempt++) {
    const sandbox = await start(["--port", "0", "--state", state]);
    const found = await round(sandbox.url);
    expect(expected).toContain(found);
    await control(sandbox.url, "DELETE", "/dns/txt", { name: "round.example.com" });
    await control(sandbox.url, "PUT", "/dns/txt", { name: "round.example.com", value: String(attempt) });
    let killed = false;
    const watcher = watch(folder, (_, name) => {
      if (attempt % 2 === 0 || killed || !name?.endsWith(".certkit-tmp")) return;
      killed = sandbox.child.kill("SIGKILL");
    });
    sandbox.child.kill("SIGTERM");
    const code = await sandbox.exited;
    watcher.close();
    // A temporary file left behind is the proof that the kill landed mid-save.
    if (readdirSync(folder).some((name) => name.endsWith(".certkit-tmp"))) killedMidSave++;
    expected = killed ? [found!, String(attempt)] : [String(attempt)];
    if (!killed) expect(code).toBe(0);
    expect(statSync(state).mode & 0o777).toBe(0o600);
  }
  const last = await start(["--port", "0", "--state", state]);
  expect(expected).toContain(await round(last.url));
  expect(killedMidSave).toBeGreaterThan(0);
  // Reading the state removed the dead writers' temporary files.
  expect(readdirSync(folder)).toEqual(["state.json"]);
  last.child.kill("SIGKILL");
});
