import pg from "pg";
import { PgBoss } from "pg-boss";
import { certificateSpecs } from "./config/certificate-spec.js";
import { FLEET_PROVIDERS, type FleetFile, type PublisherSpec } from "./config/fleet-file-schema.js";
import { FLEET_APPLICATION_NAME } from "./database/fleet-application-name.js";
import { openStore, type DatabaseLocation } from "./database/open-store.js";
import {
  createFleetQueues,
  LOCAL_QUEUE,
  providerQueue,
  sendStep,
  SWEEP_QUEUE,
  type StepJob,
} from "./jobs/fleet-queues.js";
import { DEFAULT_FLEET_TIMING, type FleetTiming } from "./jobs/fleet-timing.js";
import { resendOrphanedStep } from "./jobs/resend-orphaned-step.js";
import { runStep, type StepOutcome } from "./jobs/run-step.js";
import type { StepContext } from "./jobs/step-context.js";
import { createAccountConnector } from "./providers/account-connector.js";
import type { ProviderConnector } from "./providers/provider-connector.js";
import { publisherFor } from "./publishers/publisher-for.js";
import type { ValidationPublisher } from "./publishers/validation-publisher.js";
import { resyncFleet, type ResyncReport } from "./resync/resync-fleet.js";
import { certificateStatus, type CertificateStatusView } from "./status/certificate-status.js";
import type { FleetStore, StepRequest } from "./store/fleet-store.js";

/** A step is overdue for the sweep this long after it was due: before that, its job is most likely just waiting its turn. */
const SWEEP_GRACE_MS = 60_000;

/**
 * How often an idle worker looks for jobs: new jobs wake it at once (NOTIFY), so polls are for delayed jobs coming
 * due (a wait's next look), and the fallback when NOTIFY is unavailable.
 */
const POLLING = { pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1 };

/** How many jobs of one account run at once across every worker, unless its `concurrency` says otherwise. */
const DEFAULT_ACCOUNT_CONCURRENCY = 4;

/** Options of {@link openFleet}. */
export interface FleetOptions extends DatabaseLocation {
  /** The desired state: a checked fleet file (`loadFleetFile`). */
  file: FleetFile;
  /** Where provider clients come from. Default: the file's accounts, credentials from the environment. */
  connector?: ProviderConnector;
  /** The publisher for a certificate's `publisher` spec. Default: the built-in ones. */
  publisherFor?: (spec: PublisherSpec) => ValidationPublisher;
  /** Pacing (see {@link FleetTiming}). */
  timing?: Partial<FleetTiming>;
  /** Jobs of one queue this process runs at once. Default 4. */
  concurrency?: number;
  /** The current time, for renewal decisions. Default: the system clock. */
  now?: () => Date;
  /** Told about every step job this process runs. */
  onStep?: (outcome: StepOutcome) => void;
  /** Told about errors of the job engine (lost connections and the like) that it recovers from. */
  onError?: (error: Error) => void;
}

/** A fleet: its store, its job engine, and this process as one of its workers once {@link Fleet.work} is called. */
export interface Fleet {
  /** The store (certificates, purchase intents, bundles). */
  readonly store: FleetStore;
  /** Makes the store's desired state the file's (see `FleetStore.apply`) and sends the jobs that follow. Returns their number. */
  apply(): Promise<number>;
  /** Starts working the fleet's jobs in this process. */
  work(): Promise<void>;
  /** Sends again every step whose job is overdue (lost, or due renewal checks). What the schedule runs. Returns their number. */
  sweep(): Promise<number>;
  /** Every certificate: state, expiry, next step and when, last error. */
  status(): Promise<CertificateStatusView[]>;
  /** Rebuilds the store from each account's `list()` (see `resyncFleet`). */
  resync(): Promise<ResyncReport>;
  /** The store's and the job engine's size on disk, in bytes. */
  databaseBytes(): Promise<number>;
  /**
   * Stops: no new jobs are taken, running ones finish (up to `timeoutMs`, default 30 s), then the connections close
   * and the embedded server is released.
   */
  close(options?: { timeoutMs?: number }): Promise<void>;
}

/** The pacing a fleet file's `timing` sets. */
function fileTiming({ timing }: FleetFile): Partial<FleetTiming> {
  const seconds = (ms: number | undefined) => (ms === undefined ? undefined : Math.max(1, Math.round(ms / 1000)));
  const entries = {
    waitIntervalMs: timing.waitInterval,
    maxWaitIntervalMs: timing.maxWaitInterval,
    recoveryGraceMs: timing.recoveryGrace,
    superviseIntervalSeconds: seconds(timing.supervise),
    retryDelaySeconds: seconds(timing.retryDelay),
    sweepCron: timing.sweep,
  };
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

/** Starts pg-boss on the fleet's database, with the fleet's queues; stopped again when that fails. */
async function startJobs(
  databaseUrl: string,
  schema: string,
  timing: FleetTiming,
  reportError: (error: Error) => void,
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: `${schema}_jobs`,
    application_name: FLEET_APPLICATION_NAME,
    max: 6,
    useListenNotify: true,
    superviseIntervalSeconds: timing.superviseIntervalSeconds,
    monitorIntervalSeconds: timing.superviseIntervalSeconds,
  });
  boss.on("error", reportError);
  try {
    await boss.start();
    await createFleetQueues(boss, timing);
    return boss;
  } catch (error) {
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Opens a fleet: connects to the database (starting or joining the embedded server when no URL is given), brings the
 * store's schema up to date, and starts pg-boss with the fleet's queues and its sweep schedule.
 */
export async function openFleet(options: FleetOptions): Promise<Fleet> {
  const timing: FleetTiming = { ...DEFAULT_FLEET_TIMING, ...fileTiming(options.file), ...options.timing };
  const now = options.now ?? (() => new Date());
  const reportError = (error: Error) => options.onError?.(error);
  const opened = await openStore(options, reportError);
  const { store, pool, schema, databaseUrl } = opened;
  // Whatever fails (pg-boss refuses settings in its constructor), the database is let go, or the process stays.
  const boss = await startJobs(databaseUrl, schema, timing, reportError).catch(async (error: unknown) => {
    await opened.close();
    throw error;
  });
  const connector = options.connector ?? createAccountConnector(options.file.accounts);
  const stopping = new AbortController();
  const localConcurrency = options.concurrency ?? 4;
  // Purchase locks hold their connection for the whole purchase: they have their own pool, one connection per order
  // step that can run at once, so a step holding a lock never waits for a connection another such step holds.
  const lockPool = new pg.Pool({
    connectionString: databaseUrl,
    application_name: FLEET_APPLICATION_NAME,
    max: localConcurrency * FLEET_PROVIDERS.length,
  });
  lockPool.on("error", reportError);

  const context: StepContext = {
    store,
    connector,
    publisherFor: options.publisherFor ?? publisherFor,
    timing,
    accountConcurrency: (account) => options.file.accounts[account]?.concurrency ?? DEFAULT_ACCOUNT_CONCURRENCY,
    now,
    signal: stopping.signal,
    async moveOn(row, job, change, next) {
      await store.transaction(async (client) => {
        const moved = await store.advance(
          job.key,
          job.generation,
          {
            ...change,
            from: job.step,
            nextStep: next?.step ?? null,
            ...(next?.at === undefined ? {} : { nextStepAt: next.at }),
            ...(next?.waits === undefined ? {} : { nextStepWaits: next.waits }),
          },
          client,
        );
        if (!moved || next === null) return;
        const data: StepJob = {
          key: job.key,
          generation: job.generation,
          step: next.step,
          ...(next.waits === undefined ? {} : { waits: next.waits }),
        };
        await sendStep(boss, data, row.spec, next.at, { executeSql: (text, values) => client.query(text, values) });
      });
    },
    async withPurchaseLock(job, work) {
      const client = await lockPool.connect();
      try {
        const lockKey = [`certkit-fleet.purchase`, `${job.key}/${job.generation}`];
        const { rows } = await client.query<{ locked: boolean }>(
          "SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked",
          lockKey,
        );
        if (!rows[0]!.locked) return false;
        try {
          await work();
        } finally {
          await client.query("SELECT pg_advisory_unlock(hashtext($1), hashtext($2))", lockKey);
        }
        return true;
      } finally {
        client.release();
      }
    },
  };

  const sendRequests = async (requests: StepRequest[], db?: pg.PoolClient) => {
    const adapter =
      db === undefined ? undefined : { executeSql: (text: string, values?: unknown[]) => db.query(text, values) };
    for (const request of requests) {
      const row = await store.certificate(request.key, db);
      const { key, generation, step, waits } = request;
      const data: StepJob = { key, generation, step, ...(step === "wait" && waits ? { waits } : {}) };
      if (row) await sendStep(boss, data, row.spec, undefined, adapter);
    }
  };

  const sweep = async () => {
    const overdue = await store.overdue(new Date(now().getTime() - SWEEP_GRACE_MS));
    await sendRequests(overdue);
    return overdue.length;
  };

  const handle = async ([job]: { id: string; data: StepJob }[]) => {
    const outcome = await runStep(job!.data, context).catch((error: unknown) => {
      options.onStep?.({
        key: job!.data.key,
        generation: job!.data.generation,
        step: job!.data.step,
        outcome: "retry",
        message: error instanceof Error ? error.message : String(error),
      });
      throw error;
    });
    if (outcome.outcome === "skipped") await resendOrphanedStep(boss, store, job!);
    options.onStep?.(outcome);
  };

  return {
    store,
    async apply() {
      const specs = certificateSpecs(options.file);
      return store.transaction(async (client) => {
        // One apply at a time: workers starting together with the same file would otherwise race on new rows.
        await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`${schema}.apply`]);
        const requests = await store.apply(specs, client);
        await sendRequests(requests, client);
        return requests.length;
      });
    },
    async work() {
      const accounts = Object.entries(options.file.accounts);
      const tiers = Object.fromEntries(
        accounts.map(([name, account]) => [name, account.concurrency ?? DEFAULT_ACCOUNT_CONCURRENCY]),
      );
      const providers = new Set(accounts.map(([, account]) => account.provider));
      for (const provider of providers) {
        await boss.work<StepJob>(
          providerQueue(provider),
          { localConcurrency, groupConcurrency: { default: DEFAULT_ACCOUNT_CONCURRENCY, tiers }, ...POLLING },
          handle,
        );
      }
      await boss.work<StepJob>(LOCAL_QUEUE, { localConcurrency, ...POLLING }, handle);
      await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
        await sweep();
      });
      await boss.schedule(SWEEP_QUEUE, timing.sweepCron);
    },
    sweep,
    async status() {
      return (await store.certificates()).map((row) => certificateStatus(row));
    },
    resync: () => resyncFleet(store, connector, { send: (requests) => sendRequests(requests) }),
    async databaseBytes() {
      const { rows } = await pool.query<{ bytes: string }>(
        "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::text AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 't')",
        [[schema, `${schema}_jobs`]],
      );
      return Number(rows[0]!.bytes);
    },
    async close({ timeoutMs = 30_000 } = {}) {
      try {
        await boss.stop({ graceful: true, close: true, timeout: timeoutMs });
      } finally {
        stopping.abort(new Error("the fleet is closing"));
        await lockPool.end().catch(() => undefined);
        await opened.close();
      }
    },
  };
}
