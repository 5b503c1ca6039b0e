import { spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSandbox, SandboxClock, type SandboxSnapshot } from "../src/index.js";
import { readSandboxStateFile, SandboxStateFileError, writeSandboxStateFile } from "../src/node.js";

const folder = () => mkdtempSync(join(tmpdir(), "certkit-state-file-"));

async function snapshot(marker: string): Promise<SandboxSnapshot> {
  const sandbox = await createSandbox({ clock: new SandboxClock({ frozenAt: new Date("2026-01-05T10:00:00Z") }) });
  sandbox.dns.addTxt("marker.example.com", marker);
  return sandbox.snapshot();
}

/** The id of a process that has exited, as a crashed writer's is. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("the sandbox state file", () => {
  it("reads a missing file as no state", async () => {
    await expect(readSandboxStateFile(join(folder(), "state.json"))).resolves.toBeUndefined();
    await expect(readSandboxStateFile(join(folder(), "no-such-folder", "state.json"))).resolves.toBeUndefined();
  });

  it("writes a snapshot that reads back the same, readable by its owner only, and leaves no temporary file", async () => {
    const dir = folder();
    const file = join(dir, "state.json");
    const saved = await snapshot("first");
    await writeSandboxStateFile(file, saved);
    expect(await readSandboxStateFile(file)).toEqual(saved);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["state.json"]);
  });

  it("makes an existing 0644 file 0600 when it saves over it", async () => {
    const file = join(folder(), "state.json");
    writeFileSync(file, "{}", { mode: 0o644 });
    chmodSync(file, 0o644);
    await writeSandboxStateFile(file, await snapshot("second"));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("replaces the file a symlink points to, so the link stays", async () => {
    const dir = folder();
    mkdirSync(join(dir, "real"));
    writeFileSync(join(dir, "real", "state.json"), "");
    symlinkSync(join(dir, "real", "state.json"), join(dir, "state.json"));
    const saved = await snapshot("linked");
    await writeSandboxStateFile(join(dir, "state.json"), saved);
    expect(statSync(join(dir, "real", "state.json")).isFile()).toBe(true);
    expect(await readSandboxStateFile(join(dir, "state.json"))).toEqual(saved);
    expect(readdirSync(join(dir, "real"))).toEqual(["state.json"]);
  });

  it("keeps the old state, and removes the dead writer's temporary file, after a crash mid-save", async () => {
    const dir = folder();
    const file = join(dir, "state.json");
    const old = await snapshot("old");
    await writeSandboxStateFile(file, old);
    // What `kill -9` during a save leaves: the old file, and a part of the new one under a temporary name.
    const partial = JSON.stringify(await snapshot("new")).slice(0, 500);
    writeFileSync(join(dir, `.state.json.${deadPid()}-0a1b2c.certkit-tmp`), partial);
    writeFileSync(join(dir, `.state.json.${process.pid}-0d0e0f.certkit-tmp`), partial);
    expect(await readSandboxStateFile(file)).toEqual(old);
    expect(readdirSync(dir)).toEqual(["state.json"]);
  });

  it("leaves the temporary files of a writer that still runs, and files that only look alike", async () => {
    const dir = folder();
    const file = join(dir, "state.json");
    await writeSandboxStateFile(file, await snapshot("old"));
    // The parent of this test process runs for as long as the test does.
    const running = `.state.json.${process.ppid}-abcdef.certkit-tmp`;
    const others = [".other.json.1-ab.certkit-tmp", ".state.json.x-ab.certkit-tmp", ".state.json.1-ab.tmp"];
    for (const name of [running, ...others]) writeFileSync(join(dir, name), "");
    await readSandboxStateFile(file);
    expect(readdirSync(dir).sort()).toEqual([running, ...others, "state.json"].sort());
  });

  it.each([
    ["an empty file", "", /state\.json is empty, not a sandbox state file$/],
    [
      "a cut-off file",
      '{"format": "certkit-sandbox/1", "now": "2026',
      /state\.json is not valid JSON \(cut off or edited\?\): /,
    ],
    [
      "another JSON file",
      '{"format": "something else"}',
      /state\.json is not a sandbox state file \(expected \{"format": "certkit-sandbox\/1", \.\.\.\}\)$/,
    ],
    ["a JSON array", "[1, 2]", /is not a sandbox state file/],
  ])("refuses %s as corrupt", async (_, content, message) => {
    const file = join(folder(), "state.json");
    writeFileSync(file, content);
    const error = await readSandboxStateFile(file).catch((problem: unknown) => problem);
    expect(error).toBeInstanceOf(SandboxStateFileError);
    expect(error).toMatchObject({
      name: "SandboxStateFileError",
      file,
      problem: "corrupt",
      message: expect.stringMatching(message),
    });
    expect(readFileSync(file, "utf8")).toBe(content);
  });

  it("says a folder in place of the file is unreadable", async () => {
    const file = join(folder(), "state.json");
    mkdirSync(file);
    await expect(readSandboxStateFile(file)).rejects.toMatchObject({
      problem: "unreadable",
      message: expect.stringMatching(/^cannot read .*state\.json: EISDIR/),
    });
  });

  it("fails a save into a missing folder and leaves nothing behind", async () => {
    const dir = folder();
    await expect(writeSandboxStateFile(join(dir, "missing", "state.json"), await snapshot("x"))).rejects.toMatchObject({
      code: "ENOENT",
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("keeps one whole snapshot when two saves of the same file run at once", async () => {
    const dir = folder();
    const file = join(dir, "state.json");
    const [a, b] = await Promise.all([snapshot("a"), snapshot("b")]);
    await Promise.all([writeSandboxStateFile(file, a), writeSandboxStateFile(file, b)]);
    expect([a, b]).toContainEqual(await readSandboxStateFile(file));
    expect(readdirSync(dir)).toEqual(["state.json"]);
  });
});
