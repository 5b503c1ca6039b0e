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

/** Every row of the fleet's store and job tables at `url`, as text: what a secret must never be found in. */
export async function fleetDatabaseText(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables WHERE table_schema LIKE 'certkit_fleet%' AND table_type = 'BASE TABLE'",
    );
    const texts: string[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
      texts.push(...rows.map((row) => row.row));
    }
    return texts.join("\n");
  } finally {
    await client.end();
  }
}
