import { randomBytes } from "node:crypto";
import { open, readdir, readFile, realpath, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { SandboxSnapshot } from "../sandbox.js";

/** Why a state file could not be read. */
export type SandboxStateFileProblem = "unreadable" | "corrupt";

/** A state file that exists but cannot be used: `unreadable` (permissions, a folder, …) or `corrupt` (not a snapshot). */
export class SandboxStateFileError extends Error {
  override readonly name = "SandboxStateFileError";

  constructor(
    /** The state file's path. */
    readonly file: string,
    /** What is wrong with it. */
    readonly problem: SandboxStateFileProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

// Temporary files are `.<name>.<pid>-<random>.certkit-tmp` beside the target: recognizable, and they name the writer.
const TEMPORARY_SUFFIX = ".certkit-tmp";
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const temporaryPattern = (name: string) =>
  new RegExp(`^\\.${escapeRegExp(name)}\\.(\\d+)-[0-9a-f]+${escapeRegExp(TEMPORARY_SUFFIX)}$`);
/** This process's writes under way, so a read here never removes a temporary file a write here is still filling. */
const writing = new Set<string>();

function errorCode(problem: unknown): string | undefined {
  return (problem as NodeJS.ErrnoException | undefined)?.code;
}

function describe(problem: unknown): string {
  return problem instanceof Error ? problem.message : String(problem);
}

/** Whether a process with this id runs (EPERM: it does, as another user). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (problem) {
    return errorCode(problem) === "EPERM";
  }
}

/** The file a write really replaces: the target of a symlink, so a linked state file stays linked. */
async function resolveTarget(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch (problem) {
    if (errorCode(problem) === "ENOENT") return file;
    throw problem;
  }
}

/** Flushes a folder's entries (the rename) to disk; Windows cannot open a folder for that and needs no such step. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === "win32") return;
  const handle = await open(folder, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes the temporary files that writers which died mid-save left beside `file`. */
async function removeStaleTemporaries(file: string): Promise<void> {
  const folder = dirname(file);
  const pattern = temporaryPattern(basename(file));
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return; // No folder, or one we cannot list: nothing of ours to clean there.
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    const path = join(folder, name);
    if (!Number.isInteger(pid) || writing.has(path)) continue;
    if (pid !== process.pid && processRuns(pid)) continue;
    await unlink(path).catch(() => undefined);
  }
}

function checkSnapshotShape(file: string, value: unknown): SandboxSnapshot {
  if (typeof value !== "object" || value === null || (value as { format?: unknown }).format !== "certkit-sandbox/1") {
    throw new SandboxStateFileError(
      file,
      "corrupt",
      `${file} is not a sandbox state file (expected {"format": "certkit-sandbox/1", ...})`,
    );
  }
  return value as SandboxSnapshot;
}

/**
 * Reads the sandbox snapshot saved in `file` by {@link writeSandboxStateFile}: `undefined` when there is no such file
 * (no state yet). A file that cannot be read or is not a snapshot throws a {@link SandboxStateFileError}; the
 * snapshot's content is checked by `sandbox.restore`. Temporary files of writers that crashed mid-save are removed.
 */
export async function readSandboxStateFile(file: string): Promise<SandboxSnapshot | undefined> {
  const target = await resolveTarget(file).catch(() => file);
  await removeStaleTemporaries(target);
  let text: string;
  try {
    text = await readFile(target, "utf8");
  } catch (problem) {
    if (errorCode(problem) === "ENOENT") return undefined;
    throw new SandboxStateFileError(file, "unreadable", `cannot read ${file}: ${describe(problem)}`, {
      cause: problem,
    });
  }
  if (text.trim() === "")
    throw new SandboxStateFileError(file, "corrupt", `${file} is empty, not a sandbox state file`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (problem) {
    throw new SandboxStateFileError(
      file,
      "corrupt",
      `${file} is not valid JSON (cut off or edited?): ${describe(problem)}`,
      { cause: problem },
    );
  }
  return checkSnapshotShape(file, parsed);
}

/**
 * Saves a sandbox snapshot in `file` so that a crash at any moment leaves either the old file or the new one, never
 * a part: it writes a temporary file in the same folder, flushes it to disk, renames it over `file` and flushes the
 * folder. The file is always readable by its owner only (mode 0600), also when it was not before. A symlink to
 * an existing file is followed: that file is replaced. Two processes saving the same file need a lock of their own; the
 * last rename wins.
 */
export async function writeSandboxStateFile(file: string, snapshot: SandboxSnapshot): Promise<void> {
  const target = await resolveTarget(file);
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${process.pid}-${randomBytes(6).toString("hex")}${TEMPORARY_SUFFIX}`,
  );
  writing.add(temporary);
  try {
    const handle = await open(temporary, "wx", 0o600);
    try {
      // The mode given to open is reduced by the umask; set it outright, and before any secret is written.
      await handle.chmod(0o600);
      await handle.writeFile(`${JSON.stringify(snapshot, null, 2)}\n`, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
    await syncFolder(dirname(target));
  } catch (problem) {
    await unlink(temporary).catch(() => undefined);
    throw problem;
  } finally {
    writing.delete(temporary);
  }
}
