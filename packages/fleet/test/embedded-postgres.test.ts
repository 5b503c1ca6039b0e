import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { startEmbeddedPostgres, stopEmbeddedPostgres } from "../src/index.ts";

function serverPid(dir: string): number | undefined {
  try {
    return Number(readFileSync(join(dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return undefined;
  }
}

const dir = mkdtempSync(join(tmpdir(), "certkit-fleet-embedded-"));
afterAll(async () => {
  await stopEmbeddedPostgres(dir);
  rmSync(dir, { recursive: true, force: true });
});

it("is started once by processes starting together, shared, and stopped by the last one out", async () => {
  const servers = await Promise.all([
    startEmbeddedPostgres({ dir }),
    startEmbeddedPostgres({ dir }),
    startEmbeddedPostgres({ dir }),
  ]);
  expect(new Set(servers.map((server) => server.connectionString)).size).toBe(1);
  expect(statSync(join(dir, "server.json")).mode & 0o777).toBe(0o600);
  const client = new pg.Client({ connectionString: servers[0].connectionString });
  await client.connect();
  expect((await client.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  await client.end();
  const pid = serverPid(dir);
  await servers[0].release();
  await servers[1].release();
  expect(serverPid(dir)).toBe(pid);
  await servers[2].release();
  expect(serverPid(dir)).toBeUndefined();
  // Started again from the same folder: the same data, the same password.
  const again = await startEmbeddedPostgres({ dir });
  expect(again.connectionString).toBe(servers[0].connectionString);
  await stopEmbeddedPostgres(dir);
  expect(serverPid(dir)).toBeUndefined();
  await again.release();
});

it("makes the folders above its own, so that a new machine's default place works, as root too", async () => {
  const home = mkdtempSync(join(tmpdir(), "certkit-fleet-home-"));
  chmodSync(home, 0o755);
  // As the default /var/lib/certkit/fleet-postgres or ~/.local/state/certkit/fleet-postgres: two folders to make.
  const nested = join(home, "state", "certkit", "fleet-postgres");
  try {
    const server = await startEmbeddedPostgres({ dir: nested });
    const client = new pg.Client({ connectionString: server.connectionString });
    await client.connect();
    expect((await client.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    await client.end();
    expect(statSync(nested).mode & 0o777).toBe(0o700);
    await server.release();
    expect(serverPid(nested)).toBeUndefined();
  } finally {
    await stopEmbeddedPostgres(nested);
    rmSync(home, { recursive: true, force: true });
  }
});
