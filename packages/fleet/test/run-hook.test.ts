import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runHook } from "../src/hooks/run-hook.ts";
import { temporaryFolder } from "./support/temporary-folder.ts";

/** A hook script in a folder of its own. */
function hookScript(body: string): { path: string; dir: string } {
  const dir = temporaryFolder("certkit-fleet-hook-");
  const path = join(dir, "hook.sh");
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return { path, dir };
}

/** Whether a process is still there. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

it.skipIf(process.platform === "win32")(
  "ends a hook past its timeout with every process it started, and rejects then, not when they end",
  async () => {
    // The hook starts a child that would outlive it by far (and holds its standard error open), and notes its pid.
    const { path, dir } = hookScript(`cat > /dev/null\nsleep 60 &\necho $! > "$(dirname "$0")/child.pid"\nsleep 60`);
    const outcome = await runHook([path], { x: 1 }, { timeoutMs: 500 }).then(
      () => "resolved",
      (error: Error) => error.message,
    );
    expect(outcome).toBe(`${path} ran past 500 ms and was ended`);
    const child = Number(readFileSync(join(dir, "child.pid"), "utf8"));
    // SIGTERM reaches the group at once; it may take the kernel a moment to reap it.
    for (let look = 0; look < 100 && alive(child); look++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alive(child)).toBe(false);
  },
);

it.skipIf(process.platform === "win32")("a hook that exits leaves no wait on what it started", async () => {
  const { path } = hookScript(`cat > /dev/null\necho "publishing failed" >&2\n(sleep 60) &\nexit 3`);
  await expect(runHook([path], {}, { timeoutMs: 120_000 })).rejects.toThrow(`${path} exited with 3: publishing failed`);
});

it.skipIf(process.platform === "win32")("a stopping fleet ends a running hook at once", async () => {
  const { path } = hookScript("cat > /dev/null\nsleep 60");
  const stopping = new AbortController();
  const running = runHook([path], {}, { signal: stopping.signal });
  setTimeout(() => stopping.abort(), 100);
  await expect(running).rejects.toThrow(`${path} was ended: the fleet is stopping`);
});
