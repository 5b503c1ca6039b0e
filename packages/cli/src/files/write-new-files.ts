import { chmod, lstat, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { UsageError } from "../usage-error.js";

/** A file to write, with the permissions it must have (0600 for a private key). */
export interface NewFile {
  name: string;
  content: string;
  mode: number;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes files into `dir` (made if missing) with exactly their modes. Without `force` nothing is written if any of
 * them exists (and a file that appears meanwhile is not overwritten either: each is created exclusively). With
 * `force`, each file is written beside its target and renamed over it, so an old file's looser permissions never
 * apply to a new key and a symlink at the path is replaced, not followed.
 * @returns the paths written.
 * @throws UsageError naming the files that exist, without `force`.
 */
export async function writeNewFiles(
  dir: string,
  files: readonly NewFile[],
  options: { force: boolean },
): Promise<string[]> {
  const paths = files.map((file) => join(dir, file.name));
  if (!options.force) {
    const taken = [];
    for (const path of paths) if (await exists(path)) taken.push(path);
    if (taken.length > 0)
      throw new UsageError(
        `${taken.join(", ")} already ${taken.length === 1 ? "exists" : "exist"}: nothing was written (add --force to replace)`,
      );
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const [index, file] of files.entries()) {
    const path = paths[index]!;
    if (!options.force) {
      await writeFile(path, file.content, { mode: file.mode, flag: "wx" });
      await chmod(path, file.mode);
      continue;
    }
    const temporary = join(dir, `.${basename(path)}.${process.pid}.tmp`);
    try {
      await writeFile(temporary, file.content, { mode: file.mode, flag: "wx" });
      await chmod(temporary, file.mode);
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
  }
  return paths;
}
