import { SandboxClock, setupSandbox, type MswSandbox } from "@certkit/sandbox";
import { useMswServer } from "@certkit/test-kit";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OrderNotConfirmedError } from "../../src/index.js";
import {
  losingFetch,
  PURCHASE_CASES,
  purchaseCsrs,
  type LostAnswer,
  type PurchaseCsrs,
  type Purchases,
} from "../support/purchase-cases.js";

// One order(), one certificate: for every provider, the purchase's answer is lost in every way an answer gets lost
// (after the provider has placed the order), while the provider's lists lag its writes by 0, 1 or 10 s of sandbox
// time. Certificates are counted in the sandbox; no case sleeps: findOrders looks once (maxWaitMs 0) and the sandbox
// clock is moved past the lag.

const { server } = useMswServer();

const LOST_ANSWERS: readonly LostAnswer[] = [
  "connection reset",
  "502 from a gateway",
  "504 from a gateway",
  "2xx cut off",
  "timeout",
];
const LAGS_MS = [0, 1_000, 10_000] as const;
/** The client's timeout when the answer never comes: the one real wait of these tests, short but far above a sandbox call. */
const TIMEOUT_MS = 1_000;

let csrs: PurchaseCsrs;
beforeAll(async () => {
  csrs = await purchaseCsrs();
});

/** The options every adapter gets: the losing fetch, no retries, and the short timeout where the answer never comes. */
const common = (lost: LostAnswer, fetch: (request: Request) => Promise<Response>) => ({
  retry: false as const,
  fetch,
  ...(lost === "timeout" ? { timeoutMs: TIMEOUT_MS } : {}),
});

describe.each(PURCHASE_CASES)(
  "$provider: one order(), one certificate, whatever happens to the purchase's answer",
  (provider) => {
    let sandbox: MswSandbox;
    beforeEach(async () => {
      sandbox = await setupSandbox(server, { clock: new SandboxClock({ frozenAt: new Date("2026-06-01T09:00:00Z") }) });
    });

    describe.each(LOST_ANSWERS)("answer lost by %s", (lost) => {
      it.each(LAGS_MS)("with the provider's list %i ms behind its writes", async (lagMs) => {
        sandbox.faults.listLag.set(lagMs);
        const purchases: Purchases = { sent: 0, handled: [] };
        const certs = provider.client(sandbox, common(lost, losingFetch(lost, provider.isPurchase, purchases)));
        const outcome = await certs.order(provider.request(csrs)).then(
          (order) => ({ order }),
          (error: unknown) => ({ error }),
        );
        await Promise.all(purchases.handled);
        expect(purchases.sent).toBe(1);
        expect(sandbox.simulators[provider.provider].orderCount()).toBe(1);

        // Resello's order looks once by its client_reference: without lag it finds the order and answers with it.
        if (provider.provider === "resello" && lagMs === 0) {
          expect("order" in outcome && outcome.order.provider).toBe("resello");
          return;
        }
        expect("error" in outcome && outcome.error).toBeInstanceOf(OrderNotConfirmedError);
        const error = (outcome as { error: OrderNotConfirmedError }).error;
        expect(error).toMatchObject({ provider: provider.provider, effectUnknown: true, retryable: false });
        expect(error.recovery).toMatchObject({
          provider: provider.provider,
          sentAt: sandbox.clock.now().toISOString(),
        });
        // The recovery is plain JSON: it survives being stored and read back.
        const stored = JSON.parse(JSON.stringify(error)) as { recovery: typeof error.recovery };
        expect(stored.recovery).toEqual(error.recovery);

        if (lagMs > 0) expect(await error.findOrders({ maxWaitMs: 0 })).toEqual([]);
        sandbox.clock.advance(lagMs);
        const found = await certs.findOrders(stored.recovery, { maxWaitMs: 0 });
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ provider: provider.provider, commonName: provider.request(csrs).commonName });
        expect((await certs.get(found[0]!.id)).id).toBe(found[0]!.id);
        expect(purchases.sent).toBe(1);
        expect(sandbox.simulators[provider.provider].orderCount()).toBe(1);
      });
    });
  },
);
