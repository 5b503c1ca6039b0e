// Node-only (`@certkit/certificates/files`): the rest of the package builds without Node's types, for browsers.
/// <reference types="node" />
import { randomBytes } from "node:crypto";
import { chmod, link, lstat, readdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { FileSetError } from "./file-set-error.js";
import { makeFolders } from "./make-folders.js";

/** A file to write, with the permissions it must have (0600 for a private key). */
export interface FileToWrite {
  name: string;
  content: string;
  mode: number;
}

/** How {@link writeFileSet} writes. */
export interface WriteFileSetOptions {
  /** Replace files that exist. Without it, nothing is written when any of them exists. */
  replace: boolean;
  /** Keep the replaced files aside until `commit` or `undo` (for files that may turn out to belong to nothing). */
  keepReplaced?: boolean | undefined;
}

/** What {@link writeFileSet} wrote. */
export interface WrittenFileSet {
  paths: string[];
  /**
   * Takes the write back: removes the files it made and puts back those it replaced (kept only with
   * `keepReplaced`), for files that turned out to belong to nothing.
   */
  undo: () => Promise<void>;
  /** Drops the copies of the replaced files: the new ones are the ones that count. */
  commit: () => Promise<void>;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | undefined)?.code;
}

function alreadyThere(paths: readonly string[]): FileSetError {
  const are = paths.length === 1 ? "exists" : "exist";
  return new FileSetError("exists", paths, `${paths.join(", ")} already ${are}: nothing was written`);
}

/** Makes `dir` (0700) unless it is there, saying so plainly when something else is in the way. */
async function makeFolder(dir: string): Promise<void> {
  try {
    await makeFolders(dir, 0o700);
  } catch (error) {
    const code = errorCode(error);
    if (code === "EEXIST" || code === "ENOTDIR")
      throw new FileSetError("not-a-folder", [dir], `${dir} is not a folder: nothing was written`);
    if (code === "ENOENT")
      throw new FileSetError(
        "cannot-make-folder",
        [dir],
        `${dir} cannot be made (a folder above it is missing or takes no folders, or it is a symlink to nowhere): nothing was written`,
      );
    throw error;
  }
}

/**
 * The hidden copies a write makes beside its target: the new file, `.<name>.<pid>.<tag>.tmp`, and the one it replaces,
 * `.<name>.<pid>.<tag>.replaced`.
 */
const HIDDEN_COPY = /^\.(.+)\.((\d+)\.[0-9a-f]{8})\.(?:tmp|replaced)$/;

// The tags (`<pid>.<hex>`) of this process's writes whose copies are still in use, shared by every copy of this module
// a process loads: a copy with this process's id and another tag was left by an earlier process that had the same id
// (a container's main process has the same one at each start), and would otherwise be taken for a write in progress.
const IN_PROGRESS = Symbol.for("@certkit/certificates/files: writes in progress");
const inProgress = ((globalThis as { [IN_PROGRESS]?: Set<string> })[IN_PROGRESS] ??= new Set<string>());

/** Whether process `pid` runs on this machine (one of another user's answers EPERM). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

/**
 * Removes the hidden copies of these files that writers which died (`kill -9`, a power cut) left behind: parts of new
 * files, and old files kept to be put back (an old private key among them), which this write replaces anyway. A copy
 * whose writer still runs is another write in progress, and stays: another process's while it runs, this process's
 * own while its tag is in `inProgress`.
 */
async function removeLeftovers(dir: string, names: ReadonlySet<string>): Promise<void> {
  for (const entry of await readdir(dir)) {
    const match = HIDDEN_COPY.exec(entry);
    if (!match || !names.has(match[1]!)) continue;
    const pid = Number(match[3]);
    const abandoned = pid === process.pid ? !inProgress.has(match[2]!) : !running(pid);
    if (abandoned) await rm(join(dir, entry), { force: true });
  }
}

/**
 * Writes files into `dir` (made if missing) with exactly their modes, each whole or not at all: it is written beside
 * its target under a hidden name, then put in place in one step, so a crash mid-write (`kill -9`, a full disk) never
 * leaves a cut-off key or certificate (the hidden copies such a crash leaves are removed by the next write). Without
 * `replace` nothing is written if any of them exists, and a file that appears meanwhile is not replaced either (each
 * goes in place by a hard link, which fails on an existing name); what this call had already put in place is then
 * removed. With `replace`, each is renamed over its target, so an old file's looser permissions never apply to a new
 * key and a symlink at the path is replaced, not followed; each replaced file is kept (hard-linked, or moved where it
 * cannot be, under a hidden name beside it) until the last is in place, and put back if one fails, so the files are
 * all new or all as they were. With `keepReplaced`, the copies stay until `commit` or `undo`. A process killed
 * part-way through a replacement may leave some files new and some old: write the set again.
 * @throws FileSetError naming the files that exist, without `replace`; or when `dir` is not a folder or cannot be
 * made. Nothing of the set is left behind.
 * @example
 * ```ts
 * import { writeFileSet } from "@certkit/certificates/files";
 * await writeFileSet("/etc/ssl/example", [{ name: "notes.txt", content: "renewed\n", mode: 0o644 }], { replace: true });
 * ```
 */
export async function writeFileSet(
  dir: string,
  files: readonly FileToWrite[],
  options: WriteFileSetOptions,
): Promise<WrittenFileSet> {
  const paths = files.map((file) => join(dir, file.name));
  if (!options.replace) {
    const taken = [];
    for (const path of paths) if (await exists(path)) taken.push(path);
    if (taken.length > 0) throw alreadyThere(taken);
  }
  await makeFolder(dir);
  await removeLeftovers(dir, new Set(files.map((file) => file.name)));
  const tag = `${process.pid}.${randomBytes(4).toString("hex")}`;
  inProgress.add(tag);
  const made: string[] = [];
  const replaced: { path: string; copy: string }[] = [];
  const undo = async () => {
    for (const path of made) await rm(path, { force: true });
    for (const { path, copy } of replaced) await rename(copy, path);
    made.length = 0;
    replaced.length = 0;
    inProgress.delete(tag);
  };
  try {
    for (const [index, file] of files.entries()) {
      const path = paths[index]!;
      const temporary = join(dir, `.${basename(path)}.${tag}.tmp`);
      try {
        await writeFile(temporary, file.content, { mode: file.mode, flag: "wx" });
        await chmod(temporary, file.mode);
        if (!options.replace) {
          await link(temporary, path).catch((error: unknown) => {
            throw errorCode(error) === "EEXIST" ? alreadyThere([path]) : error;
          });
          made.push(path);
          continue;
        }
        // A replaced file is kept until the whole set is in place: a failure part-way puts every old one back, so
        // a certificate never ends up beside a key it does not match.
        const existed = await exists(path);
        if (existed) {
          const copy = join(dir, `.${basename(path)}.${tag}.replaced`);
          // A hard link leaves the old file in place until the new one replaces it. Where there can be none (another
          // user's file under fs.protected_hardlinks, a file system without them), the old file is moved aside: the
          // path is missing for that moment, rather than the file never replaced. A folder there is not replaced.
          await link(path, copy).catch(async (error: unknown) => {
            const refused = errorCode(error) === "EPERM" || errorCode(error) === "ENOTSUP";
            if (!refused || (await lstat(path)).isDirectory()) throw error;
            await rename(path, copy);
          });
          replaced.push({ path, copy });
        }
        await rename(temporary, path);
        if (!existed) made.push(path);
      } finally {
        await rm(temporary, { force: true });
      }
    }
  } catch (error) {
    await undo();
    throw error;
  }
  const commit = async () => {
    for (const { copy } of replaced.splice(0)) await rm(copy, { force: true });
    made.length = 0;
    inProgress.delete(tag);
  };
  if (!options.keepReplaced) await commit();
  return { paths, undo, commit };
}
