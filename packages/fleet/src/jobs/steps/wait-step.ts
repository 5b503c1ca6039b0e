import type { CertificateRow } from "../../store/fleet-store.js";
import type { StepJob } from "../fleet-queues.js";
import type { StepContext } from "../step-context.js";
import { StepRefused } from "../step-refused.js";

const ENDED = new Set(["failed", "cancelled", "revoked", "expired"]);

/**
 * How many looks an order may stay `pending` (bought, with nothing asked of the customer or the CA yet) before the
 * fleet stops waiting for it. Each look finishes an order left part-way (see `finishOrder`), so one still pending
 * after these is stuck at the provider.
 */
const PENDING_LOOKS = 30;

/** Far past any real wait (a look every 10 minutes for 19 years), within the store's integer column. */
const MAX_WAITS = 1_000_000;

/** The looks a job says were made: a whole number from 0 to {@link MAX_WAITS}, whatever its data holds. */
function looksSoFar(job: StepJob): number {
  const { waits } = job;
  return typeof waits === "number" && Number.isSafeInteger(waits) && waits > 0 ? Math.min(waits, MAX_WAITS) : 0;
}

/**
 * Looks at the order once, through `finishOrder`: an order bought but not sent on (the adapter's order is several
 * calls at DNSimple, and a worker killed or an answer lost between them leaves it so) is sent on, any other is read.
 * Issued: download next. Still with the CA or the customer: another look later, as a delayed job (no worker sleeps),
 * each pause half as long again up to the longest. Ended otherwise, or left pending: the certificate fails, with the
 * provider's reason.
 */
export async function waitStep(row: CertificateRow, job: StepJob, context: StepContext): Promise<void> {
  const { spec } = row;
  const client = context.connector.client(spec.provider, spec.account);
  const order = await client.finishOrder(row.orderId!, { signal: context.signal });
  if (order.status === "issued") {
    const validUntil = order.validUntil === undefined ? null : new Date(order.validUntil);
    await context.moveOn(row, job, { state: "downloading", validUntil }, { step: "download" });
    return;
  }
  if (ENDED.has(order.status)) {
    throw new StepRefused(
      `the order ${order.id} ended ${order.status}${order.message === undefined ? "" : `: ${order.message}`}`,
    );
  }
  const waits = looksSoFar(job) + 1;
  if (order.status === "pending" && waits > PENDING_LOOKS) {
    throw new StepRefused(
      `the order ${order.id} is still pending (${order.providerStatus}) after ${PENDING_LOOKS} looks: ${spec.provider} has not sent it on for validation; look at it there`,
    );
  }
  const { waitIntervalMs, maxWaitIntervalMs } = context.timing;
  const pause = Math.min(maxWaitIntervalMs, waitIntervalMs * 1.5 ** Math.min(waits - 1, 30));
  await context.moveOn(row, job, { state: "issuing" }, { step: "wait", at: new Date(Date.now() + pause), waits });
}
