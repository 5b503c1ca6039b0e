import { isCertkitError, type CertificateOrder, type OrderRecovery, type OrderRequest } from "@certkit/certificates";
import { makeCsr } from "../../keys/make-csr.js";
import { findPurchase } from "../../recovery/find-purchase.js";
import type { CertificateRow, PurchaseRow } from "../../store/fleet-store.js";
import type { StepJob } from "../fleet-queues.js";
import type { StepContext } from "../step-context.js";
import { StepRefused } from "../step-refused.js";

/** The recovery an intent was committed with (the store's constraint: every intent has one). */
function intendedRecovery(purchase: PurchaseRow): OrderRecovery {
  if (purchase.recovery === null) throw new Error(`purchase ${purchase.key}/${purchase.generation} has no recovery`);
  return purchase.recovery;
}

/** Another worker is buying this generation right now: this job is tried again later. */
class PurchaseBusy extends Error {
  override readonly name = "PurchaseBusy";
}

/**
 * Buys the certificate generation, at most once. The intent (with the key and CSR made for it, and the facade's
 * recovery for the order: its client key where the provider keeps one) is committed before the purchase is sent; a
 * later run that finds an intent whose outcome is unknown (the worker died, or the answer was lost) looks for the
 * order with the facade's `findOrders` and adopts it, and buys again only when none has appeared after the recovery
 * grace period.
 */
export async function orderStep(row: CertificateRow, job: StepJob, context: StepContext): Promise<void> {
  const { spec } = row;
  const { store, signal } = context;
  const client = context.connector.client(spec.provider, spec.account);
  const adopt = async (purchase: Parameters<typeof store.settlePurchase>[0], order: CertificateOrder) => {
    await store.settlePurchase(purchase, { state: "confirmed", orderId: order.id });
    await context.moveOn(row, job, { state: "validating", orderId: order.id }, { step: "publish" });
  };
  const locked = await context.withPurchaseLock(job, async () => {
    const last = await store.lastPurchase(job.key, job.generation);
    if (last?.state === "confirmed") {
      await context.moveOn(row, job, { state: "validating", orderId: last.orderId! }, { step: "publish" });
      return;
    }
    if (last?.state === "intended") {
      const graceEnds = last.intendedAt.getTime() + context.timing.recoveryGraceMs;
      const graceOver = Date.now() >= graceEnds;
      // Each look is a fresh one: once the grace period is over, finding nothing shows the order was never placed.
      const found = await findPurchase(client, intendedRecovery(last), {
        isClaimed: (id) => store.isClaimed(spec.provider, spec.account, id),
        signal,
      });
      // Found after a crash, it may have been left part-way (bought, not sent on): finished before its validation
      // is published, since until then DNSimple v1 offers no approver.
      if (found) return adopt(last, await client.finishOrder(found.id, { signal }));
      if (!graceOver) {
        await context.moveOn(row, job, { state: "ordering" }, { step: "order", at: new Date(graceEnds) });
        return;
      }
      await store.settlePurchase(last, {
        state: "absent",
        error: "not at the provider after the recovery grace period",
      });
    }
    const keys = client.capabilities.csr === "none" ? undefined : await makeCsr(spec.names, spec.keyType);
    const [commonName, ...altNames] = spec.names;
    const request: OrderRequest = {
      commonName: commonName!,
      altNames,
      ...(keys === undefined ? {} : { csr: keys.csr }),
      ...(spec.validation === undefined ? {} : { validationMethod: spec.validation }),
      ...(spec.product === undefined ? {} : { product: spec.product }),
    };
    // Taken before the intent is committed, so its time is before the order leaves.
    const recovery = await client.orderRecovery(request, { signal }).catch((error: unknown) => {
      if (isCertkitError(error) && !error.retryable)
        throw new StepRefused(`${spec.provider} refused the order: ${error.message}`);
      throw error;
    });
    const purchase = await store.recordIntent({
      key: job.key,
      generation: job.generation,
      attempt: (last?.attempt ?? 0) + 1,
      provider: spec.provider,
      account: spec.account,
      names: spec.names,
      recovery,
      privateKey: keys?.privateKey ?? null,
      csr: keys?.csr ?? null,
    });
    let order: CertificateOrder;
    try {
      order = await client.order(request, { recovery, signal });
    } catch (error) {
      // An answer that may have been lost leaves the intent as it is: the next run recovers the order. Said in the
      // fleet's words: the facade's message tells a program what to do about it, which here the fleet does.
      if (isCertkitError(error) && error.effectUnknown) {
        const why = error.cause instanceof Error ? error.cause.message : error.message;
        throw new Error(
          `${spec.provider} did not confirm the purchase (${why}): it may have been made, so the order is looked for at ${spec.provider} before buying again`,
          { cause: error },
        );
      }
      if (isCertkitError(error)) {
        await store.settlePurchase(purchase, { state: "refused", error: error.message });
        if (!error.retryable) throw new StepRefused(`${spec.provider} refused the order: ${error.message}`);
      }
      throw error;
    }
    await adopt(purchase, order);
  });
  if (!locked) throw new PurchaseBusy(`another worker is buying ${job.key} generation ${job.generation}`);
}
