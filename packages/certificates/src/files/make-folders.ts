// Node-only (`@certkit/certificates/files`): the rest of the package builds without Node's types, for browsers.
/// <reference types="node" />
import { mkdir, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";

const codeOf = (error: unknown) => (error as { code?: unknown } | undefined)?.code;

/**
 * Makes `dir` and the folders above it that are missing, as `mkdir -p` does, each with `mode`. Not Node's
 * `mkdir(dir, { recursive: true })`: for a folder whose parent exists but takes no folder (`/proc/x`, a path through
 * a symlink to nowhere) the kernel answers ENOENT, which Node reads as "make the parent first", forever, at 100% CPU.
 * Here each missing folder is made once, top down, and that ENOENT is the error.
 * @throws the error of the first folder that cannot be made: `ENOENT`, `EACCES`, `EEXIST` (a file is `dir`),
 * `ENOTDIR` (a file is above it)...
 */
export async function makeFolders(dir: string, mode: number): Promise<void> {
  const target = resolve(dir);
  const missing: string[] = [];
  for (let at = target; ; at = dirname(at)) {
    const found = await stat(at).catch((error: unknown) => {
      if (codeOf(error) === "ENOENT") return undefined;
      throw error;
    });
    if (found !== undefined) {
      // A file where a folder should be: mkdir says which way (EEXIST or ENOTDIR), as `mkdir -p` would.
      if (!found.isDirectory()) await mkdir(target, { mode });
      break;
    }
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    // Another process may make it meanwhile: that is as good. A symlink to nowhere or a file there is not (stat
    // fails with ENOENT on the one; the other is the EEXIST).
    await mkdir(folder, { mode }).catch(async (error: unknown) => {
      if (codeOf(error) !== "EEXIST" || !(await stat(folder)).isDirectory()) throw error;
    });
  }
}
