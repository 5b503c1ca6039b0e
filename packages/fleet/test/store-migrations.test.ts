import pg from "pg";
import { afterEach, expect, it } from "vitest";
import { migrateStore } from "../src/store/migrations.ts";
import { useTestDatabases } from "./support/test-database.ts";

// Version 2 moves each purchase intent's client reference into the facade's order recovery: an intent a version-1
// worker left behind is recovered by the recovery the facade would have made for it.

const databases = useTestDatabases();
let pool: pg.Pool | undefined;
afterEach(async () => {
  await pool?.end();
  pool = undefined;
});

it("gives every intent of version 1 its recovery, and none to a settled purchase", async () => {
  pool = new pg.Pool({ connectionString: await databases.fresh() });
  await migrateStore(pool, "fleet", 1);
  await pool.query(
    `INSERT INTO fleet.certificates (key, spec, order_hash, state) VALUES ('shop', '{}', 'h', 'ordering'), ('blog', '{}', 'h', 'ordering'), ('old', '{}', 'h', 'validating')`,
  );
  await pool.query(
    `INSERT INTO fleet.purchases (certificate_key, generation, attempt, state, provider, account, names, client_reference, intended_at, order_id) VALUES
      ('shop', 1, 1, 'intended', 'resello', 'main', '{shop.example.net,www.shop.example.net}', 'certkit-fleet-1', '2026-06-01T09:00:00.123Z', NULL),
      ('blog', 1, 1, 'intended', 'ionos-ssl', 'main', '{blog.example.com}', 'certkit-fleet-2', '2026-06-01T10:00:00Z', NULL),
      ('old', 1, 1, 'confirmed', 'sslmarket', 'main', '{old.example.com}', 'certkit-fleet-3', '2026-06-01T11:00:00Z', '42')`,
  );
  await migrateStore(pool, "fleet");
  const { rows } = await pool.query<{ key: string; recovery: unknown }>(
    "SELECT certificate_key AS key, recovery FROM fleet.purchases ORDER BY certificate_key",
  );
  expect(rows).toEqual([
    {
      key: "blog",
      recovery: {
        provider: "ionos-ssl",
        commonName: "blog.example.com",
        altNames: [],
        sentAt: "2026-06-01T10:00:00.000Z",
      },
    },
    { key: "old", recovery: null },
    {
      key: "shop",
      recovery: {
        provider: "resello",
        clientReference: "certkit-fleet-1",
        commonName: "shop.example.net",
        altNames: ["www.shop.example.net"],
        sentAt: "2026-06-01T09:00:00.123Z",
      },
    },
  ]);
  // From now on an intent cannot be written without one.
  await expect(
    pool.query(
      `INSERT INTO fleet.purchases (certificate_key, generation, attempt, state, provider, account, names, intended_at) VALUES ('shop', 1, 2, 'intended', 'resello', 'main', '{shop.example.net}', now())`,
    ),
  ).rejects.toThrow(/purchases_intent_has_recovery/);
});

it("drops a wait's count of looks when a worker that does not know it moves the certificate on", async () => {
  pool = new pg.Pool({ connectionString: await databases.fresh() });
  await migrateStore(pool, "fleet");
  await pool.query(
    `INSERT INTO fleet.certificates (key, spec, order_hash, state, next_step, next_step_waits) VALUES ('shop', '{}', 'h', 'issuing', 'wait', 24)`,
  );
  const waits = async () =>
    (await pool!.query<{ waits: number }>("SELECT next_step_waits AS waits FROM fleet.certificates")).rows[0]!.waits;
  // Another look at the same wait keeps what the writer says; a version-3 worker's UPDATEs never name the column.
  await pool.query("UPDATE fleet.certificates SET next_step_waits = 25, next_step_at = now()");
  expect(await waits()).toBe(25);
  await pool.query("UPDATE fleet.certificates SET next_step_at = now() + interval '1 minute'");
  expect(await waits()).toBe(25);
  await pool.query("UPDATE fleet.certificates SET state = 'downloading', next_step = 'download'");
  expect(await waits()).toBe(0);
  await pool.query("UPDATE fleet.certificates SET state = 'issuing', next_step = 'wait', next_step_waits = 7");
  expect(await waits()).toBe(0);
  await pool.query("UPDATE fleet.certificates SET next_step_waits = 7");
  await pool.query("UPDATE fleet.certificates SET generation = generation + 1");
  expect(await waits()).toBe(0);
});
