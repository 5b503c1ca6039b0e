import pg from "pg";
import { FleetStore } from "../store/fleet-store.js";
import { migrateStore } from "../store/migrations.js";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.js";
import { FLEET_APPLICATION_NAME } from "./fleet-application-name.js";

/** Where the fleet's database is: a URL, or else the embedded server's folder. */
export interface DatabaseLocation {
  /** A PostgreSQL server shared by every worker. Default: the embedded server. */
  databaseUrl?: string;
  /** Where the embedded server lives (see `defaultEmbeddedPostgresDir`). */
  embeddedDir?: string;
  /** The store's schema; pg-boss uses `<schema>_jobs`. Default `certkit_fleet`. */
  schema?: string;
}

/** A connection to the fleet's database with its store's schema up to date. */
export interface OpenStore {
  store: FleetStore;
  pool: pg.Pool;
  schema: string;
  /** The URL every other connection (pg-boss) uses. Holds the password: never print it. */
  databaseUrl: string;
  /** Closes the pool and releases the embedded server (the last process out stops it). */
  close(): Promise<void>;
}

/**
 * Connects to the fleet's database (starting or joining the embedded server when no URL is given) and brings the
 * store's schema up to date.
 */
export async function openStore(location: DatabaseLocation, onError?: (error: Error) => void): Promise<OpenStore> {
  const schema = location.schema ?? "certkit_fleet";
  let embedded: EmbeddedPostgres | undefined;
  const databaseUrl =
    location.databaseUrl ??
    (embedded = await startEmbeddedPostgres(location.embeddedDir === undefined ? {} : { dir: location.embeddedDir }))
      .connectionString;
  const pool = new pg.Pool({ connectionString: databaseUrl, application_name: FLEET_APPLICATION_NAME, max: 8 });
  pool.on("error", (error) => onError?.(error));
  const close = async () => {
    await pool.end().catch(() => undefined);
    await embedded?.release();
  };
  try {
    await migrateStore(pool, schema);
  } catch (error) {
    await close();
    throw error;
  }
  return { store: new FleetStore(pool, schema), pool, schema, databaseUrl, close };
}
