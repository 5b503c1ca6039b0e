import type { JobWithMetadata, PgBoss } from "pg-boss";
import type { FleetStore } from "../store/fleet-store.js";
import { queueOf, sendStep, type StepJob } from "./fleet-queues.js";

/** The states of a pg-boss job that will still run. */
const WILL_RUN = new Set<JobWithMetadata["state"]>(["created", "retry", "active"]);

/**
 * After a stale job was skipped: sends the certificate generation's planned next step again, at its planned time,
 * when no job is left that would run it. Resolves whether it sent one.
 *
 * Why a step can be left without a job: a queue holds one queued job per certificate generation (`stately`). When
 * pg-boss gives up on a killed worker's job (its heartbeat stopped) while a stale job of the same generation waits
 * in that queue, it fails the killed job instead of queueing its retry. The stale job then runs and is skipped;
 * without this, the certificate would wait for the sweep. A `wait` sent again goes on with the count of looks kept.
 */
export async function resendOrphanedStep(
  boss: PgBoss,
  store: FleetStore,
  skipped: { id: string; data: StepJob },
): Promise<boolean> {
  const row = await store.certificate(skipped.data.key);
  if (row?.generation !== skipped.data.generation || row.nextStep === null) return false;
  if (row.state === "removed" || row.state === "failed") return false;
  const jobs = await boss.findJobs<StepJob>(queueOf(row.nextStep, row.spec), { key: `${row.key}/${row.generation}` });
  if (jobs.some((job) => job.id !== skipped.id && WILL_RUN.has(job.state) && job.data.step === row.nextStep)) {
    return false;
  }
  const next: StepJob = {
    key: row.key,
    generation: row.generation,
    step: row.nextStep,
    ...(row.nextStep === "wait" && row.nextStepWaits > 0 ? { waits: row.nextStepWaits } : {}),
  };
  await sendStep(boss, next, row.spec, row.nextStepAt ?? undefined);
  return true;
}
