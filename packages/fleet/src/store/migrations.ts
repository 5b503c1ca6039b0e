import type pg from "pg";

/** One step of the store's schema. Applied once, in order, never changed after release: add a new one instead. */
interface Migration {
  version: number;
  description: string;
  sql: (schema: string) => string;
}

/** The store's tables, version by version. `${s}` is the store's schema, quoted. */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "certificates, purchases and bundles",
    sql: (s) => `
      CREATE TABLE ${s}.certificates (
        key text PRIMARY KEY,
        spec jsonb NOT NULL,
        order_hash text NOT NULL,
        generation integer NOT NULL DEFAULT 1,
        state text NOT NULL,
        order_id text,
        valid_until timestamptz,
        delivered_generation integer,
        next_step text,
        next_step_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX certificates_next_step_at ON ${s}.certificates (next_step_at) WHERE next_step IS NOT NULL;
      CREATE TABLE ${s}.purchases (
        certificate_key text NOT NULL REFERENCES ${s}.certificates (key) ON DELETE CASCADE,
        generation integer NOT NULL,
        attempt integer NOT NULL,
        state text NOT NULL CHECK (state IN ('intended', 'confirmed', 'refused', 'absent')),
        provider text NOT NULL,
        account text NOT NULL,
        names text[] NOT NULL,
        client_reference text NOT NULL,
        intended_at timestamptz NOT NULL,
        order_id text,
        error text,
        private_key text,
        csr text,
        PRIMARY KEY (certificate_key, generation, attempt)
      );
      CREATE UNIQUE INDEX purchases_one_claim_per_order ON ${s}.purchases (provider, account, order_id) WHERE order_id IS NOT NULL;
      CREATE TABLE ${s}.bundles (
        certificate_key text NOT NULL REFERENCES ${s}.certificates (key) ON DELETE CASCADE,
        generation integer NOT NULL,
        order_id text NOT NULL,
        certificate text NOT NULL,
        chain text[] NOT NULL,
        root text,
        private_key text,
        valid_until timestamptz,
        downloaded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (certificate_key, generation)
      );`,
  },
];

/** The newest schema version this package knows. */
export const STORE_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Brings the store's schema up to date. Safe when several workers start at once: it runs in one transaction under a
 * PostgreSQL advisory lock, so one applies each missing version and the others then find it applied.
 * @throws Error when the database holds a newer version than this package knows (a newer fleet migrated it).
 */
export async function migrateStore(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  const s = client.escapeIdentifier(schema);
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`${schema}.migrations`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number | null }>(
      `SELECT max(version) AS version FROM ${s}.schema_migrations`,
    );
    const current = rows[0]?.version ?? 0;
    if (current > STORE_VERSION) {
      throw new Error(
        `the fleet store in schema "${schema}" is at version ${current}, newer than this @certkit/fleet knows (${STORE_VERSION}): update @certkit/fleet`,
      );
    }
    for (const migration of MIGRATIONS.filter((candidate) => candidate.version > current)) {
      await client.query(migration.sql(s));
      await client.query(`INSERT INTO ${s}.schema_migrations (version, description) VALUES ($1, $2)`, [
        migration.version,
        migration.description,
      ]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
