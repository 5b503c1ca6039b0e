import type { CertificateRow } from "../../store/fleet-store.js";
import type { StepJob } from "../fleet-queues.js";
import type { StepContext } from "../step-context.js";

/**
 * Tells the provider the DNS record or file is in place, where it waits to be told and the order still waits for
 * it (a second run after a crash finds the order moved on and sends nothing). Email approvals need no telling.
 */
export async function confirmStep(row: CertificateRow, job: StepJob, context: StepContext): Promise<void> {
  const { spec } = row;
  const client = context.connector.client(spec.provider, spec.account);
  const method =
    spec.validation ??
    (client.capabilities.validationMethods.includes("dns") ? "dns" : client.capabilities.validationMethods[0]);
  if (client.capabilities.confirmValidation && method !== "email") {
    const order = await client.get(row.orderId!, { signal: context.signal });
    if (order.status === "awaiting_validation")
      await client.confirmValidation(row.orderId!, { signal: context.signal });
  }
  await context.moveOn(row, job, { state: "issuing" }, { step: "wait", waits: 0 });
}
