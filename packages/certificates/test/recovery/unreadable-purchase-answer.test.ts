import { SandboxClock, setupSandbox, type MswSandbox } from "@certkit/sandbox";
import { useMswServer } from "@certkit/test-kit";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OrderNotConfirmedError, type ProviderName } from "../../src/index.js";
import { PURCHASE_CASES, purchaseCsrs, type PurchaseCsrs } from "../support/purchase-cases.js";

// The provider places the order and answers 2xx with JSON that names no order the adapter can address: the order
// exists, so order() rejects with OrderNotConfirmedError (the README's "never bought twice"), whose recovery finds it.
// Never a TypeError, never an id made of "undefined".

const { server } = useMswServer();

/** An answer per provider whose order id has the wrong type. */
const WRONG_ID: Readonly<Record<ProviderName, string>> = {
  "ionos-ssl": '{"id": 42}',
  dnsimple: '{"data": {"id": "42", "certificate_id": {"toString": 1}}}',
  "dnsimple-v1": '{"certificate": {"id": "42"}}',
  resello: '{"id": 42}',
  sslmarket: '{"order_id": "42"}',
  zerossl: '{"id": 42}',
};

let csrs: PurchaseCsrs;
beforeAll(async () => {
  csrs = await purchaseCsrs();
});

describe.each(PURCHASE_CASES)("$provider: a purchase answered 2xx naming no order", (provider) => {
  let sandbox: MswSandbox;
  beforeEach(async () => {
    sandbox = await setupSandbox(server, { clock: new SandboxClock({ frozenAt: new Date("2026-06-01T09:00:00Z") }) });
  });

  it.each(["null", "{}", '{"data": null}', '{"certificate": null}', "wrong id"])("answer %s", async (shown) => {
    const body = shown === "wrong id" ? WRONG_ID[provider.provider] : shown;
    let purchases = 0;
    const fetch = async (request: Request): Promise<Response> => {
      if (!provider.isPurchase(request)) return globalThis.fetch(request);
      purchases += 1;
      const answer = await globalThis.fetch(request);
      await answer.arrayBuffer();
      return new Response(body, { status: answer.status, headers: { "content-type": "application/json" } });
    };
    const certs = provider.client(sandbox, { retry: false, fetch });
    const outcome = await certs.order(provider.request(csrs)).then(
      (order) => ({ order }),
      (error: unknown) => ({ error }),
    );
    expect(purchases).toBe(1);
    expect(sandbox.simulators[provider.provider].orderCount()).toBe(1);

    // Resello looks for an order whose answer names no certificate by its client_reference itself, and answers with it.
    if ("order" in outcome) {
      expect(outcome.order.provider).toBe("resello");
      return;
    }
    expect("error" in outcome && outcome.error).toBeInstanceOf(OrderNotConfirmedError);
    const error = (outcome as { error: OrderNotConfirmedError }).error;
    expect(error).toMatchObject({ provider: provider.provider, code: "PROVIDER", effectUnknown: true });
    const found = await error.findOrders({ maxWaitMs: 0 });
    expect(found).toHaveLength(1);
    expect((await certs.get(found[0]!.id)).id).toBe(found[0]!.id);
    expect(sandbox.simulators[provider.provider].orderCount()).toBe(1);
  });
});
