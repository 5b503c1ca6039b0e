import { generateCsr, SandboxClock, setupSandbox, type MswSandbox } from "@certkit/sandbox";
import { useMswServer } from "@certkit/test-kit";
import { CertkitError } from "@certkit/runtime";
import { beforeEach, describe, expect, it } from "vitest";
import { dnsimple } from "../../src/providers/dnsimple/index.js";
import { dnsimpleV1 } from "../../src/providers/dnsimple-v1/index.js";
import { resello } from "../../src/providers/resello/index.js";
import { createCertificateClient, OrderIncompleteError, type CertificateOrder } from "../../src/index.js";

// finishOrder() takes an order left part-way (bought, not sent on) through the calls it missed, by its state at the
// provider: a process that stopped between order()'s calls, or a call that failed, leaves no order waiting for good.

const { server } = useMswServer();

let sandbox: MswSandbox;
beforeEach(async () => {
  sandbox = await setupSandbox(server, { clock: new SandboxClock({ frozenAt: new Date("2026-06-01T09:00:00Z") }) });
});
const now = () => sandbox.clock.now();

/** A fetch that notes the method and path of every request this case's client sends. */
function notingFetch(sent: string[]): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    sent.push(`${request.method} ${new URL(request.url).pathname}`);
    return globalThis.fetch(request);
  };
}

async function incompleteOrder(order: Promise<CertificateOrder>): Promise<OrderIncompleteError> {
  const error = await order.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof OrderIncompleteError))
    throw new Error(`expected an OrderIncompleteError, got ${String(error)}`);
  return error;
}

/** The sandbox answers the next request to `route` at `provider` with a 500, once: the order is left part-way. */
function failOnce(provider: "dnsimple" | "dnsimple-v1", method: "POST" | "PUT", route: string) {
  sandbox.faults.add({ provider, method, route, status: 500, times: 1 });
}

describe("finishOrder", () => {
  it("dnsimple: issues a certificate bought and left new, once", async () => {
    const sent: string[] = [];
    const certs = createCertificateClient(
      dnsimple({ ...sandbox.clientOptions("dnsimple"), retry: false, fetch: notingFetch(sent) }),
      { now },
    );
    failOnce("dnsimple", "POST", "/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue");
    const { created } = await incompleteOrder(certs.order({ commonName: "www.example.com" }));
    expect(await certs.get(created.id)).toMatchObject({ status: "pending", providerStatus: "new" });

    const finished = await certs.finishOrder(created.id);
    expect(finished).toMatchObject({ id: created.id, status: "processing", providerStatus: "requesting" });
    const again = await certs.finishOrder(created.id);
    expect(again).toMatchObject({ id: created.id, status: "processing" });
    const issues = sent.filter((request) => request.endsWith("/issue"));
    // The failed one, then finishOrder's: the second finishOrder found it requested and sent nothing.
    const path = `/1010/domains/example.com/certificates/letsencrypt/${created.providerIds.purchaseId}/issue`;
    expect(issues).toHaveLength(2);
    expect(issues.every((request) => request.startsWith("POST ") && request.endsWith(path))).toBe(true);
  });

  it("dnsimple: an issued certificate is only read", async () => {
    const sent: string[] = [];
    const certs = createCertificateClient(
      dnsimple({ ...sandbox.clientOptions("dnsimple"), fetch: notingFetch(sent) }),
      { now },
    );
    await sandbox.seed();
    let issued: CertificateOrder | undefined;
    for await (const order of certs.list()) if (order.status === "issued") issued = order;
    if (!issued) throw new Error("the seed holds an issued DNSimple certificate");
    sent.length = 0;
    expect(await certs.finishOrder(issued.id)).toEqual(await certs.get(issued.id));
    expect(sent.every((request) => request.startsWith("GET "))).toBe(true);
  });

  it("dnsimple: a renewal's certificate left new is not issued as a purchase; the error says how to issue it", async () => {
    const sent: string[] = [];
    const certs = createCertificateClient(
      dnsimple({ ...sandbox.clientOptions("dnsimple"), retry: false, fetch: notingFetch(sent) }),
      { now },
    );
    await sandbox.seed();
    let issued: CertificateOrder | undefined;
    for await (const order of certs.list()) if (order.status === "issued") issued = order;
    if (!issued) throw new Error("the seed holds an issued DNSimple certificate");
    failOnce(
      "dnsimple",
      "POST",
      "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals/{renewalId}/issue",
    );
    const { created } = await incompleteOrder(certs.renew(issued.id));
    expect(await certs.get(created.id)).toMatchObject({ status: "pending", providerStatus: "new" });
    sent.length = 0;

    const error = await certs.finishOrder(created.id).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CertkitError);
    expect(error).toMatchObject({ code: "UNSUPPORTED", provider: "dnsimple" });
    const { message } = error as CertkitError;
    expect(message).toContain("renewal");
    expect(message).toContain("/1010/domains/example.com/certificates/letsencrypt/");
    expect(message).toContain("providerIds.renewalId");
    expect(created.providerIds.renewalId).toBeDefined();
    // It read the certificate and tried the purchase's issue, which no purchase answers; nothing else was sent.
    expect(sent.filter((request) => request.startsWith("POST "))).toHaveLength(1);
    expect(sent.some((request) => request.endsWith("/certificates/letsencrypt"))).toBe(false);
    expect(await certs.get(created.id)).toMatchObject({ status: "pending", providerStatus: "new" });
  });

  it("dnsimple-v1: configures and submits a certificate left purchased", async () => {
    const certs = createCertificateClient(dnsimpleV1({ ...sandbox.adapterOptions("dnsimple-v1"), retry: false }), {
      now,
    });
    failOnce("dnsimple-v1", "PUT", "/domains/{domain}/certificates/{id}/configure");
    const { created } = await incompleteOrder(
      certs.order({ commonName: "www.example.com", validationMethod: "email" }),
    );
    expect((await certs.get(created.id)).providerStatus).toBe("purchased");

    const finished = await certs.finishOrder(created.id);
    expect(finished).toMatchObject({ status: "awaiting_validation", providerStatus: "submitted" });
    const [validation] = await certs.validation(created.id);
    expect(validation?.email?.approvers).toEqual(["admin@example.com"]);
    expect(await certs.finishOrder(created.id)).toMatchObject({ providerStatus: "submitted" });
  });

  it("dnsimple-v1: submits a certificate left configured, with the approver asked for", async () => {
    const certs = createCertificateClient(dnsimpleV1({ ...sandbox.adapterOptions("dnsimple-v1"), retry: false }), {
      now,
    });
    failOnce("dnsimple-v1", "PUT", "/domains/{domain}/certificates/{id}/submit");
    const { created } = await incompleteOrder(
      certs.order({ commonName: "www.example.com", validationMethod: "email" }),
    );
    const offered = (await certs.validation(created.id))[0]?.email?.approvers ?? [];
    expect((await certs.get(created.id)).providerStatus).toBe("configured");
    const chosen = offered.at(-1)!;

    await expect(
      certs.finishOrder(created.id, { approverEmail: "someone@elsewhere.example.test" }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: { approverEmail: [expect.stringContaining(offered[0]!)] },
    });
    expect((await certs.get(created.id)).providerStatus).toBe("configured");
    expect(await certs.finishOrder(created.id, { approverEmail: chosen.toUpperCase() })).toMatchObject({
      providerStatus: "submitted",
    });
    expect((await certs.validation(created.id))[0]?.email?.approvers).toEqual([chosen]);
  });

  it("resello: an order is one call, so finishing it reads it", async () => {
    const certs = createCertificateClient(resello(sandbox.adapterOptions("resello")), { now });
    const { csr } = await generateCsr({ commonName: "www.example.com", keyType: "ec-p256" });
    const order = await certs.order({ commonName: "www.example.com", csr });
    expect(await certs.finishOrder(order.id)).toEqual(await certs.get(order.id));
  });

  it("dnsimple: two finishOrder at once on one order both give the order, though DNSimple refuses the second issue", async () => {
    const sent: string[] = [];
    const noting = notingFetch(sent);
    // Both calls read the certificate `new` before either issues it.
    const gate = { on: false, waiting: [] as (() => void)[] };
    const gated: typeof fetch = async (input, init) => {
      const response = await noting(input, init);
      if (gate.on && new Request(input, init).method === "GET" && gate.waiting.length < 2) {
        await new Promise<void>((resolve) => {
          gate.waiting.push(resolve);
          if (gate.waiting.length === 2) for (const wake of gate.waiting) wake();
        });
      }
      return response;
    };
    const certs = createCertificateClient(
      dnsimple({ ...sandbox.clientOptions("dnsimple"), retry: false, fetch: gated }),
      {
        now,
      },
    );
    failOnce("dnsimple", "POST", "/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue");
    const { created } = await incompleteOrder(certs.order({ commonName: "www.example.com" }));
    sent.length = 0;
    gate.on = true;
    const both = await Promise.all([certs.finishOrder(created.id), certs.finishOrder(created.id)]);
    expect(both.map((order) => order.status)).toEqual(["processing", "processing"]);
    expect(sent.filter((request) => request.startsWith("POST ")).length).toBe(2);
    expect(sent.some((request) => request.endsWith("/certificates/letsencrypt"))).toBe(false);
  });

  it("dnsimple-v1: two finishOrder at once on one order both give it submitted; a real refusal still fails", async () => {
    const certs = createCertificateClient(dnsimpleV1({ ...sandbox.adapterOptions("dnsimple-v1"), retry: false }), {
      now,
    });
    failOnce("dnsimple-v1", "PUT", "/domains/{domain}/certificates/{id}/configure");
    const { created } = await incompleteOrder(
      certs.order({ commonName: "www.example.com", validationMethod: "email" }),
    );
    const both = await Promise.all([certs.finishOrder(created.id), certs.finishOrder(created.id)]);
    expect(both.every((order) => ["configured", "submitted"].includes(order.providerStatus))).toBe(true);
    expect((await certs.get(created.id)).providerStatus).toBe("submitted");

    failOnce("dnsimple-v1", "PUT", "/domains/{domain}/certificates/{id}/configure");
    const second = await incompleteOrder(certs.order({ commonName: "shop.example.com", validationMethod: "email" }));
    sandbox.faults.add({
      provider: "dnsimple-v1",
      method: "PUT",
      route: "/domains/{domain}/certificates/{id}/submit",
      status: 422,
      body: { message: "Validation failed" },
      times: 1,
    });
    await expect(certs.finishOrder(second.created.id)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect((await certs.get(second.created.id)).providerStatus).toBe("configured");
  });

  it("refuses an id of another provider's shape, or an approver that is no address, before any request", async () => {
    const sent: string[] = [];
    const certs = createCertificateClient(dnsimple({ ...sandbox.clientOptions("dnsimple"), fetch: notingFetch(sent) }));
    // A domain of `..` would be resolved away from the path, and the request sent to another endpoint.
    for (const id of ["not-an-id", "1010/../1", "1010/./1"]) {
      await expect(certs.finishOrder(id), id).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { id: ["must be <account>/<domain>/<certificate>"] },
      });
      await expect(certs.get(id), id).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    await expect(certs.finishOrder("1010/example.com/1", { approverEmail: "not an address" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { approverEmail: ["must be an email address"] },
    });
    expect(sent).toEqual([]);
  });
});
