import { open, readFile, rm, stat } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { processRuns } from "./process-runs.js";

/** How long a lock may be held before others take it as left behind by a process that died (its pid reused). */
const LONGEST_HOLD_MS = 120_000;

/** Whether the lock file's text names a holder that is gone (dead, or holding it for longer than any start takes). */
function isStale(text: string, now: number): boolean {
  const [pid, since] = text.split(" ").map(Number);
  if (!Number.isInteger(pid) || !Number.isFinite(since)) return true;
  return !processRuns(pid!) || now - since! > LONGEST_HOLD_MS;
}

/**
 * Takes an exclusive lock between processes on this machine: a file created with O_EXCL holding the owner's pid and
 * when it took it. A lock whose owner died (kill -9 included) is taken over. Resolves with the function that releases
 * it. Waits up to `timeoutMs`.
 * @throws Error when the lock stays held for `timeoutMs`.
 */
export async function acquireFileLock(path: string, timeoutMs = 60_000): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(path, "wx", 0o600);
      const mine = `${process.pid} ${Date.now()}`;
      await handle.writeFile(mine);
      await handle.close();
      return async () => {
        // Only remove the lock if it is still ours (a holder taken for dead must not remove its successor's).
        if ((await readFile(path, "utf8").catch(() => "")) === mine) await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const seen = await readFile(path, "utf8").catch(() => undefined);
    // A holder that is still writing its pid shows as empty text: it is stale only if it stays empty (it died there).
    const emptyFor = seen === "" ? Date.now() - ((await stat(path).catch(() => undefined))?.mtimeMs ?? Date.now()) : 0;
    // Read twice: a lock written between the two reads belongs to a live process and is left alone.
    if (seen !== undefined && (seen === "" ? emptyFor > 5_000 : isStale(seen, Date.now()))) {
      const again = await readFile(path, "utf8").catch(() => undefined);
      if (again === seen) await rm(path, { force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`${path} is still held by another process after ${Math.round(timeoutMs / 1000)} s`);
    await sleep(50 + Math.random() * 100);
  }
}
