import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/index.ts";

/** One embedded server per test file, and a fresh database in it for each test. */
export interface TestDatabases {
  server: EmbeddedPostgres;
  /** A new, empty database's URL. */
  fresh(): Promise<string>;
  /** Stops the server (every test's database goes with it). */
  stop(): Promise<void>;
}

let counter = 0;

/** Starts an embedded server in a temporary folder. */
export async function startTestDatabases(): Promise<TestDatabases> {
  const server = await startEmbeddedPostgres({ dir: mkdtempSync(join(tmpdir(), "certkit-fleet-pg-")) });
  return {
    server,
    async fresh() {
      const name = `fleet_test_${process.pid}_${++counter}`;
      const admin = new pg.Client({ connectionString: server.connectionString });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return server.connectionString.replace(/\/postgres$/, `/${name}`);
    },
    stop: () => server.release(),
  };
}
