import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { startEmbeddedPostgres, stopEmbeddedPostgres, type EmbeddedPostgres } from "../../src/index.ts";

/** A fresh, empty database for each test, in one embedded server per test file. */
export interface TestDatabases {
  /** A new database's URL. */
  fresh(): Promise<string>;
}

let counter = 0;

/**
 * Starts an embedded server in a temporary folder before the file's tests, and stops it and removes the folder after
 * them, even when starting it (or a test) ran out of time.
 */
export function useTestDatabases(): TestDatabases {
  const dir = mkdtempSync(join(tmpdir(), "certkit-fleet-pg-"));
  let server: EmbeddedPostgres | undefined;
  beforeAll(async () => {
    server = await startEmbeddedPostgres({ dir });
  });
  afterAll(async () => {
    await stopEmbeddedPostgres(dir);
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    async fresh() {
      const name = `fleet_test_${process.pid}_${++counter}`;
      const admin = new pg.Client({ connectionString: server!.connectionString });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return server!.connectionString.replace(/\/postgres$/, `/${name}`);
    },
  };
}
