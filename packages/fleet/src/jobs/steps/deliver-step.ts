import { deliver } from "../../delivery/deliver.js";
import type { CertificateRow } from "../../store/fleet-store.js";
import type { StepJob } from "../fleet-queues.js";
import type { StepContext } from "../step-context.js";
import { UNKNOWN_END_RECHECK_MS } from "./renew-step.js";

/**
 * Delivers the downloaded certificate (files or hook), then schedules the renewal check for `renewBefore` ahead of its
 * end date. One that is due already is renewed at once when `resync` adopted it (it was found with little time left,
 * and a new order gives a full term); one this fleet bought itself that is due at once (`renewBefore` longer than its
 * validity) would be due at once again after a renewal, so it is delivered but not renewed in a loop: its last error
 * says why.
 */
export async function deliverStep(row: CertificateRow, job: StepJob, context: StepContext): Promise<void> {
  const { spec } = row;
  const bundle = await context.store.bundle(job.key, job.generation);
  if (!bundle) {
    await context.moveOn(row, job, { state: "downloading" }, { step: "download" });
    return;
  }
  await deliver(
    spec.deliver,
    {
      key: spec.key,
      names: spec.names,
      provider: spec.provider,
      orderId: bundle.orderId,
      generation: job.generation,
      certificate: bundle.certificate,
      chain: bundle.chain,
      privateKey: bundle.privateKey,
      validUntil: bundle.validUntil?.toISOString() ?? null,
    },
    context.signal,
  );
  const now = context.now().getTime();
  const renewAt =
    bundle.validUntil === null ? now + UNKNOWN_END_RECHECK_MS : bundle.validUntil.getTime() - spec.renewBeforeMs;
  if (renewAt <= now) {
    // An order resync adopted has no recovery: the fleet never sent its purchase.
    const adopted = (await context.store.lastPurchase(job.key, job.generation))?.recovery === null;
    if (adopted) {
      await context.moveOn(
        row,
        job,
        { state: "delivered", deliveredGeneration: job.generation, actedOn: spec },
        { step: "renew" },
      );
      return;
    }
    await context.moveOn(row, job, { state: "delivered", deliveredGeneration: job.generation, actedOn: spec }, null);
    await context.store.recordError(
      job.key,
      job.generation,
      `renewBefore is longer than what is left of the certificate: renew it by hand or shorten renewBefore`,
    );
    return;
  }
  await context.moveOn(
    row,
    job,
    { state: "delivered", deliveredGeneration: job.generation, actedOn: spec },
    { step: "renew", at: new Date(renewAt) },
  );
}
