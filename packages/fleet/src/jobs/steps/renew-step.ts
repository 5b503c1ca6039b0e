import { DAY_MS } from "@certkit/runtime";
import type { CertificateRow } from "../../store/fleet-store.js";
import type { StepJob } from "../fleet-queues.js";
import type { StepContext } from "../step-context.js";

/** When the end date is unknown, how often the renewal check comes back (and asks the provider again). */
export const UNKNOWN_END_RECHECK_MS = DAY_MS;

/**
 * The renewal check: once the certificate is within `renewBefore` of its end, a new generation starts, which orders
 * a new certificate (with a fresh key) for the same names. Not yet due: the check comes back when it is. When the
 * provider gave no end date with the issued order, the check asks for the order again, and comes back in a day while
 * it still gives none.
 */
export async function renewStep(row: CertificateRow, job: StepJob, context: StepContext): Promise<void> {
  if (row.state !== "delivered") return;
  let { validUntil } = row;
  if (validUntil === null) {
    const client = context.connector.client(row.spec.provider, row.spec.account);
    const order = await client.get(row.orderId!, { signal: context.signal });
    validUntil = order.validUntil === undefined ? null : new Date(order.validUntil);
    if (validUntil === null || Number.isNaN(validUntil.getTime())) {
      const at = new Date(context.now().getTime() + UNKNOWN_END_RECHECK_MS);
      await context.moveOn(row, job, { state: "delivered" }, { step: "renew", at });
      return;
    }
  }
  const due = validUntil.getTime() - row.spec.renewBeforeMs;
  if (context.now().getTime() < due) {
    await context.moveOn(row, job, { state: "delivered", validUntil }, { step: "renew", at: new Date(due) });
    return;
  }
  const generation = await context.store.startGeneration(job.key, job.generation);
  if (generation === undefined) return;
  const next = { ...row, generation, state: "ordering" as const };
  await context.moveOn(next, { key: job.key, generation, step: "order" }, { state: "ordering" }, { step: "order" });
}
