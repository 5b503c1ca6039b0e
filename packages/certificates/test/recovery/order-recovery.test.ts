import { SandboxClock, setupSandbox, type MswSandbox } from "@certkit/sandbox";
import { useMswServer } from "@certkit/test-kit";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OrderNotConfirmedError, type OrderRecovery } from "../../src/index.js";
import {
  losingFetch,
  PURCHASE_CASES,
  purchaseCsrs,
  type PurchaseCsrs,
  type Purchases,
} from "../support/purchase-cases.js";

// orderRecovery() before sending, order(request, { recovery }) after: a process that stores the recovery and dies once
// the purchase has reached the provider (its answer never read) leaves enough for any other process to find the
// order with findOrders(stored recovery), by the client key where the provider keeps one (Resello) and by names
// elsewhere. Purchases are counted in the sandbox.

const { server } = useMswServer();

let csrs: PurchaseCsrs;
beforeAll(async () => {
  csrs = await purchaseCsrs();
});

/** A recovery as it comes back from storage: plain JSON. */
const stored = (recovery: OrderRecovery): OrderRecovery => JSON.parse(JSON.stringify(recovery)) as OrderRecovery;

describe.each(PURCHASE_CASES)("$provider: the recovery stored before sending finds the order", (provider) => {
  let sandbox: MswSandbox;
  beforeEach(async () => {
    sandbox = await setupSandbox(server, { clock: new SandboxClock({ frozenAt: new Date("2026-06-01T09:00:00Z") }) });
    // The list lags, so even Resello's own look after the lost answer does not find the order.
    sandbox.faults.listLag.set(1_000);
  });

  it("finds exactly the one order a process sent before it died, and nothing before it was sent", async () => {
    const purchases: Purchases = { sent: 0, handled: [] };
    const dying = provider.client(sandbox, {
      retry: false,
      fetch: losingFetch("connection reset", provider.isPurchase, purchases),
    });
    const request = provider.request(csrs);
    const sentAt = new Date(sandbox.clock.now().getTime() - 5_000);
    const recovery = stored(await dying.orderRecovery(request, { sentAt }));
    expect(recovery).toMatchObject({
      provider: provider.provider,
      commonName: request.commonName,
      sentAt: sentAt.toISOString(),
    });
    if (provider.provider === "resello") expect(recovery.clientReference).toMatch(/^certkit-[0-9a-f-]{36}$/);
    else expect(recovery.clientReference).toBeUndefined();
    expect(purchases.sent).toBe(0);

    // Another process, before anything was sent: nothing to adopt.
    const other = provider.client(sandbox, { retry: false });
    expect(await other.findOrders(recovery, { maxWaitMs: 0 })).toEqual([]);

    // The purchase reaches the provider; its answer is lost, as if the process died before reading it.
    const error = await dying.order(request, { recovery }).catch((caught: unknown) => caught);
    await Promise.all(purchases.handled);
    expect(error).toBeInstanceOf(OrderNotConfirmedError);
    expect((error as OrderNotConfirmedError).recovery).toEqual(recovery);
    expect(purchases.sent).toBe(1);
    expect(sandbox.simulators[provider.provider].orderCount()).toBe(1);

    sandbox.clock.advance(1_000);
    const found = await other.findOrders(stored(recovery), { maxWaitMs: 0 });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ provider: provider.provider, commonName: request.commonName });
    if (recovery.clientReference !== undefined) {
      expect((found[0]!.raw as { client_reference?: string }).client_reference).toBe(recovery.clientReference);
    }
    expect(sandbox.simulators[provider.provider].orderCount()).toBe(1);
  });

  it("refuses a recovery that is not this request's, before sending anything", async () => {
    const purchases: Purchases = { sent: 0, handled: [] };
    const certs = provider.client(sandbox, {
      retry: false,
      fetch: losingFetch("connection reset", provider.isPurchase, purchases),
    });
    const request = provider.request(csrs);
    const recovery = await certs.orderRecovery(request);
    const refusals: [OrderRecovery, RegExp][] = [
      [{ ...recovery, commonName: "other.example.com" }, /recovery is for other\.example\.com/],
      [{ ...recovery, provider: provider.provider === "resello" ? "sslmarket" : "resello" }, /recovery must be/],
      [{ ...recovery, sentAt: "yesterday" }, /recovery must be/],
    ];
    for (const [wrong, message] of refusals) {
      await expect(certs.order(request, { recovery: wrong })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: expect.stringMatching(message),
      });
    }
    expect(purchases.sent).toBe(0);
    expect(sandbox.simulators[provider.provider].orderCount()).toBe(0);
  });
});

describe("orderRecovery's checks", () => {
  const [ionos] = PURCHASE_CASES.filter((each) => each.provider === "ionos-ssl");
  const [resello] = PURCHASE_CASES.filter((each) => each.provider === "resello");
  let sandbox: MswSandbox;
  let requests: string[];
  beforeEach(async () => {
    sandbox = await setupSandbox(server);
    requests = [];
  });
  const counting = (request: Request) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
    return globalThis.fetch(request);
  };

  it("refuses a request order() would refuse, and a sentAt that is no date, sending nothing", async () => {
    const certs = ionos!.client(sandbox, { fetch: counting });
    await expect(certs.orderRecovery({ commonName: "not a name!", product: "SSL_STARTER" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(certs.orderRecovery({ ...ionos!.request(csrs), clientReference: "mine" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("clientReference"),
    });
    await expect(certs.orderRecovery(ionos!.request(csrs), { sentAt: new Date("not a date") })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("sentAt"),
    });
    expect(requests).toEqual([]);
  });

  it("keeps the request's own client key, and refuses an order whose recovery names another", async () => {
    const certs = resello!.client(sandbox, { fetch: counting });
    const request = { ...resello!.request(csrs), clientReference: "shop-2026" };
    const recovery = await certs.orderRecovery(request);
    expect(recovery.clientReference).toBe("shop-2026");
    await expect(
      certs.order(request, { recovery: { ...recovery, clientReference: "someone-else" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("another clientReference") });
    expect(requests).toEqual([]);
    const order = await certs.order(resello!.request(csrs), { recovery });
    expect((order.raw as { client_reference?: string }).client_reference).toBe("shop-2026");
  });
});
