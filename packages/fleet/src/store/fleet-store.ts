import { createHash } from "node:crypto";
import type pg from "pg";
import type { OrderRecovery, RateLimitState } from "@certkit/certificates";
import type { CertificateSpec } from "../config/certificate-spec.js";

/** Where a certificate stands in the fleet. */
export type CertificateState =
  | "ordering"
  | "validating"
  | "issuing"
  | "downloading"
  | "delivering"
  | "delivered"
  | "failed"
  | "removed";

/** The jobs a certificate moves through, in order. */
export type Step = "order" | "publish" | "confirm" | "wait" | "download" | "deliver" | "renew";

/** A certificate as the store holds it. */
export interface CertificateRow {
  key: string;
  spec: CertificateSpec;
  generation: number;
  state: CertificateState;
  orderId: string | null;
  validUntil: Date | null;
  deliveredGeneration: number | null;
  nextStep: Step | null;
  nextStepAt: Date | null;
  /** For a `wait` next: the looks at the order so far (0 for any other step). */
  nextStepWaits: number;
  lastError: string | null;
  updatedAt: Date;
}

/** One try to buy a certificate's generation, written before the purchase is sent. */
export interface PurchaseRow {
  key: string;
  generation: number;
  attempt: number;
  /** `intended`: may have been sent, outcome unknown; `confirmed`: the order is known; `refused`: the provider said no; `absent`: not found after a crash, so not bought. */
  state: "intended" | "confirmed" | "refused" | "absent";
  provider: string;
  account: string;
  names: string[];
  /**
   * What finds the order again (`client.findOrders`), made by `client.orderRecovery` before the purchase was sent and
   * committed with the intent. `null` for an order `resync` adopted, which needs no finding.
   */
  recovery: OrderRecovery | null;
  intendedAt: Date;
  orderId: string | null;
  privateKey: string | null;
  csr: string | null;
}

/** A downloaded certificate, ready to deliver. */
export interface BundleRow {
  orderId: string;
  certificate: string;
  chain: string[];
  root: string | null;
  privateKey: string | null;
  validUntil: Date | null;
}

/** A job to send after a change: which step of which certificate generation. */
export interface StepRequest {
  key: string;
  generation: number;
  step: Step;
  /** For a `wait`: the looks at the order so far. */
  waits?: number;
}

/** What a query needs: a pool, or a client inside a transaction. */
type Queryable = Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;

/** What decides whether a change to a certificate needs a new order: its names, where and what is bought, the key. */
function orderHash(spec: CertificateSpec): string {
  const { names, provider, account, product, validation, keyType } = spec;
  return createHash("sha256")
    .update(JSON.stringify([names, provider, account, product ?? null, validation ?? null, keyType]))
    .digest("hex");
}

/** JSON with object keys sorted, to compare a spec with the one PostgreSQL gives back (jsonb reorders keys). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === "object" && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

/** A rate-limit count as its integer column holds it: within 0 … 2^31 − 1, or NULL when there is none. */
function storedCount(count: number | undefined): number | null {
  return count === undefined || !Number.isFinite(count)
    ? null
    : Math.min(Math.max(0, Math.trunc(count)), 2_147_483_647);
}

const CERTIFICATE_COLUMNS = `key, spec, generation, state, order_id AS "orderId", valid_until AS "validUntil", delivered_generation AS "deliveredGeneration",
  next_step AS "nextStep", next_step_at AS "nextStepAt", next_step_waits AS "nextStepWaits", last_error AS "lastError", updated_at AS "updatedAt"`;
const PURCHASE_COLUMNS = `certificate_key AS key, generation, attempt, state, provider, account, names, recovery,
  intended_at AS "intendedAt", order_id AS "orderId", private_key AS "privateKey", csr`;

/**
 * The fleet's own tables (see `migrations.ts`): the desired state of each certificate and where it stands, each
 * purchase intent, and the downloaded bundles. Every write that moves a certificate on names the generation it is
 * about, so a late job of an older generation changes nothing.
 */
export class FleetStore {
  readonly #s: string;

  constructor(
    readonly pool: pg.Pool,
    schema: string,
  ) {
    this.#s = `"${schema.replaceAll('"', '""')}"`;
  }

  /** Runs `work` in a transaction on one connection, and commits (or rolls back when it throws). */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Makes the store's desired state that of `specs`: new certificates start ordering, a certificate whose order
   * depends on something that changed (names, provider, account, product, validation, key type) starts a new
   * generation, and so does a failed one (each apply tries it afresh), one whose delivery changed is delivered again, and one no longer listed is `removed` (its jobs stop;
   * nothing is cancelled at the provider). Returns the jobs to send.
   */
  async apply(specs: readonly CertificateSpec[], db: Queryable = this.pool): Promise<StepRequest[]> {
    const requests: StepRequest[] = [];
    const { rows } = await db.query<CertificateRow & { orderHash: string }>(
      `SELECT ${CERTIFICATE_COLUMNS}, order_hash AS "orderHash" FROM ${this.#s}.certificates FOR UPDATE`,
    );
    const existing = new Map(rows.map((row) => [row.key, row]));
    for (const spec of specs) {
      const hash = orderHash(spec);
      const row = existing.get(spec.key);
      existing.delete(spec.key);
      if (!row) {
        await db.query(
          `INSERT INTO ${this.#s}.certificates (key, spec, order_hash, state, next_step, next_step_at) VALUES ($1, $2, $3, 'ordering', 'order', now())`,
          [spec.key, spec, hash],
        );
        requests.push({ key: spec.key, generation: 1, step: "order" });
      } else if (row.orderHash !== hash || row.state === "removed" || row.state === "failed") {
        const generation = row.generation + 1;
        await db.query(
          `UPDATE ${this.#s}.certificates SET spec = $2, order_hash = $3, generation = $4, state = 'ordering', next_step = 'order', next_step_at = now(), next_step_waits = 0, last_error = NULL, updated_at = now() WHERE key = $1`,
          [spec.key, spec, hash, generation],
        );
        requests.push({ key: spec.key, generation, step: "order" });
      } else if (canonical(row.spec) !== canonical(spec)) {
        // A delivery under way goes on with the spec it read, and is not recorded (see `advance`'s `actedOn`): the
        // job sent here delivers with this one.
        const redeliver = row.state === "delivered" || row.state === "delivering";
        await db.query(
          `UPDATE ${this.#s}.certificates SET spec = $2, next_step = CASE WHEN $3 THEN 'deliver' ELSE next_step END, next_step_at = CASE WHEN $3 THEN now() ELSE next_step_at END, updated_at = now() WHERE key = $1`,
          [spec.key, spec, redeliver],
        );
        if (redeliver) requests.push({ key: spec.key, generation: row.generation, step: "deliver" });
      }
    }
    for (const gone of existing.values()) {
      if (gone.state !== "removed") {
        await db.query(
          `UPDATE ${this.#s}.certificates SET state = 'removed', next_step = NULL, next_step_at = NULL, next_step_waits = 0, updated_at = now() WHERE key = $1`,
          [gone.key],
        );
      }
    }
    return requests;
  }

  async certificate(key: string, db: Queryable = this.pool): Promise<CertificateRow | undefined> {
    const { rows } = await db.query<CertificateRow>(
      `SELECT ${CERTIFICATE_COLUMNS} FROM ${this.#s}.certificates WHERE key = $1`,
      [key],
    );
    return rows[0];
  }

  /** Every certificate, by key. */
  async certificates(db: Queryable = this.pool): Promise<CertificateRow[]> {
    const { rows } = await db.query<CertificateRow>(
      `SELECT ${CERTIFICATE_COLUMNS} FROM ${this.#s}.certificates ORDER BY key`,
    );
    return rows;
  }

  /**
   * Moves a certificate's generation on: its state, and what happens next and when. Changes nothing (and returns
   * `false`) when the certificate is at another generation now, or (given `from`, the step a job ran for) at another
   * step: a job run twice (its worker was presumed dead, or a stale copy) must not move the certificate back.
   */
  async advance(
    key: string,
    generation: number,
    change: {
      state: CertificateState;
      nextStep: Step | null;
      nextStepAt?: Date;
      /** For a `wait` next: the looks so far, kept so that a wait sent again (its job lost) goes on counting. */
      nextStepWaits?: number;
      orderId?: string;
      validUntil?: Date | null;
      deliveredGeneration?: number;
      from?: Step;
      /** Only while the certificate's spec is still this one. */
      actedOn?: CertificateSpec;
    },
    db: Queryable = this.pool,
  ): Promise<boolean> {
    const { rowCount } = await db.query(
      `UPDATE ${this.#s}.certificates SET state = $3, next_step = $4, next_step_at = $5, next_step_waits = $11, order_id = COALESCE($6, order_id),
         valid_until = CASE WHEN $7::boolean THEN $8 ELSE valid_until END, delivered_generation = COALESCE($9, delivered_generation),
         last_error = NULL, updated_at = now()
       WHERE key = $1 AND generation = $2 AND state <> 'removed' AND ($10::text IS NULL OR next_step = $10)
         AND ($12::jsonb IS NULL OR spec = $12::jsonb)`,
      [
        key,
        generation,
        change.state,
        change.nextStep,
        change.nextStep === null ? null : (change.nextStepAt ?? new Date()),
        change.orderId ?? null,
        change.validUntil !== undefined,
        change.validUntil ?? null,
        change.deliveredGeneration ?? null,
        change.from ?? null,
        change.nextStepWaits ?? 0,
        change.actedOn === undefined ? null : JSON.stringify(change.actedOn),
      ],
    );
    return rowCount === 1;
  }

  /** Starts a certificate's next generation (a renewal): returns it, or `undefined` when the generation moved already. */
  async startGeneration(key: string, from: number, db: Queryable = this.pool): Promise<number | undefined> {
    const { rows } = await db.query<{ generation: number }>(
      `UPDATE ${this.#s}.certificates SET generation = generation + 1, state = 'ordering', next_step = 'order', next_step_at = now(), next_step_waits = 0, last_error = NULL, updated_at = now()
       WHERE key = $1 AND generation = $2 AND state = 'delivered' RETURNING generation`,
      [key, from],
    );
    return rows[0]?.generation;
  }

  /**
   * Records why a step failed, for `status`. `failed` also stops the certificate until the file or a resync changes
   * it. Given `at` (the step that failed), nothing is recorded when the certificate has moved past that step since.
   */
  async recordError(
    key: string,
    generation: number,
    message: string,
    options: { failed?: boolean; at?: Step } = {},
  ): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.#s}.certificates SET last_error = $3, state = CASE WHEN $4 THEN 'failed' ELSE state END,
         next_step = CASE WHEN $4 THEN NULL ELSE next_step END, updated_at = now()
       WHERE key = $1 AND generation = $2 AND ($5::text IS NULL OR next_step = $5)`,
      [key, generation, message.slice(0, 2_000), options.failed ?? false, options.at ?? null],
    );
  }

  /** The newest purchase attempt of a generation. */
  async lastPurchase(key: string, generation: number, db: Queryable = this.pool): Promise<PurchaseRow | undefined> {
    const { rows } = await db.query<PurchaseRow>(
      `SELECT ${PURCHASE_COLUMNS} FROM ${this.#s}.purchases WHERE certificate_key = $1 AND generation = $2 ORDER BY attempt DESC LIMIT 1`,
      [key, generation],
    );
    return rows[0];
  }

  /** Commits the intent to buy: after this, the purchase may be sent, and a crash leaves a trace to recover from. */
  async recordIntent(
    purchase: Omit<PurchaseRow, "state" | "orderId" | "intendedAt" | "recovery"> & { recovery: OrderRecovery },
  ): Promise<PurchaseRow> {
    const { rows } = await this.pool.query<PurchaseRow>(
      `INSERT INTO ${this.#s}.purchases (certificate_key, generation, attempt, state, provider, account, names, recovery, intended_at, private_key, csr)
       VALUES ($1, $2, $3, 'intended', $4, $5, $6, $7, now(), $8, $9) RETURNING ${PURCHASE_COLUMNS}`,
      [
        purchase.key,
        purchase.generation,
        purchase.attempt,
        purchase.provider,
        purchase.account,
        purchase.names,
        JSON.stringify(purchase.recovery),
        purchase.privateKey,
        purchase.csr,
      ],
    );
    return rows[0]!;
  }

  /** Settles a purchase attempt: confirmed with its order, refused with the provider's answer, or absent. */
  async settlePurchase(
    purchase: PurchaseRow,
    outcome: { state: "confirmed"; orderId: string } | { state: "refused" | "absent"; error: string },
    db: Queryable = this.pool,
  ): Promise<void> {
    await db.query(
      `UPDATE ${this.#s}.purchases SET state = $4, order_id = $5, error = $6 WHERE certificate_key = $1 AND generation = $2 AND attempt = $3`,
      [
        purchase.key,
        purchase.generation,
        purchase.attempt,
        outcome.state,
        outcome.state === "confirmed" ? outcome.orderId : null,
        outcome.state === "confirmed" ? null : outcome.error,
      ],
    );
  }

  /**
   * The newest rate-limit figures any worker saw for an account, if any: a worker that has sent nothing yet (just
   * started, or restarted after a crash) holds its steps by them instead of learning the window is spent from a 429.
   */
  async rateLimit(account: string): Promise<RateLimitState | undefined> {
    const { rows } = await this.pool.query<{
      limit: number | null;
      remaining: number | null;
      resetAt: Date | null;
      observedAt: Date;
    }>(
      `SELECT request_limit AS "limit", remaining, reset_at AS "resetAt", observed_at AS "observedAt" FROM ${this.#s}.rate_limits WHERE account = $1`,
      [account],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return {
      limit: row.limit ?? undefined,
      remaining: row.remaining ?? undefined,
      resetAt: row.resetAt ?? undefined,
      observedAt: row.observedAt,
    };
  }

  /**
   * Keeps an account's rate-limit figures for every worker, unless newer ones are kept already. Figures are kept as
   * they fit: counts within 0 … 2^31 − 1, no invalid date, and never observed after `now` (this worker's time), so
   * that a clock running ahead cannot keep its figures from being replaced; figures kept from such a clock are.
   */
  async noteRateLimit(account: string, state: RateLimitState, now: Date): Promise<void> {
    const observedAt = Math.min(state.observedAt.getTime(), now.getTime());
    if (!Number.isFinite(observedAt)) return;
    await this.pool.query(
      `INSERT INTO ${this.#s}.rate_limits (account, request_limit, remaining, reset_at, observed_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account) DO UPDATE SET request_limit = EXCLUDED.request_limit, remaining = EXCLUDED.remaining,
         reset_at = EXCLUDED.reset_at, observed_at = EXCLUDED.observed_at
       WHERE rate_limits.observed_at < EXCLUDED.observed_at OR rate_limits.observed_at > $6`,
      [
        account,
        storedCount(state.limit),
        storedCount(state.remaining),
        state.resetAt !== undefined && Number.isFinite(state.resetAt.getTime()) ? state.resetAt : null,
        new Date(observedAt),
        now,
      ],
    );
  }

  /** Whether an order is already the confirmed purchase of some certificate (an order is adopted once). */
  async isClaimed(provider: string, account: string, orderId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `SELECT 1 FROM ${this.#s}.purchases WHERE provider = $1 AND account = $2 AND order_id = $3`,
      [provider, account, orderId],
    );
    return (rowCount ?? 0) > 0;
  }

  async saveBundle(key: string, generation: number, bundle: BundleRow, db: Queryable = this.pool): Promise<void> {
    await db.query(
      `INSERT INTO ${this.#s}.bundles (certificate_key, generation, order_id, certificate, chain, root, private_key, valid_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (certificate_key, generation) DO UPDATE SET order_id = $3, certificate = $4, chain = $5, root = $6, private_key = $7, valid_until = $8, downloaded_at = now()`,
      [
        key,
        generation,
        bundle.orderId,
        bundle.certificate,
        bundle.chain,
        bundle.root,
        bundle.privateKey,
        bundle.validUntil,
      ],
    );
  }

  async bundle(key: string, generation: number): Promise<BundleRow | undefined> {
    const { rows } = await this.pool.query<BundleRow>(
      `SELECT order_id AS "orderId", certificate, chain, root, private_key AS "privateKey", valid_until AS "validUntil" FROM ${this.#s}.bundles WHERE certificate_key = $1 AND generation = $2`,
      [key, generation],
    );
    return rows[0];
  }

  /** Certificates whose next step was due before `before`: what the sweep sends again in case its job was lost. */
  async overdue(before: Date): Promise<StepRequest[]> {
    const { rows } = await this.pool.query<StepRequest>(
      `SELECT key, generation, next_step AS step, next_step_waits AS waits FROM ${this.#s}.certificates WHERE next_step IS NOT NULL AND next_step_at < $1 AND state NOT IN ('failed', 'removed') ORDER BY next_step_at LIMIT 10000`,
      [before],
    );
    return rows;
  }

  /** The private key kept for an order by any purchase (the fleet made it for the CSR), if any. */
  async keyForOrder(provider: string, account: string, orderId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ privateKey: string | null }>(
      `SELECT private_key AS "privateKey" FROM ${this.#s}.purchases WHERE provider = $1 AND account = $2 AND order_id = $3`,
      [provider, account, orderId],
    );
    return rows[0]?.privateKey ?? null;
  }

  /**
   * Makes an order found at the provider the purchase of a certificate's current generation (a confirmed attempt
   * after the last one), as `resync` does for an order the store did not know.
   */
  async adoptOrder(row: CertificateRow, orderId: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.#s}.purchases (certificate_key, generation, attempt, state, provider, account, names, intended_at, order_id)
       SELECT $1, $2, coalesce(max(attempt), 0) + 1, 'confirmed', $3, $4, $5, now(), $6 FROM ${this.#s}.purchases WHERE certificate_key = $1 AND generation = $2`,
      [row.key, row.generation, row.spec.provider, row.spec.account, row.spec.names, orderId],
    );
  }

  /** Starts a new generation of a certificate whatever its state (resync: its order is gone or ended). */
  async reorder(row: CertificateRow, db: Queryable = this.pool): Promise<number | undefined> {
    const { rows } = await db.query<{ generation: number }>(
      `UPDATE ${this.#s}.certificates SET generation = generation + 1, state = 'ordering', order_id = NULL, next_step = 'order', next_step_at = now(), next_step_waits = 0, last_error = NULL, updated_at = now()
       WHERE key = $1 AND generation = $2 RETURNING generation`,
      [row.key, row.generation],
    );
    return rows[0]?.generation;
  }
}
