import { PROVIDERS } from "@certkit/certificates/providers";
import type pg from "pg";

/** One step of the store's schema. Applied once, in order, never changed after release: add a new one instead. */
interface Migration {
  version: number;
  description: string;
  sql: (schema: string) => string;
}

/** The providers whose orders keep the client reference sent with them, as an SQL list. */
const KEY_KEEPING_PROVIDERS = PROVIDERS.filter((descriptor) => descriptor.keepsClientReference)
  .map((descriptor) => `'${descriptor.name}'`)
  .join(", ");

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
  {
    version: 2,
    description: "each purchase intent keeps the facade's order recovery",
    // The facade's recovery (client.orderRecovery) replaces the client reference: it holds the key where the provider
    // keeps one, and what else its findOrders looks by. Intents of version 1 get the one the facade would have made,
    // save DNSimple's parent (account and domain), which version 1 did not record.
    sql: (s) => `
      ALTER TABLE ${s}.purchases ADD COLUMN recovery jsonb;
      UPDATE ${s}.purchases SET recovery = jsonb_strip_nulls(jsonb_build_object(
          'provider', provider,
          'commonName', names[1],
          'altNames', to_jsonb(coalesce(names[2:], '{}')),
          'clientReference', CASE WHEN provider IN (${KEY_KEEPING_PROVIDERS}) THEN client_reference END,
          'sentAt', to_char(intended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
        WHERE state = 'intended';
      ALTER TABLE ${s}.purchases
        DROP COLUMN client_reference,
        ADD CONSTRAINT purchases_intent_has_recovery CHECK (state <> 'intended' OR recovery IS NOT NULL);`,
  },
  {
    version: 3,
    description: "each account's last rate-limit figures, shared by every worker",
    sql: (s) => `
      CREATE TABLE ${s}.rate_limits (
        account text PRIMARY KEY,
        request_limit integer,
        remaining integer,
        reset_at timestamptz,
        observed_at timestamptz NOT NULL
      );`,
  },
  {
    version: 4,
    description: "how many looks a waiting order has had, so that a wait sent again goes on counting",
    // A worker of version 3, still running while another migrates, moves certificates on without knowing the count:
    // the trigger drops it whenever the step or the generation changes, so no later wait inherits another's looks.
    sql: (s) => `
      ALTER TABLE ${s}.certificates ADD COLUMN next_step_waits integer NOT NULL DEFAULT 0;
      CREATE FUNCTION ${s}.certificates_forget_waits() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.generation <> OLD.generation OR NEW.next_step IS DISTINCT FROM OLD.next_step THEN
          NEW.next_step_waits := 0;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER certificates_forget_waits BEFORE UPDATE ON ${s}.certificates
        FOR EACH ROW EXECUTE FUNCTION ${s}.certificates_forget_waits();`,
  },
];

/** The newest schema version this package knows. */
export const STORE_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Brings the store's schema up to date (or up to `version`, for testing a migration on the data of the one before).
 * Safe when several workers start at once: it runs in one transaction under a PostgreSQL advisory lock, so one
 * applies each missing version and the others then find it applied.
 * @throws Error when the database holds a newer version than this package knows (a newer fleet migrated it).
 */
export async function migrateStore(pool: pg.Pool, schema: string, version = STORE_VERSION): Promise<void> {
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
    for (const migration of MIGRATIONS.filter(
      (candidate) => candidate.version > current && candidate.version <= version,
    )) {
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
