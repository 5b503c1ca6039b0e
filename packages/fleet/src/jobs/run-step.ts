import { isCertkitError } from "@certkit/certificates";
import type { CertificateRow, Step } from "../store/fleet-store.js";
import { LOCAL_QUEUE, queueOf, type StepJob } from "./fleet-queues.js";
import { MAX_RATE_LIMIT_HOLD_MS, newestRateLimit, rateLimitHold } from "./rate-limit-hold.js";
import type { StepContext } from "./step-context.js";
import { StepRefused } from "./step-refused.js";
import { confirmStep } from "./steps/confirm-step.js";
import { deliverStep } from "./steps/deliver-step.js";
import { downloadStep } from "./steps/download-step.js";
import { orderStep } from "./steps/order-step.js";
import { publishStep } from "./steps/publish-step.js";
import { renewStep } from "./steps/renew-step.js";
import { waitStep } from "./steps/wait-step.js";

const STEPS: Record<Step, typeof orderStep> = {
  order: orderStep,
  publish: publishStep,
  confirm: confirmStep,
  wait: waitStep,
  download: downloadStep,
  deliver: deliverStep,
  renew: renewStep,
};

/** What happened to one step job, for logs and `run`'s progress. */
export interface StepOutcome {
  key: string;
  generation: number;
  step: Step;
  /**
   * `done`; `skipped` (stale: the certificate is at another step or generation, or removed); `held` (put off until
   * the provider's rate-limit window resets, sending nothing, or after a 429); `retry` (thrown: pg-boss tries again);
   * `failed` (refused for good).
   */
  outcome: "done" | "skipped" | "held" | "retry" | "failed";
  message?: string;
}

/** Puts the step off until `at`: the same job, sent again to start then. */
function holdUntil(row: CertificateRow, job: StepJob, context: StepContext, at: Date): Promise<void> {
  return context.moveOn(
    row,
    job,
    { state: row.state },
    { step: job.step, at, ...(job.waits === undefined ? {} : { waits: job.waits }) },
  );
}

/**
 * Runs one step job. A job about a generation the certificate has left (or a removed certificate) is done at once.
 * A step that calls a provider whose rate limit is nearly spent (see {@link rateLimitHold}) is put off until the
 * window resets, without a request; one the provider refused with 429 is put off as long as it said. A step that
 * throws otherwise is recorded as the certificate's last error and thrown again, for pg-boss to retry it with
 * backoff; a {@link StepRefused} fails the certificate instead, and is not retried.
 */
export async function runStep(job: StepJob, context: StepContext): Promise<StepOutcome> {
  const base = { key: job.key, generation: job.generation, step: job.step };
  const row = await context.store.certificate(job.key);
  // A job that is not the generation's next step is stale (sent twice, or overtaken): its step's successor is already
  // planned, and running it again would move the certificate back.
  if (
    row?.generation !== job.generation ||
    row.nextStep !== job.step ||
    row.state === "removed" ||
    row.state === "failed"
  ) {
    return { ...base, outcome: "skipped" };
  }
  const { spec } = row;
  const callsProvider = queueOf(job.step, spec) !== LOCAL_QUEUE;
  const client = callsProvider ? context.connector.client(spec.provider, spec.account) : undefined;
  if (client !== undefined) {
    // Every worker's figures count: one that has sent nothing yet (restarted after a crash) knows the window too.
    const now = context.now();
    const seen = newestRateLimit(client.rateLimit, await context.store.rateLimit(spec.account), now);
    const hold = rateLimitHold(seen, context.accountConcurrency(spec.account), now);
    if (hold !== undefined) {
      await holdUntil(row, job, context, hold);
      return { ...base, outcome: "held" };
    }
  }
  try {
    await STEPS[job.step](row, job, context);
    return { ...base, outcome: "done" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (callsProvider && isCertkitError(error) && error.code === "RATE_LIMITED") {
      const waitMs = Math.min(error.retryAfterMs ?? context.timing.retryDelaySeconds * 1_000, MAX_RATE_LIMIT_HOLD_MS);
      await holdUntil(row, job, context, new Date(context.now().getTime() + waitMs));
      return { ...base, outcome: "held", message };
    }
    const refused = error instanceof StepRefused;
    await context.store.recordError(job.key, job.generation, `${job.step}: ${message}`, {
      failed: refused,
      at: job.step,
    });
    if (refused) return { ...base, outcome: "failed", message };
    throw error;
  } finally {
    // The figures are advice: failing to keep them must not undo a step done (or hide why it failed).
    if (client?.rateLimit !== undefined)
      await context.store.noteRateLimit(spec.account, client.rateLimit, context.now()).catch(() => undefined);
  }
}
