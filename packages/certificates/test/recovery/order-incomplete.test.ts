import { generateCsr, SandboxClock, setupSandbox, type MswSandbox } from "@certkit/sandbox";
import { useMswServer } from "@certkit/test-kit";
import { beforeEach, describe, expect, it } from "vitest";
import { dnsimple } from "../../src/providers/dnsimple/index.js";
import { dnsimpleV1 } from "../../src/providers/dnsimple-v1/index.js";
import { ionosSsl } from "../../src/providers/ionos-ssl/index.js";
import { resello } from "../../src/providers/resello/index.js";
import { sslmarket } from "../../src/providers/sslmarket/index.js";
import {
  CertkitError,
  createCertificateClient,
  OrderIncompleteError,
  OrderNotConfirmedError,
  type CertificateOrder,
} from "../../src/index.js";

// An order that fails after its purchase names what was bought in a typed field (`created`), so the caller can read,
// finish or cancel it instead of buying again: one case per step that can fail, for every adapter.

const { server } = useMswServer();

let sandbox: MswSandbox;
beforeEach(async () => {
  sandbox = await setupSandbox(server, { clock: new SandboxClock({ frozenAt: new Date("2026-06-01T09:00:00Z") }) });
});

const failing = (
  provider: Parameters<MswSandbox["faults"]["add"]>[0]["provider"],
  method: "GET" | "POST" | "PUT",
  route: string,
) => sandbox.faults.add({ provider, method, route, status: 500, times: 1 });
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );
const now = () => sandbox.clock.now();

describe("an order that fails part-way names what was created", () => {
  it("dnsimple: bought, and asking DNSimple to issue it failed", async () => {
    const certs = createCertificateClient(dnsimple({ ...sandbox.clientOptions("dnsimple"), retry: false }), { now });
    failing("dnsimple", "POST", "/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue");
    const error = await failureOf(certs.order({ commonName: "www.example.com" }));
    expect(error).toBeInstanceOf(OrderIncompleteError);
    expect(error).toBeInstanceOf(CertkitError);
    expect(error).not.toBeInstanceOf(OrderNotConfirmedError);
    const { created } = error as OrderIncompleteError;
    expect(error).toMatchObject({ code: "PROVIDER", status: 500, effectUnknown: true, retryable: false });
    expect(created).toEqual({
      id: expect.stringMatching(/^1010\/example\.com\/\d+$/),
      failedStep: "issue",
      providerIds: { purchaseId: expect.any(Number), certificateId: expect.any(Number) },
    });
    expect((error as Error).message).toContain(`finishOrder("${created.id}") issues it`);
    expect(await certs.get(created.id)).toMatchObject({ status: "pending", providerStatus: "new" });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: "PROVIDER", created });
  });

  it("dnsimple: a renewal bought, and its issue failed", async () => {
    const certs = createCertificateClient(dnsimple({ ...sandbox.clientOptions("dnsimple"), retry: false }), { now });
    await sandbox.seed();
    let issued: CertificateOrder | undefined;
    for await (const order of certs.list()) if (order.status === "issued") issued = order;
    if (!issued) throw new Error("the seed holds an issued DNSimple certificate");
    failing(
      "dnsimple",
      "POST",
      "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals/{renewalId}/issue",
    );
    const error = await failureOf(certs.renew(issued.id));
    expect(error).toBeInstanceOf(OrderIncompleteError);
    const { created } = error as OrderIncompleteError;
    expect(created).toMatchObject({
      failedStep: "issue",
      providerIds: { renewalId: expect.any(Number), certificateId: expect.any(Number) },
    });
    expect(created.id).not.toBe(issued.id);
    expect((error as Error).message).toMatch(/^renew: .* was bought, but its issue step failed/);
    expect((await certs.get(created.id)).status).toBe("pending");
  });

  it.each([
    ["configure", "PUT", "/domains/{domain}/certificates/{id}/configure", "configured"],
    ["submit", "PUT", "/domains/{domain}/certificates/{id}/submit", "submitted"],
  ] as const)("dnsimple-v1: bought, and the %s step failed", async (step, method, route, notReached) => {
    const certs = createCertificateClient(dnsimpleV1({ ...sandbox.adapterOptions("dnsimple-v1"), retry: false }), {
      now,
    });
    failing("dnsimple-v1", method, route);
    const error = await failureOf(certs.order({ commonName: "www.example.com", validationMethod: "email" }));
    expect(error).toBeInstanceOf(OrderIncompleteError);
    expect((error as OrderIncompleteError).created).toEqual({
      id: "example.com/1",
      failedStep: step,
      providerIds: { certificateId: 1 },
    });
    expect((await certs.get("example.com/1")).providerStatus).not.toBe(notReached);
  });

  it("resello: placed, and reading its validation details back failed", async () => {
    const certs = createCertificateClient(resello({ ...sandbox.adapterOptions("resello"), retry: false }), { now });
    const { csr } = await generateCsr({ commonName: "www.example.com", keyType: "ec-p256" });
    failing("resello", "GET", "/ssl-certificate/{id}/validation-details");
    const error = await failureOf(certs.order({ commonName: "www.example.com", csr, clientReference: "partial-1" }));
    expect(error).toBeInstanceOf(OrderIncompleteError);
    const { created } = error as OrderIncompleteError;
    expect(created).toEqual({
      id: expect.any(String),
      failedStep: "read",
      providerIds: { id: created.id, client_reference: "partial-1" },
    });
    expect((await certs.get(created.id)).providerStatus).toBe("pending");
  });

  it("sslmarket: placed, and reading it back failed", async () => {
    const certs = createCertificateClient(sslmarket({ ...sandbox.adapterOptions("sslmarket"), retry: false }), { now });
    const { csr } = await generateCsr({ commonName: "www.example.com", keyType: "ec-p256" });
    failing("sslmarket", "GET", "/order/order_id/{order_id}");
    const error = await failureOf(certs.order({ commonName: "www.example.com", csr, product: "rapidssl-rapidssl-dv" }));
    expect(error).toBeInstanceOf(OrderIncompleteError);
    expect((error as OrderIncompleteError).created).toEqual({
      id: "100001",
      failedStep: "read",
      providerIds: { order_id: 100001 },
    });
    expect((await certs.get("100001")).commonName).toBe("www.example.com");
  });

  it("ionos-ssl: one call orders, so nothing is left part-way; an answer naming no certificate is an unconfirmed order", async () => {
    const { csr } = await generateCsr({ commonName: "shop.example.com", keyType: "rsa-2048" });
    const withoutId = async (request: Request) => {
      const answer = await globalThis.fetch(request);
      if (request.method !== "POST") return answer;
      const certificate = (await answer.json()) as Record<string, unknown>;
      delete certificate.id;
      return Response.json(certificate, { status: answer.status });
    };
    const certs = createCertificateClient(ionosSsl({ ...sandbox.clientOptions("ionos-ssl"), fetch: withoutId }), {
      now,
    });
    const error = await failureOf(certs.order({ commonName: "shop.example.com", product: "SSL_STARTER", csr }));
    expect(error).toBeInstanceOf(OrderNotConfirmedError);
    expect(error).toMatchObject({
      code: "PROVIDER",
      effectUnknown: true,
      recovery: { provider: "ionos-ssl", commonName: "shop.example.com", product: "SSL_STARTER" },
    });
    const found = await (error as OrderNotConfirmedError).findOrders({ maxWaitMs: 0 });
    expect(found.map((order) => order.commonName)).toEqual(["shop.example.com"]);
  });
});
