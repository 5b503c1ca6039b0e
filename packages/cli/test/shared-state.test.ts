import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, watch } from "node:fs";
import { join } from "node:path";
import { lock } from "proper-lockfile";
import { describe, expect, it } from "vitest";
import { CERTKIT_BIN, finished, freshHome, jsonOf, runCertkit, startCertkit } from "./support/run-certkit.js";

const stateDirOf = (home: string) => join(home, "state", "certkit");
const leftovers = (home: string) =>
  readdirSync(stateDirOf(home)).filter((name) => name.endsWith(".certkit-tmp") || name.endsWith(".lock"));

describe("the embedded sandbox's state, shared by runs", { timeout: 120_000 }, () => {
  it("8 certkit order runs at once leave 8 orders, each with its key", async () => {
    const { home, env } = freshHome();
    const names = Array.from({ length: 8 }, (_, index) => `s${index}.example.com`);
    const runs = await Promise.all(
      names.map((name) => runCertkit(["order", name, "--provider", "ionos-ssl", "--generate-key", "--json"], { env })),
    );
    const refs = runs.map((run, index) => {
      expect({ name: names[index], code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });
      const order = jsonOf(run);
      expect(order).toMatchObject({
        commonName: names[index],
        files: [join(home, names[index]!, "privkey.pem"), join(home, names[index]!, "request.csr")],
      });
      expect(readFileSync(join(home, names[index]!, "privkey.pem"), "utf8")).toContain("PRIVATE KEY");
      return order.ref as string;
    });
    expect(new Set(refs).size).toBe(8);
    const listed = jsonOf(await runCertkit(["list", "--provider", "ionos-ssl", "--json"], { env })).orders.map(
      (order: any) => order.ref,
    );
    expect(listed).toEqual(expect.arrayContaining(refs));
    expect(leftovers(home)).toEqual([]);
  });

  it("a run killed (SIGKILL) mid-save leaves the old or the new state; the next run takes over its lock and removes its temporary file", async () => {
    const { home, env } = freshHome();
    expect((await runCertkit(["list"], { env })).code).toBe(0);
    const lockFolder = join(stateDirOf(home), "sandbox.json.lock");
    const countOrders = async () =>
      jsonOf(await runCertkit(["list", "--provider", "ionos-ssl", "--json"], { env })).orders.length as number;

    // Frozen (SIGSTOP) the moment its save's temporary file appears, then killed: if the file is still there, the run
    // died holding the lock with the state half written. On a loaded machine the freeze may land after that save
    // ended: then another run is tried.
    let before = 0;
    let caughtMidSave = false;
    for (let attempt = 0; attempt < 5 && !caughtMidSave; attempt++) {
      before = await countOrders();
      const child = startCertkit(["order", `killed${attempt}.example.com`, "--provider", "ionos-ssl"], { env });
      let frozen = false;
      const watcher = watch(stateDirOf(home), (_event, name) => {
        if (!name?.endsWith(".certkit-tmp") || frozen) return;
        frozen = true;
        child.kill("SIGSTOP");
        caughtMidSave = leftovers(home).some((left) => left.endsWith(".certkit-tmp")) && existsSync(lockFolder);
        child.kill("SIGKILL");
      });
      await finished(child);
      watcher.close();
    }
    expect(caughtMidSave).toBe(true);

    const next = await runCertkit(["list", "--provider", "ionos-ssl", "--json"], { env });
    expect({ code: next.code, stderr: next.stderr }).toMatchObject({ code: 0 });
    // The order killed mid-save was saved whole or not at all.
    expect([before, before + 1]).toContain(jsonOf(next).orders.length);
    expect(JSON.parse(readFileSync(join(stateDirOf(home), "sandbox.json"), "utf8"))).toMatchObject({
      format: "certkit-sandbox/1",
    });
    expect(leftovers(home)).toEqual([]);
  });

  it("a run that finds the state locked by a live run says it waits, and goes on once the lock is released", async () => {
    const { home, env } = freshHome();
    expect((await runCertkit(["list"], { env })).code).toBe(0);
    // This test holds the lock as a live run would (proper-lockfile keeps it fresh), for as long as it likes.
    const release = await lock(join(stateDirOf(home), "sandbox.json"), { realpath: false, stale: 10_000 });
    const child = startCertkit(["list", "--provider", "ionos-ssl", "--json"], { env });
    const run = finished(child);
    const note =
      "certkit: waiting for another certkit run to finish with the embedded sandbox's state (~/state/certkit/sandbox.json.lock)";
    await new Promise<void>((resolve) => {
      let stderr = "";
      child.stderr!.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes(note)) resolve();
      });
    });
    expect(child.exitCode).toBe(null);
    await release();
    const ended = await run;
    expect({ code: ended.code, stderr: ended.stderr }).toMatchObject({ code: 0 });
    expect(ended.stderr).toContain(note);
    expect(leftovers(home)).toEqual([]);
  });

  it("runs killed at other moments never leave a state that fails to load", async () => {
    const { home, env } = freshHome();
    expect((await runCertkit(["list"], { env })).code).toBe(0);
    for (const delayMs of [100, 400, 700, 1_000]) {
      const child = startCertkit(["order", `k${delayMs}.example.com`, "--provider", "ionos-ssl"], { env });
      const run = finished(child);
      setTimeout(() => child.kill("SIGKILL"), delayMs);
      await run;
    }
    const next = await runCertkit(["list", "--json"], { env });
    expect(next.code).toBe(0);
    expect(jsonOf(next).orders.length).toBeGreaterThan(0);
    expect(readdirSync(stateDirOf(home)).filter((name) => name.endsWith(".certkit-tmp"))).toEqual([]);
  });

  it("keeps keys 0600, folders 0700 and the state 0600 under umask 000", async () => {
    const { home, env } = freshHome();
    const child = spawn(
      "/bin/sh",
      [
        "-c",
        'umask 000 && exec "$@"',
        "sh",
        process.execPath,
        CERTKIT_BIN,
        "order",
        "open.example.com",
        "--provider",
        "ionos-ssl",
        "--generate-key",
      ],
      {
        cwd: home,
        env: { PATH: process.env.PATH, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const run = await finished(child);
    expect(run.code).toBe(0);
    const mode = (...path: string[]) => statSync(join(...path)).mode & 0o777;
    expect(mode(home, "open.example.com", "privkey.pem")).toBe(0o600);
    expect(mode(home, "open.example.com", "request.csr")).toBe(0o644);
    expect(mode(home, "open.example.com")).toBe(0o700);
    expect(mode(stateDirOf(home), "sandbox.json")).toBe(0o600);
    expect(mode(stateDirOf(home))).toBe(0o700);
    expect(existsSync(join(stateDirOf(home), "sandbox.json.lock"))).toBe(false);
  });
});
