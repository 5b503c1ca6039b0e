import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { CertkitError } from "@certkit/runtime";
import { lock } from "proper-lockfile";
import { formatDuration } from "../output/format-duration.js";
import { makeFolders } from "@certkit/certificates/files";

/**
 * A lock whose folder has not been touched for this long belongs to a run that died (a holder touches it every
 * half of this while it holds it), and is taken over. proper-lockfile's default: lenient to a loaded machine.
 */
const STALE_MS = 10_000;
/**
 * How long a run waits for the lock before it gives up. A run holds it for one request at a time, and a crashed
 * run's lock goes stale after {@link STALE_MS}, so only many runs at once on a loaded machine wait long.
 */
const GIVE_UP_MS = 120_000;
/** After this long waiting, the person is told why nothing happens. */
const NOTE_AFTER_MS = 1_000;
const RETRY_MS = 25;

/** Options of {@link withStateLock}. */
export interface StateLockOptions {
  /** Stops waiting for the lock (Ctrl-C). */
  signal?: AbortSignal | undefined;
  /** Called once when the lock is still held by another run after a second. */
  onWait?: (() => void) | undefined;
}

const lockedError = (file: string, message: string, cause?: unknown) =>
  new CertkitError({
    code: "CONFLICT",
    provider: "sandbox",
    message: `the embedded sandbox's state file ${file} ${message}`,
    ...(cause === undefined ? {} : { cause }),
  });

/**
 * Runs `work` while this process alone holds the lock on `file` (a `FILE.lock` folder, by proper-lockfile, which
 * works across processes and on network file systems), so that two `certkit` runs never read and write the state
 * at the same time. Waits while another run holds it; takes over a lock left by a run that died.
 * @throws CertkitError `CONFLICT` when the lock stays held for {@link GIVE_UP_MS}, or was lost while held;
 *   `ABORTED` when `signal` aborts while waiting.
 */
export async function withStateLock<T>(
  file: string,
  work: () => Promise<T>,
  options: StateLockOptions = {},
): Promise<T> {
  await makeFolders(dirname(file), 0o700);
  const started = Date.now();
  let noted = false;
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lock(file, {
        realpath: false,
        stale: STALE_MS,
        retries: 0,
        onCompromised: (error) => (compromised = error),
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw lockedError(file, "cannot be locked", error);
    }
    const waited = Date.now() - started;
    if (waited >= GIVE_UP_MS)
      throw lockedError(
        file,
        `stayed locked by another certkit run for ${formatDuration(GIVE_UP_MS)}: if none is running, delete ${file}.lock`,
      );
    if (!noted && waited >= NOTE_AFTER_MS) {
      noted = true;
      options.onWait?.();
    }
    try {
      await sleep(RETRY_MS, undefined, { signal: options.signal });
    } catch {
      throw new CertkitError({
        code: "ABORTED",
        provider: "sandbox",
        message: "interrupted while waiting for the embedded sandbox's state",
        cause: options.signal?.reason,
      });
    }
  }
  try {
    const result = await work();
    if (compromised !== undefined)
      throw lockedError(
        file,
        "was taken over by another run while this one held it: run the command again",
        compromised,
      );
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}
