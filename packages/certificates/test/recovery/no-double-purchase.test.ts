import { generateCsr, SandboxClock, setupSandbox, type MswSandbox } from "@certkit/sandbox";
import { useMswServer } from "@certkit/test-kit";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dnsimple } from "../../src/providers/dnsimple/index.js";
import { dnsimpleV1 } from "../../src/providers/dnsimple-v1/index.js";
import { ionosSsl } from "../../src/providers/ionos-ssl/index.js";
import { resello } from "../../src/providers/resello/index.js";
import { sslmarket } from "../../src/providers/sslmarket/index.js";
import {
  createCertificateClient,
  OrderNotConfirmedError,
  type CertificateClient,
  type OrderRequest,
  type ProviderName,
} from "../../src/index.js";

// One order(), one certificate: for every provider, the purchase's answer is lost in every way an answer gets lost
// (after the provider has placed the order), while the provider's lists lag its writes by 0, 1 or 10 s of sandbox
// time. Certificates are counted in the sandbox; no case sleeps: findOrders looks once (maxWaitMs 0) and the sandbox
// clock is moved past the lag.

const { server } = useMswServer();

/** How the purchase's answer is lost, after the provider placed the order. */
type LostAnswer = "connection reset" | "502 from a gateway" | "504 from a gateway" | "2xx cut off" | "timeout";
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

/** The purchases a losing fetch saw, and the provider's handling of them (done whatever became of the answer). */
interface Purchases {
  sent: number;
  handled: Promise<unknown>[];
}

/** A fetch that passes every request to the sandbox and, for the purchase, loses the answer as `lost` says. */
function losingFetch(lost: LostAnswer, isPurchase: (request: Request) => boolean, purchases: Purchases) {
  return async (request: Request): Promise<Response> => {
    if (!isPurchase(request)) return globalThis.fetch(request);
    purchases.sent += 1;
    // The provider handles the purchase to the end, whatever the client's timer does meanwhile.
    const handled = globalThis
      .fetch(request.url, { method: request.method, headers: request.headers, body: await request.arrayBuffer() })
      .then((answer) => answer.arrayBuffer().then(() => answer));
    purchases.handled.push(handled);
    const answer = await handled;
    switch (lost) {
      case "connection reset":
        throw new TypeError("fetch failed", {
          cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
        });
      case "502 from a gateway":
      case "504 from a gateway":
        return new Response("<html><body>Bad gateway</body></html>", {
          status: lost.startsWith("502") ? 502 : 504,
          headers: { "content-type": "text/html" },
        });
      case "2xx cut off":
        return new Response('{"data": {"id": 1', {
          status: answer.status,
          headers: { "content-type": "application/json" },
        });
      case "timeout":
        // The answer never comes: the client's own timeout ends the wait.
        return new Promise((_resolve, reject) => {
          const stop = () =>
            reject(request.signal.reason instanceof Error ? request.signal.reason : new Error("aborted"));
          if (request.signal.aborted) stop();
          request.signal.addEventListener("abort", stop, { once: true });
        });
    }
  };
}

const path = (request: Request) => new URL(request.url).pathname;
const post = (request: Request, pattern: RegExp) => request.method === "POST" && pattern.test(path(request));

interface ProviderCase {
  provider: ProviderName;
  isPurchase: (request: Request) => boolean;
  client: (sandbox: MswSandbox, options: ReturnType<typeof common>) => CertificateClient;
  request: () => OrderRequest;
  certificatesIn: (sandbox: MswSandbox) => number;
}

let csrs: { shop: string; www: string };
beforeAll(async () => {
  csrs = {
    shop: (await generateCsr({ commonName: "shop.example.com", keyType: "rsa-2048" })).csr,
    www: (await generateCsr({ commonName: "www.example.com", keyType: "ec-p256" })).csr,
  };
});

/** The options every adapter gets: the losing fetch, no retries, and the short timeout where the answer never comes. */
const common = (lost: LostAnswer, fetch: (request: Request) => Promise<Response>) => ({
  retry: false as const,
  fetch,
  ...(lost === "timeout" ? { timeoutMs: TIMEOUT_MS } : {}),
});

const PROVIDERS: readonly ProviderCase[] = [
  {
    provider: "ionos-ssl",
    isPurchase: (request) => post(request, /\/v1\/certificates$/),
    client: (sandbox, options) =>
      createCertificateClient(ionosSsl({ ...sandbox.clientOptions("ionos-ssl"), ...options }), {
        now: () => sandbox.clock.now(),
      }),
    request: () => ({ commonName: "shop.example.com", product: "SSL_STARTER", csr: csrs.shop }),
    certificatesIn: (sandbox) => sandbox.simulators["ionos-ssl"].snapshot().orders.length,
  },
  {
    provider: "dnsimple",
    isPurchase: (request) => post(request, /\/certificates\/letsencrypt$/),
    client: (sandbox, options) =>
      createCertificateClient(dnsimple({ ...sandbox.clientOptions("dnsimple"), ...options }), {
        now: () => sandbox.clock.now(),
      }),
    request: () => ({ commonName: "www.example.com", altNames: ["example.com"] }),
    certificatesIn: (sandbox) => sandbox.simulators.dnsimple.snapshot().certificates.length,
  },
  {
    provider: "dnsimple-v1",
    isPurchase: (request) => post(request, /\/domains\/[^/]+\/certificates$/),
    client: (sandbox, options) =>
      createCertificateClient(dnsimpleV1({ ...sandbox.adapterOptions("dnsimple-v1"), ...options }), {
        now: () => sandbox.clock.now(),
      }),
    request: () => ({ commonName: "www.example.com", validationMethod: "email", csr: csrs.www }),
    certificatesIn: (sandbox) => sandbox.simulators["dnsimple-v1"].snapshot().certificates.length,
  },
  {
    provider: "resello",
    isPurchase: (request) => post(request, /\/ssl-certificate$/),
    client: (sandbox, options) =>
      createCertificateClient(resello({ ...sandbox.adapterOptions("resello"), ...options }), {
        now: () => sandbox.clock.now(),
      }),
    request: () => ({ commonName: "www.example.com", csr: csrs.www }),
    certificatesIn: (sandbox) => sandbox.simulators.resello.snapshot().orders.length,
  },
  {
    provider: "sslmarket",
    isPurchase: (request) => post(request, /\/order\/certificate\/[^/]+$/),
    client: (sandbox, options) =>
      createCertificateClient(sslmarket({ ...sandbox.adapterOptions("sslmarket"), ...options }), {
        now: () => sandbox.clock.now(),
      }),
    request: () => ({ commonName: "www.example.com", csr: csrs.www, product: "rapidssl-rapidssl-dv" }),
    certificatesIn: (sandbox) => sandbox.simulators.sslmarket.snapshot().orders.length,
  },
];

describe.each(PROVIDERS)(
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
        const outcome = await certs.order(provider.request()).then(
          (order) => ({ order }),
          (error: unknown) => ({ error }),
        );
        await Promise.all(purchases.handled);
        expect(purchases.sent).toBe(1);
        expect(provider.certificatesIn(sandbox)).toBe(1);

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
        expect(found[0]).toMatchObject({ provider: provider.provider, commonName: provider.request().commonName });
        expect((await certs.get(found[0]!.id)).id).toBe(found[0]!.id);
        expect(purchases.sent).toBe(1);
        expect(provider.certificatesIn(sandbox)).toBe(1);
      });
    });
  },
);
