import type { CertificateRow } from "../../store/fleet-store.js";
import type { StepJob } from "../fleet-queues.js";
import type { StepContext } from "../step-context.js";

/** Publishes what the provider asks for each name (DNS record, file, email approval) with the certificate's publisher. */
export async function publishStep(row: CertificateRow, job: StepJob, context: StepContext): Promise<void> {
  const { spec } = row;
  const orderId = row.orderId!;
  const client = context.connector.client(spec.provider, spec.account);
  const options = { signal: context.signal };
  const validations = client.capabilities.validation
    ? await client.validation(orderId, options)
    : (await client.get(orderId, options)).validation;
  const publisher = context.publisherFor(spec.publisher);
  for (const validation of validations) {
    if (validation.status === "valid") continue;
    await publisher.publish(validation, { key: spec.key, provider: spec.provider, orderId, signal: context.signal });
  }
  await context.moveOn(row, job, { state: "validating" }, { step: "confirm" });
}
