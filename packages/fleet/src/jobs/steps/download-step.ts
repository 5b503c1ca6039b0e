import type { CertificateRow } from "../../store/fleet-store.js";
import type { StepJob } from "../fleet-queues.js";
import type { StepContext } from "../step-context.js";
import { StepRefused } from "../step-refused.js";

/**
 * Downloads the issued certificate (its chain checked by the facade) and keeps it with its key: the one the fleet
 * made for the CSR, or the one the provider made and hands out.
 */
export async function downloadStep(row: CertificateRow, job: StepJob, context: StepContext): Promise<void> {
  const { spec } = row;
  const client = context.connector.client(spec.provider, spec.account);
  const bundle = await client.download(row.orderId!, { signal: context.signal });
  const purchase = await context.store.lastPurchase(job.key, job.generation);
  const privateKey = bundle.privateKey ?? purchase?.privateKey ?? null;
  if (privateKey === null)
    throw new StepRefused(
      `no private key for the order ${row.orderId}: the provider sent none and the fleet made none`,
    );
  await context.store.saveBundle(job.key, job.generation, {
    orderId: row.orderId!,
    certificate: bundle.certificate,
    chain: bundle.chain,
    root: bundle.root ?? null,
    privateKey,
    validUntil: row.validUntil,
  });
  await context.moveOn(row, job, { state: "delivering" }, { step: "deliver" });
}
