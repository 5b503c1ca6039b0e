import type { CertificateRow } from "../../store/fleet-store.js";
import type { StepJob } from "../fleet-queues.js";
import type { StepContext } from "../step-context.js";

/**
 * The renewal check: once the certificate is within `renewBefore` of its end, a new generation starts, which orders
 * a new certificate (with a fresh key) for the same names. Not yet due: the check comes back when it is.
 */
export async function renewStep(row: CertificateRow, job: StepJob, context: StepContext): Promise<void> {
  if (row.state !== "delivered" || row.validUntil === null) return;
  const due = row.validUntil.getTime() - row.spec.renewBeforeMs;
  if (context.now().getTime() < due) {
    await context.moveOn(row, job, { state: "delivered" }, { step: "renew", at: new Date(due) });
    return;
  }
  const generation = await context.store.startGeneration(job.key, job.generation);
  if (generation === undefined) return;
  const next = { ...row, generation, state: "ordering" as const };
  await context.moveOn(next, { key: job.key, generation, step: "order" }, { state: "ordering" }, { step: "order" });
}
