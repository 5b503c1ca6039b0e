import { generateCsr, type MswSandbox } from "@certkit/sandbox";
import { dnsimple } from "../../src/providers/dnsimple/index.js";
import { dnsimpleV1 } from "../../src/providers/dnsimple-v1/index.js";
import { ionosSsl } from "../../src/providers/ionos-ssl/index.js";
import { resello } from "../../src/providers/resello/index.js";
import { sslmarket } from "../../src/providers/sslmarket/index.js";
import { zerossl } from "../../src/providers/zerossl/index.js";
import {
  createCertificateClient,
  type CertificateClient,
  type OrderRequest,
  type ProviderName,
} from "../../src/index.js";

// Every provider's purchase against the sandbox, for the tests that count purchases (each simulator's `orderCount()`):
// how to spot the purchase request, a client over the sandbox, and an order it takes.

/** How the purchase's answer is lost, after the provider placed the order. */
export type LostAnswer = "connection reset" | "502 from a gateway" | "504 from a gateway" | "2xx cut off" | "timeout";
/** The purchases a losing fetch saw, and the provider's handling of them (done whatever became of the answer). */
export interface Purchases {
  sent: number;
  handled: Promise<unknown>[];
}

/** A fetch that passes every request to the sandbox and, for the purchase, loses the answer as `lost` says. */
export function losingFetch(lost: LostAnswer, isPurchase: (request: Request) => boolean, purchases: Purchases) {
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

export interface ProviderCase {
  provider: ProviderName;
  isPurchase: (request: Request) => boolean;
  client: (sandbox: MswSandbox, options: object) => CertificateClient;
  request: (csrs: PurchaseCsrs) => OrderRequest;
}

/** A CSR for each request's common name. */
export interface PurchaseCsrs {
  shop: string;
  www: string;
}

/** Makes the CSRs the requests send (once per test file: RSA keys take a while). */
export async function purchaseCsrs(): Promise<PurchaseCsrs> {
  return {
    shop: (await generateCsr({ commonName: "shop.example.com", keyType: "rsa-2048" })).csr,
    www: (await generateCsr({ commonName: "www.example.com", keyType: "ec-p256" })).csr,
  };
}

/** Every provider's purchase. */
export const PURCHASE_CASES: readonly ProviderCase[] = [
  {
    provider: "ionos-ssl",
    isPurchase: (request) => post(request, /\/v1\/certificates$/),
    client: (sandbox, options) =>
      createCertificateClient(ionosSsl({ ...sandbox.clientOptions("ionos-ssl"), ...options }), {
        now: () => sandbox.clock.now(),
      }),
    request: (csrs) => ({ commonName: "shop.example.com", product: "SSL_STARTER", csr: csrs.shop }),
  },
  {
    provider: "dnsimple",
    isPurchase: (request) => post(request, /\/certificates\/letsencrypt$/),
    client: (sandbox, options) =>
      createCertificateClient(dnsimple({ ...sandbox.clientOptions("dnsimple"), ...options }), {
        now: () => sandbox.clock.now(),
      }),
    request: () => ({ commonName: "www.example.com", altNames: ["example.com"] }),
  },
  {
    provider: "dnsimple-v1",
    isPurchase: (request) => post(request, /\/domains\/[^/]+\/certificates$/),
    client: (sandbox, options) =>
      createCertificateClient(dnsimpleV1({ ...sandbox.adapterOptions("dnsimple-v1"), ...options }), {
        now: () => sandbox.clock.now(),
      }),
    request: (csrs) => ({ commonName: "www.example.com", validationMethod: "email", csr: csrs.www }),
  },
  {
    provider: "resello",
    isPurchase: (request) => post(request, /\/ssl-certificate$/),
    client: (sandbox, options) =>
      createCertificateClient(resello({ ...sandbox.adapterOptions("resello"), ...options }), {
        now: () => sandbox.clock.now(),
      }),
    request: (csrs) => ({ commonName: "www.example.com", csr: csrs.www }),
  },
  {
    provider: "sslmarket",
    isPurchase: (request) => post(request, /\/order\/certificate\/[^/]+$/),
    client: (sandbox, options) =>
      createCertificateClient(sslmarket({ ...sandbox.adapterOptions("sslmarket"), ...options }), {
        now: () => sandbox.clock.now(),
      }),
    request: (csrs) => ({ commonName: "www.example.com", csr: csrs.www, product: "rapidssl-rapidssl-dv" }),
  },
  {
    provider: "zerossl",
    isPurchase: (request) => post(request, /\/certificates$/),
    client: (sandbox, options) =>
      createCertificateClient(zerossl({ ...sandbox.clientOptions("zerossl"), ...options }), {
        now: () => sandbox.clock.now(),
      }),
    request: (csrs) => ({ commonName: "www.example.com", csr: csrs.www }),
  },
];
