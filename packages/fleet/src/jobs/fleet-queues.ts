import type { PgBoss, Queue, SendOptions } from "pg-boss";
import type { CertificateSpec } from "../config/certificate-spec.js";
import { FLEET_PROVIDERS, type FleetProvider } from "../config/fleet-file-schema.js";
import type { Step } from "../store/fleet-store.js";
import type { FleetTiming } from "./fleet-timing.js";

/** What a step job carries: which certificate generation, which step, and (for `wait`) how many looks so far. */
export interface StepJob {
  key: string;
  generation: number;
  step: Step;
  waits?: number;
}

/** The queue of the steps that call a provider: one per provider, so each provider's work is capped on its own. */
export const providerQueue = (provider: FleetProvider) => `certkit-fleet.provider.${provider}`;
/** The queue of the steps that call no provider: delivery and the renewal check. */
export const LOCAL_QUEUE = "certkit-fleet.local";
/** The queue the sweep schedule sends to. */
export const SWEEP_QUEUE = "certkit-fleet.sweep";

/** Every step queue. */
export const STEP_QUEUES = [...FLEET_PROVIDERS.map(providerQueue), LOCAL_QUEUE];

const LOCAL_STEPS = new Set<Step>(["deliver", "renew"]);

/**
 * Later steps go first: a worker finishes the certificates it has started before it buys more, so certificates are
 * delivered all along a large run instead of all at its end, and fewer orders wait half-done at the provider.
 */
const STEP_PRIORITY: Record<Step, number> = {
  order: 0,
  renew: 0,
  publish: 1,
  confirm: 2,
  wait: 3,
  download: 4,
  deliver: 5,
};

/** The queue a step of `spec` runs in. */
export function queueOf(step: Step, spec: Pick<CertificateSpec, "provider">): string {
  return LOCAL_STEPS.has(step) ? LOCAL_QUEUE : providerQueue(spec.provider);
}

/**
 * The queues' settings. `stately` with a singleton key per certificate and generation: at most one job of a
 * certificate generation queued and one running in a queue, so a step sent twice (by a retry, the sweep, two workers)
 * is sent once. A step whose worker stops sending heartbeats (killed) is given to another worker after
 * `heartbeatSeconds` plus a supervise pass.
 */
export function queueOptions(timing: FleetTiming): Omit<Queue, "name"> {
  return {
    policy: "stately",
    retryLimit: 25,
    retryDelay: timing.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: 600,
    expireInSeconds: 300,
    heartbeatSeconds: 10,
    deleteAfterSeconds: 86_400,
    // A job ready at once wakes the workers (LISTEN/NOTIFY) instead of waiting for their next poll.
    notify: true,
  };
}

/**
 * The sweep's queue: one sweep queued or running at a time (`exclusive`), never retried (the schedule sends the
 * next). Its heartbeat lets a sweep whose worker was killed go within seconds: until it goes, the schedule's next
 * sweeps are refused, so without one a killed sweep held every sweep off for its whole `expireInSeconds`.
 */
const SWEEP_QUEUE_OPTIONS = { policy: "exclusive", retryLimit: 0, expireInSeconds: 600, heartbeatSeconds: 10 } as const;

/** Creates the fleet's queues (again: an existing step queue is left as it is; the sweep's gets today's settings). */
export async function createFleetQueues(boss: PgBoss, timing: FleetTiming): Promise<void> {
  for (const name of STEP_QUEUES) {
    if ((await boss.getQueue(name)) === null) await boss.createQueue(name, queueOptions(timing));
  }
  if ((await boss.getQueue(SWEEP_QUEUE)) === null) await boss.createQueue(SWEEP_QUEUE, SWEEP_QUEUE_OPTIONS);
  else await boss.updateQueue(SWEEP_QUEUE, { heartbeatSeconds: SWEEP_QUEUE_OPTIONS.heartbeatSeconds });
}

/**
 * Puts a certificate generation's next step in its queue, not before `at`: keyed by certificate and generation, in
 * the account's group (whose concurrency every worker caps the same way). A job of that generation still waiting
 * there (a retry, or one the sweep sent) is replaced, so a generation has one next step. `db` makes it part of a
 * transaction of the store's.
 */
export async function sendStep(
  boss: PgBoss,
  job: StepJob,
  spec: CertificateSpec,
  at: Date | undefined,
  db?: SendOptions["db"],
): Promise<void> {
  await boss.upsert(queueOf(job.step, spec), job, {
    singletonKey: `${job.key}/${job.generation}`,
    group: { id: spec.account, tier: spec.account },
    priority: STEP_PRIORITY[job.step],
    startAfter: at ?? new Date(),
    ...(db === undefined ? {} : { db }),
  });
}
