import "reflect-metadata";
import { collect, useMswServer } from "@certkit/test-kit";
import * as x509 from "@peculiar/x509";
import { createSslmarketClient } from "@certkit/sslmarket";
import { generateCsr, SandboxClock, setupSandbox, SSLMARKET_DEMO_CONTACTS, type MswSandbox } from "@certkit/sandbox";
import { beforeEach, describe, expect, it } from "vitest";
import {
  sslmarket,
  SSLMARKET_CAPABILITIES,
  SSLMARKET_DEFAULT_PRODUCT,
  type SslmarketAdapterOptions,
  type SslmarketOrderContacts,
} from "../../src/providers/sslmarket/index.js";
import {
  createCertificateClient,
  OrderIncompleteError,
  OrderNotConfirmedError,
  type CertificateClient,
  type CertificateOrder,
} from "../../src/index.js";

const MINUTE = 60_000;
const START = new Date("2026-03-01T12:00:00Z");
const API = "/sslmarket/api";

/** A complete, valid set of the company details SSLmarket requires on every order: the sandbox's demo company. */
const CONTACTS: SslmarketOrderContacts = SSLMARKET_DEMO_CONTACTS;

const { server } = useMswServer();

let sandbox: MswSandbox;
/** Every request the adapter sent, as `METHOD /path`. */
let requests: string[];

beforeEach(async () => {
  sandbox = await setupSandbox(server, { clock: new SandboxClock({ frozenAt: START }) });
  requests = [];
});

/** The adapter's options for the sandbox, with a fetch that records each request. */
function adapterOptions(extra: Partial<SslmarketAdapterOptions> = {}): SslmarketAdapterOptions {
  return {
    ...sandbox.clientOptions("sslmarket"),
    contacts: CONTACTS,
    fetch: (request) => {
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return globalThis.fetch(request);
    },
    ...extra,
  };
}

function certificates(extra: Partial<SslmarketAdapterOptions> = {}) {
  return createCertificateClient(sslmarket(adapterOptions(extra)), { now: () => sandbox.clock.now() });
}

const serialOf = (pem: string) => new x509.X509Certificate(pem).serialNumber;
const publicKeyOf = (pem: string) => Buffer.from(new x509.X509Certificate(pem).publicKey.rawData).toString("base64");
const csrKeyOf = (pem: string) =>
  Buffer.from(new x509.Pkcs10CertificateRequest(pem).publicKey.rawData).toString("base64");

describe("sslmarket adapter: the lifecycle through the facade", () => {
  it("orders with a CSR, shows the DNS records, issues, downloads a verified chain, reissues, and expires", async () => {
    const client = certificates();
    const names = { commonName: "www.example.com", altNames: ["example.com"] };
    const { csr } = await generateCsr(names);

    const ordered = await client.order({
      ...names,
      csr,
      validationMethod: "dns",
      product: "geotrust-geotrust-standard-dv-ssl",
      years: 1,
    });
    expect(ordered).toMatchObject({
      provider: "sslmarket",
      id: "100001",
      commonName: "www.example.com",
      altNames: ["example.com"],
      status: "awaiting_validation",
      providerStatus: "pending_validation",
      product: "geotrust-geotrust-standard-dv-ssl",
      createdAt: "2026-03-01T12:00:00.000Z",
    });
    expect(ordered.message).toBe(
      "Not issued yet, and the order names its domain validation: publish what validation() shows (or approve the DCV e-mail)",
    );
    expect(ordered).not.toHaveProperty("validFrom");
    expect(ordered).not.toHaveProperty("validUntil");
    expect(requests).toEqual([
      `GET ${API}/product/list`,
      `POST ${API}/order/certificate/geotrust-geotrust-standard-dv-ssl`,
      `GET ${API}/order/order_id/100001`,
    ]);

    const validation = await client.validation(ordered.id);
    const token = (ordered.raw as { dv_auth_content: string }).dv_auth_content;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(validation).toEqual([
      {
        domain: "www.example.com",
        method: "dns",
        status: "waiting",
        dns: { name: "www.example.com", type: "TXT", value: token },
      },
      {
        domain: "example.com",
        method: "dns",
        status: "waiting",
        dns: { name: "example.com", type: "TXT", value: token },
      },
    ]);
    expect(ordered.validation).toEqual(validation);

    for (const { dns } of validation) sandbox.dns.addTxt(dns!.name, dns!.value);
    // The CA finds the records on its own (there is no confirmation call) and issues after its delay.
    expect(await client.get(ordered.id)).toMatchObject({ status: "awaiting_validation", providerStatus: "processing" });
    sandbox.clock.advance(MINUTE - 1);
    expect(await client.get(ordered.id)).toMatchObject({ status: "awaiting_validation", providerStatus: "processing" });
    sandbox.clock.advance(1);

    const issued = await client.get(ordered.id);
    expect(issued).toMatchObject({
      status: "issued",
      providerStatus: "published",
      validFrom: "2026-03-01T12:01:00.000Z",
      validUntil: "2027-03-01T00:00:00.000Z",
      createdAt: "2026-03-01T12:00:00.000Z",
    });
    expect(issued).not.toHaveProperty("message");
    expect(issued.validation.map((item) => [item.domain, item.status])).toEqual([
      ["www.example.com", "valid"],
      ["example.com", "valid"],
    ]);

    const bundle = await client.download(ordered.id);
    expect(bundle.chain).toHaveLength(1);
    expect(bundle.root).toBe(`${new x509.X509Certificate(sandbox.ca.rootCertificate).toString("pem")}\n`);
    expect(bundle).not.toHaveProperty("privateKey");
    expect(await sandbox.ca.verifyChain(bundle.certificate + bundle.chain.join(""), sandbox.clock.now())).toMatchObject(
      {
        ok: true,
        names: ["www.example.com", "example.com"],
      },
    );
    expect(publicKeyOf(bundle.certificate)).toBe(csrKeyOf(csr));
    // The bundle, then the order, whose names the certificate must hold.
    expect(requests.slice(-2)).toEqual([
      `GET ${API}/certificate/order_id/100001/format/p7b`,
      `GET ${API}/order/order_id/100001`,
    ]);

    // Reissue with a new key: the order is in an undocumented state until the new certificate is published.
    const { csr: newCsr } = await generateCsr({ ...names, keyType: "ec-p256" });
    const reissuing = await client.reissue(ordered.id, { csr: newCsr });
    expect(reissuing).toMatchObject({ id: "100001", status: "unknown", providerStatus: "reissuing" });
    expect(reissuing.message).toBe(
      'SSLmarket documents only "published" (issued); the state "reissuing" is not documented, so its meaning is unknown: a certificate was issued on 2026-03-01 12:01:00 and ends on 2027-03-01',
    );
    sandbox.clock.advance(MINUTE);
    const reissued = await client.get(ordered.id);
    expect(reissued).toMatchObject({
      status: "issued",
      validFrom: "2026-03-01T12:02:00.000Z",
      validUntil: "2027-03-01T00:00:00.000Z",
    });
    const newBundle = await client.download(ordered.id);
    expect(serialOf(newBundle.certificate)).not.toBe(serialOf(bundle.certificate));
    expect(publicKeyOf(newBundle.certificate)).toBe(csrKeyOf(newCsr));
    expect(
      (await sandbox.ca.verifyChain(newBundle.certificate + newBundle.chain.join(""), sandbox.clock.now())).ok,
    ).toBe(true);

    // SSLmarket gives the end as a date: from its start the client shows `expired` while SSLmarket still says `published`.
    sandbox.clock.advance(Date.parse("2027-03-01T00:00:00Z") - sandbox.clock.now().getTime() - 1);
    expect(await client.get(ordered.id)).toMatchObject({ status: "issued", providerStatus: "published" });
    sandbox.clock.advance(1);
    expect(await client.get(ordered.id)).toMatchObject({
      status: "expired",
      providerStatus: "published",
      validUntil: "2027-03-01T00:00:00.000Z",
    });
    const [listed] = await collect(client.list());
    expect(listed).toMatchObject({ id: "100001", status: "expired" });
    // Past the certificate's own end SSLmarket (here the sandbox) shows a state it does not document.
    sandbox.clock.advance(13 * 60 * MINUTE);
    const ended = await client.get(ordered.id);
    expect(ended).toMatchObject({ status: "unknown", providerStatus: "expired" });
    expect(ended.message).toContain("a certificate was issued on 2026-03-01 12:02:00 and ends on 2027-03-01");
  });

  it("validates by a file on each name", async () => {
    const client = certificates();
    const { csr } = await generateCsr({ commonName: "files.example.com", keyType: "ec-p256" });
    const ordered = await client.order({
      commonName: "files.example.com",
      csr,
      validationMethod: "file",
      product: "rapidssl-rapidssl-dv",
    });
    const content = (ordered.raw as { dv_auth_content: string }).dv_auth_content;
    expect(ordered).toMatchObject({
      status: "awaiting_validation",
      providerStatus: "pending_validation",
      product: "rapidssl-rapidssl-dv",
      altNames: [],
    });
    expect(await client.validation(ordered.id)).toEqual([
      {
        domain: "files.example.com",
        method: "file",
        status: "waiting",
        file: { url: "http://files.example.com/.well-known/pki-validation/fileauth.txt", content },
      },
    ]);

    const file = ordered.validation[0]!.file!;
    sandbox.web.publish(file.url, file.content);
    expect(await client.get(ordered.id)).toMatchObject({ providerStatus: "processing" });
    sandbox.clock.advance(MINUTE);
    expect(await client.get(ordered.id)).toMatchObject({
      status: "issued",
      validation: [{ domain: "files.example.com", status: "valid" }],
    });
    const bundle = await client.download(ordered.id);
    expect(await sandbox.ca.verifyChain(bundle.certificate + bundle.chain.join(""), sandbox.clock.now())).toMatchObject(
      { ok: true, names: ["files.example.com"] },
    );
  });

  it("validates a wildcard by e-mail to the documented mailboxes, accepting one of them as approverEmail", async () => {
    const client = certificates();
    const { csr } = await generateCsr({ commonName: "*.example.net", keyType: "ec-p256" });
    const ordered = await client.order({
      commonName: "*.example.net",
      csr,
      validationMethod: "email",
      approverEmail: "webmaster@example.net",
      product: "rapidssl-rapidssl-wildcard-dv",
    });
    const approvers = ["admin", "administrator", "hostmaster", "postmaster", "webmaster"].map(
      (mailbox) => `${mailbox}@example.net`,
    );
    expect(ordered.validation).toEqual([
      { domain: "*.example.net", method: "email", status: "waiting", email: { approvers } },
    ]);
    expect(await client.validation(ordered.id)).toEqual(ordered.validation);

    const [mail] = sandbox.mail.inbox("webmaster@example.net");
    expect(mail?.subject).toContain("100001");
    sandbox.mail.approve(mail!.code, sandbox.clock.now());
    expect(await client.get(ordered.id)).toMatchObject({ providerStatus: "processing" });
    sandbox.clock.advance(MINUTE);
    const issued = await client.get(ordered.id);
    expect(issued).toMatchObject({ status: "issued", commonName: "*.example.net", validation: [{ status: "valid" }] });
    const bundle = await client.download(ordered.id);
    expect(await sandbox.ca.verifyChain(bundle.certificate + bundle.chain.join(""), sandbox.clock.now())).toMatchObject(
      { ok: true, names: ["*.example.net"] },
    );
  });

  it("orders the default product when the request names none", async () => {
    const client = certificates();
    const names = { commonName: "shop.example.com", altNames: ["www.shop.example.com", "api.shop.example.com"] };
    const { csr } = await generateCsr({ ...names, keyType: "ec-p256" });
    const ordered = await client.order({ ...names, csr });
    expect(SSLMARKET_DEFAULT_PRODUCT).toBe("geotrust-geotrust-standard-dv-ssl");
    expect(ordered).toMatchObject({
      product: SSLMARKET_DEFAULT_PRODUCT,
      altNames: ["www.shop.example.com", "api.shop.example.com"],
    });
    expect(ordered.validation.map((item) => [item.domain, item.method])).toEqual([
      ["shop.example.com", "dns"],
      ["www.shop.example.com", "dns"],
      ["api.shop.example.com", "dns"],
    ]);
  });

  it("lists every order from the one list SSLmarket sends, in one request", async () => {
    const client = certificates();
    for (const name of ["a", "b", "c", "d", "e"]) {
      const commonName = `${name}.example.com`;
      const { csr } = await generateCsr({ commonName, keyType: "ec-p256" });
      await client.order({ commonName, csr, product: "rapidssl-rapidssl-dv" });
    }
    requests = [];

    const iterator = client.list()[Symbol.asyncIterator]();
    expect(requests).toEqual([]);
    const first = await iterator.next();
    expect(first.value).toMatchObject({
      id: "100001",
      commonName: "a.example.com",
      status: "unknown",
      providerStatus: "pending_validation",
      validation: [],
    });
    expect(requests).toEqual([`GET ${API}/order/list`]);
    const rest: CertificateOrder[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) rest.push(next.value);
    expect(rest.map((order) => [order.id, order.commonName])).toEqual([
      ["100002", "b.example.com"],
      ["100003", "c.example.com"],
      ["100004", "d.example.com"],
      ["100005", "e.example.com"],
    ]);
    expect(requests).toEqual([`GET ${API}/order/list`]);
  });

  it("lists the seeded orders with their statuses: published is issued, the undocumented states unknown", async () => {
    await sandbox.seed();
    const orders = await collect(certificates().list());
    expect(
      orders.map((order) => [order.id, order.commonName, order.status, order.providerStatus, order.product]),
    ).toEqual([
      ["100001", "shop.example.com", "issued", "published", "rapidssl-rapidssl-dv"],
      ["100002", "www.example.org", "unknown", "pending_validation", "geotrust-geotrust-standard-dv-ssl"],
      ["100003", "jane.doe@example.net", "unknown", "revoked", "digicert-client-premium-class-1"],
    ]);
    expect(orders[0]).toMatchObject({ validFrom: "2025-08-13T12:00:00.000Z", validUntil: "2026-08-13T00:00:00.000Z" });
    expect(orders[1]).toMatchObject({ altNames: ["example.org"] });
    expect(orders[2]!.message).toContain(
      'the state "revoked" is not documented, so its meaning is unknown: a certificate was issued on 2025-12-01 12:00:00',
    );
  });

  it("revokes a client certificate ordered outside the facade, and surfaces SSLmarket's refusal for a server certificate", async () => {
    const raw = createSslmarketClient(sandbox.clientOptions("sslmarket"));
    const { csr } = await generateCsr({ commonName: "jane.doe.example.com", keyType: "ec-p256" });
    const placed = await raw.POST("/order/certificate/{product_code}", {
      params: { path: { product_code: "digicert-client-premium-class-1" } },
      body: { ...CONTACTS, domain: "jane.doe@example.com", years: 1, csr },
    });
    expect(placed.data?.order_id).toBe(100001);
    sandbox.clock.advance(MINUTE);
    const client = certificates();
    expect(await client.get("100001")).toMatchObject({
      status: "issued",
      validation: [],
      product: "digicert-client-premium-class-1",
    });

    const revoked = await client.revoke("100001", { reason: "keyCompromise" });
    expect(revoked).toMatchObject({ id: "100001", status: "unknown", providerStatus: "revoked" });
    expect(revoked.message).toContain("a certificate was issued on 2026-03-01 12:01:00");
    expect(requests).toEqual([
      `GET ${API}/order/order_id/100001`,
      `PUT ${API}/certificate/order_id/100001/revoke`,
      `GET ${API}/order/order_id/100001`,
    ]);
    await expect(client.revoke("100001")).rejects.toMatchObject({
      code: "CONFLICT",
      status: 409,
      providerCode: "invalid_state",
    });

    const { csr: serverCsr } = await generateCsr({ commonName: "shop.example.com", keyType: "ec-p256" });
    const serverOrder = await client.order({
      commonName: "shop.example.com",
      csr: serverCsr,
      product: "rapidssl-rapidssl-dv",
    });
    await expect(client.revoke(serverOrder.id)).rejects.toMatchObject({
      name: "CertkitError",
      code: "VALIDATION_FAILED",
      provider: "sslmarket",
      status: 400,
      providerCode: "revocation_not_available",
      message: expect.stringContaining("RapidSSL DV certificates cannot be revoked through the API."),
    });
  });

  it("rejects the operations SSLmarket lacks with UNSUPPORTED, without a request", async () => {
    const client = certificates() as unknown as CertificateClient;
    expect(client.capabilities).toBe(SSLMARKET_CAPABILITIES);
    for (const call of [
      () => client.renew("100001"),
      () => client.cancel("100001"),
      () => client.confirmValidation("100001"),
    ]) {
      await expect(call()).rejects.toMatchObject({ name: "CertkitError", code: "UNSUPPORTED", provider: "sslmarket" });
    }
    expect(requests).toEqual([]);
  });
});

describe("sslmarket adapter: errors", () => {
  it("surfaces an unknown order as NOT_FOUND and a bad token as AUTH", async () => {
    await expect(certificates().get("999999")).rejects.toMatchObject({
      code: "NOT_FOUND",
      status: 404,
      providerCode: "order_not_found",
    });
    await expect(certificates().download("999999")).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
    const wrong = certificates({ token: "not-the-sandbox-token" });
    await expect(wrong.get("100001")).rejects.toMatchObject({
      code: "AUTH",
      status: 401,
      providerCode: "unauthorized",
    });
    await expect(collect(wrong.list())).rejects.toMatchObject({ code: "AUTH", status: 401 });
    const error = await wrong.get("100001").catch((caught: unknown) => caught);
    expect(JSON.stringify(error)).not.toContain("not-the-sandbox-token");
  });

  it("refuses an id that is not an order number, without a request", async () => {
    const client = certificates();
    for (const id of ["abc", "", "0", "12.5", "100001/format/p7b", "-1"]) {
      await expect(client.get(id)).rejects.toMatchObject({ code: "INVALID_INPUT", provider: "sslmarket" });
    }
    await expect(client.validation("x")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("validation: id"),
    });
    expect(requests).toEqual([]);
  });

  it("refuses an order it cannot place before any request: contacts, file for a wildcard, an approver SSLmarket does not mail", async () => {
    const { csr } = await generateCsr({ commonName: "*.example.com", keyType: "ec-p256" });
    const request = { commonName: "*.example.com", csr, product: "rapidssl-rapidssl-wildcard-dv" } as const;
    await expect(certificates({ contacts: undefined }).order(request)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { contacts: [expect.stringContaining("adapter option `contacts`")] },
    });
    await expect(certificates().order({ ...request, validationMethod: "file" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { validationMethod: [expect.stringContaining("wildcard")] },
    });
    await expect(
      certificates().order({ ...request, validationMethod: "email", approverEmail: "it@example.com" }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { approverEmail: [expect.stringContaining("admin@example.com")] },
    });
    // Static limits of a documented product: checked by the client before the adapter runs.
    await expect(
      certificates().order({
        commonName: "shop.example.com",
        altNames: ["www.shop.example.com"],
        csr,
        product: "rapidssl-rapidssl-dv",
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { altNames: [expect.stringContaining("at most 1")] },
    });
    await expect(
      certificates().order({ commonName: "shop.example.com", csr, product: "rapidssl-rapidssl-wildcard-dv" }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { commonName: [expect.stringContaining("wildcard")] },
    });
    await expect(certificates().order({ ...request, years: 7 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { years: [expect.any(String)] },
    });
    await expect(certificates().order({ commonName: "shop.example.com" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { csr: [expect.any(String)] },
    });
    expect(requests).toEqual([]);
  });

  it("checks a product only the API knows against GET /product/list, and buys nothing when it does not fit", async () => {
    server.resetHandlers();
    sandbox = await setupSandbox(server, {
      clock: new SandboxClock({ frozenAt: START }),
      sslmarket: {
        products: [
          {
            product_type: "ssl_certificate",
            product_code: "acme-dv-trio",
            type: "Acme",
            title: "Acme DV Trio",
            validate_type: "dv",
            csr_required: "true",
            max_years: "2",
            min_san_values: "1",
            max_san_values: 2,
          },
          {
            product_type: "client_certificate",
            product_code: "digicert-client-premium-class-1",
            type: "DigiCert",
            title: "Client Premium Class 1",
            validate_type: "ov",
            csr_required: "true",
            max_years: "3",
            min_san_values: "0",
            max_san_values: "0",
          },
        ],
      },
    });
    const adapter = sslmarket(adapterOptions());
    expect(adapter.productLimits("acme-dv-trio")).toBeUndefined();
    expect(adapter.productLimits(undefined)).toMatchObject({
      id: "geotrust-geotrust-standard-dv-ssl",
      maxNames: 251,
      wildcard: false,
    });
    const client = createCertificateClient(adapter);
    const names = ["shop.example.com", "www.shop.example.com", "api.shop.example.com", "cdn.shop.example.com"];
    // A CSR names exactly the order's names.
    const csrOf = async (count: number) =>
      (await generateCsr({ commonName: names[0]!, altNames: names.slice(1, count), keyType: "ec-p256" })).csr;
    const [csr, csr2, csr4] = [await csrOf(1), await csrOf(2), await csrOf(4)];
    const productList = `GET ${API}/product/list`;

    const cases: [Parameters<typeof client.order>[0], string, string][] = [
      [
        { commonName: names[0]!, altNames: names.slice(1), csr: csr4, product: "acme-dv-trio" },
        "altNames",
        "takes at most 2",
      ],
      [{ commonName: names[0]!, csr, product: "acme-dv-trio" }, "altNames", "needs at least 1"],
      [
        { commonName: names[0]!, altNames: names.slice(1, 2), csr: csr2, product: "acme-dv-trio", years: 3 },
        "years",
        "from 1 to 2",
      ],
      [
        { commonName: names[0]!, csr, product: "no-such-product" },
        "product",
        '"no-such-product" is not a product this SSLmarket account can order through the API (server products: acme-dv-trio)',
      ],
      [
        { commonName: names[0]!, csr, product: "digicert-client-premium-class-1" },
        "product",
        "client_certificate product",
      ],
      [{ commonName: names[0]!, csr }, "product", '"geotrust-geotrust-standard-dv-ssl" is not a product'],
    ];
    for (const [request, field, problem] of cases) {
      requests = [];
      await expect(client.order(request)).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { [field]: [expect.stringContaining(problem)] },
      });
      expect(requests).toEqual([productList]);
    }

    requests = [];
    const ordered = await client.order({
      commonName: names[0]!,
      altNames: names.slice(1, 3),
      csr: (await generateCsr({ commonName: names[0]!, altNames: names.slice(1, 3), keyType: "ec-p256" })).csr,
      product: "acme-dv-trio",
      years: 2,
    });
    expect(ordered).toMatchObject({
      product: "acme-dv-trio",
      altNames: names.slice(1, 3),
      providerStatus: "pending_validation",
    });
    expect(requests).toEqual([
      productList,
      `POST ${API}/order/certificate/acme-dv-trio`,
      `GET ${API}/order/order_id/100001`,
    ]);
  });

  it("does not repeat a failed purchase, and names the placed order in a typed field when only reading it back failed", async () => {
    const { csr } = await generateCsr({ commonName: "shop.example.com", keyType: "ec-p256" });
    const request = { commonName: "shop.example.com", csr, product: "rapidssl-rapidssl-dv" };
    const purchase = sandbox.faults.add({
      provider: "sslmarket",
      method: "POST",
      route: "/order/certificate/{product_code}",
      status: 500,
      times: 1,
    });
    const lost = await certificates()
      .order(request)
      .catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(OrderNotConfirmedError);
    expect(lost).toMatchObject({
      code: "PROVIDER",
      status: 500,
      effectUnknown: true,
      retryable: false,
      recovery: { provider: "sslmarket", commonName: "shop.example.com", product: "rapidssl-rapidssl-dv" },
    });
    expect(sandbox.faults.list().find((fault) => fault.id === purchase)?.hits).toBe(1);

    sandbox.faults.add({
      provider: "sslmarket",
      method: "GET",
      route: "/order/order_id/{order_id}",
      status: 503,
      times: 1,
    });
    const failure = await certificates({ retry: false })
      .order(request)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OrderIncompleteError);
    expect(failure).toMatchObject({
      name: "CertkitError",
      code: "PROVIDER",
      provider: "sslmarket",
      status: 503,
      effectUnknown: true,
      retryable: false,
      created: { id: "100001", failedStep: "read", providerIds: { order_id: 100001 } },
      message: expect.stringContaining("order: 100001 was bought, but its read step failed"),
    });
    expect(await certificates().get("100001")).toMatchObject({
      commonName: "shop.example.com",
      providerStatus: "pending_validation",
    });
  });

  it("checks a reissue's CSR against the order's names, and surfaces a reissue in the wrong state", async () => {
    const client = certificates();
    const { csr } = await generateCsr({ commonName: "shop.example.com", keyType: "ec-p256" });
    const ordered = await client.order({ commonName: "shop.example.com", csr, product: "rapidssl-rapidssl-dv" });
    requests = [];
    await expect(client.reissue(ordered.id)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { csr: [expect.stringContaining("is required")] },
    });
    const { csr: otherCsr } = await generateCsr({ commonName: "other.example.com", keyType: "ec-p256" });
    await expect(client.reissue(ordered.id, { csr: otherCsr })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("reissue: csr does not name shop.example.com"),
    });
    expect(requests).toEqual([`GET ${API}/order/order_id/100001`]);
    await expect(client.reissue(ordered.id, { csr })).rejects.toMatchObject({
      code: "CONFLICT",
      status: 409,
      providerCode: "invalid_state",
    });
    await expect(client.download(ordered.id)).rejects.toMatchObject({ code: "CONFLICT", status: 409 });
  });
});
