import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import type { ClientEvent } from "@certkit/runtime";
import {
  DEFAULT_RESELLO_PLANS,
  generateCsr,
  SANDBOX_RESELLO_OIDC_CLIENT,
  SandboxClock,
  setupSandbox,
  toPkcs7,
  type MswSandbox,
} from "@certkit/sandbox";
import { collect, useMswServer } from "@certkit/test-kit";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { resello, RESELLO_CAPABILITIES, type ReselloAdapterOptions } from "../../src/providers/resello/index.js";
import { createCertificateClient, OrderNotConfirmedError } from "../../src/index.js";

const [DV, DV_2Y, WILDCARD, OV] = DEFAULT_RESELLO_PLANS.map((plan) => plan.id) as [string, string, string, string];
const START = new Date("2026-01-05T10:00:00Z");
const DAY_MS = 86_400_000;
const PROVISIONING_MS = 60_000;
const HEX32 = /^[0-9a-f]{32}$/;

const { server } = useMswServer();

let sandbox: MswSandbox;
let events: ClientEvent[];
beforeEach(async () => {
  sandbox = await setupSandbox(server, {
    clock: new SandboxClock({ frozenAt: START }),
    resello: { issuanceDelayMs: PROVISIONING_MS },
  });
  events = [];
});

/** A client over the adapter, pointed at the sandbox, with the sandbox's clock for `expired` and its requests recorded. */
function client(settings: Partial<ReselloAdapterOptions> = {}) {
  const adapter = resello({
    ...sandbox.clientOptions("resello"),
    plan: DV,
    onEvent: (event) => events.push(event),
    ...settings,
  } as ReselloAdapterOptions);
  return createCertificateClient(adapter, { now: () => sandbox.clock.now() });
}

/** The requests sent, as `METHOD /path` (path templates of the spec). */
const requests = () =>
  events.filter((event) => event.type === "request").map((event) => `${event.method} ${event.path}`);
const ordersInSandbox = () => sandbox.simulators.resello.snapshot().orders;

describe("resello adapter: lifecycle with DNS validation", () => {
  it("orders, shows the TXT records, validates, issues, downloads, renews, reissues and cancels", async () => {
    const certs = client();
    const { csr } = await generateCsr({ commonName: "shop.example.com", altNames: ["www.shop.example.com"] });

    // Order: pending, with one TXT record per name to publish.
    const ordered = await certs.order({
      commonName: "shop.example.com",
      altNames: ["www.shop.example.com"],
      csr,
      clientReference: "order-1001",
    });
    expect(ordered).toMatchObject({
      provider: "resello",
      commonName: "shop.example.com",
      altNames: ["www.shop.example.com"],
      status: "awaiting_validation",
      providerStatus: "pending",
      product: DV,
      createdAt: START.toISOString(),
      raw: { client_reference: "order-1001", dcv_type: "DNS", plan: DV },
    });
    expect(ordered.validFrom).toBeUndefined();
    expect(
      ordered.validation.map(({ domain, method, status, dns }) => [domain, method, status, dns?.type, dns?.name]),
    ).toEqual([
      ["shop.example.com", "dns", "waiting", "TXT", "_dnsauth.shop.example.com"],
      ["www.shop.example.com", "dns", "waiting", "TXT", "_dnsauth.www.shop.example.com"],
    ]);
    for (const entry of ordered.validation) expect(entry.dns?.value).toMatch(HEX32);
    const id = ordered.id;
    expect(await certs.validation(id)).toEqual(ordered.validation);
    expect(await certs.get(id)).toEqual(ordered);

    // Nothing to download yet; validate is refused until the records are there, with Resello's code.
    await expect(certs.download(id)).rejects.toMatchObject({
      code: "CONFLICT",
      status: 409,
      providerCode: "certificate_not_active",
    });
    await expect(certs.confirmValidation(id)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      status: 400,
      provider: "resello",
      providerCode: "domain_validation_failed",
    });

    // Publish both records and confirm: every name is valid and Resello provisions the certificate.
    for (const entry of ordered.validation) sandbox.dns.addTxt(entry.dns!.name, entry.dns!.value);
    const confirmed = await certs.confirmValidation(id);
    expect(confirmed).toMatchObject({ id, status: "processing", providerStatus: "pending" });
    expect(confirmed.validation.map((entry) => entry.status)).toEqual(["valid", "valid"]);

    sandbox.clock.advance(PROVISIONING_MS - 1);
    expect((await certs.get(id)).status).toBe("processing");
    sandbox.clock.advance(1);
    const issued = await certs.get(id);
    expect(issued).toMatchObject({
      id,
      status: "issued",
      providerStatus: "active",
      validFrom: "2026-01-05T10:01:00.000Z",
      validUntil: "2027-01-05T10:01:00.000Z",
      validation: [],
    });
    expect(issued.message).toBeUndefined();

    // Download: the PKCS#7 bundle, ordered leaf → intermediate → root, verifying against the sandbox CA.
    const bundle = await certs.download(id);
    expect(bundle.chain).toHaveLength(1);
    expect(bundle.root).toBeDefined();
    expect(bundle.privateKey).toBeUndefined();
    expect(new x509.X509Certificate(bundle.certificate).subject).toBe("CN=shop.example.com");
    expect(new x509.X509Certificate(bundle.chain[0]!).subject).toBe("CN=certkit Sandbox Issuing CA, O=certkit sandbox");
    expect(new x509.X509Certificate(bundle.root!).subject).toBe("CN=certkit Sandbox Root CA, O=certkit sandbox");
    expect(await sandbox.ca.verifyChain(bundle.certificate + bundle.chain.join(""), sandbox.clock.now())).toMatchObject(
      {
        ok: true,
        names: ["shop.example.com", "www.shop.example.com"],
      },
    );
    expect(new x509.X509Certificate(bundle.certificate).serialNumber).toBe((issued.raw as any).serial_number);

    // Renewal opens 30 days before the end (the plan's renew_days_before_expiration).
    await expect(certs.renew(id)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      providerCode: "renewal_not_yet_possible",
    });
    sandbox.clock.advance(Date.parse(issued.validUntil!) - sandbox.clock.now().getTime() - 20 * DAY_MS);
    const renewing = await certs.renew(id);
    expect(renewing).toMatchObject({ id, status: "awaiting_validation", providerStatus: "pending", product: DV });
    expect(renewing.validation).toHaveLength(2);
    expect(renewing.validation.map((entry) => entry.dns!.value)).not.toEqual(
      ordered.validation.map((entry) => entry.dns!.value),
    );
    for (const entry of renewing.validation) sandbox.dns.addTxt(entry.dns!.name, entry.dns!.value);
    expect((await certs.confirmValidation(id)).status).toBe("processing");
    sandbox.clock.advance(PROVISIONING_MS);
    const renewed = await certs.get(id);
    expect(renewed).toMatchObject({
      status: "issued",
      validFrom: "2026-12-16T10:02:00.000Z",
      validUntil: "2027-12-16T10:02:00.000Z",
    });

    // Reissue: needs a new CSR, and is issued at once for the rest of the term, with the new key.
    await expect(certs.reissue(id)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { csr: [expect.stringContaining("required")] },
    });
    const weak = await generateCsr({ commonName: "shop.example.com", keyType: "rsa-1024" });
    events.length = 0;
    await expect(certs.reissue(id, { csr: weak.csr })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { csr: ["has an RSA key of 1024 bits: CAs require 2048 or more"] },
    });
    await expect(certs.renew(id, { csr: "not a csr" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { csr: [expect.stringContaining("PEM")] },
    });
    expect(requests()).toEqual([]);
    const again = await generateCsr({
      commonName: "shop.example.com",
      altNames: ["www.shop.example.com"],
      keyType: "ec-p256",
    });
    const reissued = await certs.reissue(id, { csr: again.csr });
    expect(reissued).toMatchObject({
      id,
      status: "issued",
      providerStatus: "active",
      validUntil: "2027-12-16T10:02:00.000Z",
    });
    const reissuedBundle = await certs.download(id);
    expect(new x509.X509Certificate(reissuedBundle.certificate).publicKey.algorithm.name).toBe("ECDSA");
    expect(reissuedBundle.certificate).not.toBe(bundle.certificate);

    // Cancel: DELETE disables the certificate at once.
    const cancelled = await certs.cancel(id);
    expect(cancelled).toMatchObject({
      id,
      status: "cancelled",
      providerStatus: "disabled",
      commonName: "shop.example.com",
    });
    expect(cancelled.message).toBe(`Deleted: Resello disabled the certificate at ${sandbox.clock.now().toISOString()}`);
    expect(await certs.get(id)).toMatchObject({ status: "cancelled", providerStatus: "disabled" });
    await expect(certs.download(id)).rejects.toMatchObject({
      code: "CONFLICT",
      providerCode: "certificate_not_active",
    });
    await expect(certs.cancel(id)).rejects.toMatchObject({
      code: "CONFLICT",
      status: 409,
      providerCode: "certificate_disabled",
    });
  });

  it("shows expired once the clock passes validUntil", async () => {
    const certs = client();
    const { csr } = await generateCsr({ commonName: "old.example.com" });
    const { id, validation } = await certs.order({ commonName: "old.example.com", csr });
    sandbox.dns.addTxt(validation[0]!.dns!.name, validation[0]!.dns!.value);
    await certs.confirmValidation(id);
    sandbox.clock.advance(PROVISIONING_MS);
    const issued = await certs.get(id);
    expect(issued).toMatchObject({ status: "issued", validUntil: "2027-01-05T10:01:00.000Z" });
    sandbox.clock.advance(Date.parse(issued.validUntil!) - sandbox.clock.now().getTime());
    expect(await certs.get(id)).toMatchObject({ status: "expired", providerStatus: "active" });
    const listed = await collect(certs.list());
    expect(listed.map((order) => order.status)).toEqual(["expired"]);
  });
});

describe("resello adapter: file and email validation", () => {
  it("shows the file to serve, and issues once it is served and confirmed", async () => {
    const certs = client();
    const { csr } = await generateCsr({ commonName: "files.example.com" });
    const ordered = await certs.order({ commonName: "files.example.com", csr, validationMethod: "file" });
    expect(ordered.validation).toHaveLength(1);
    const [entry] = ordered.validation;
    expect(entry).toMatchObject({ domain: "files.example.com", method: "file", status: "waiting" });
    expect(entry!.file!.url).toMatch(/^http:\/\/files\.example\.com\/\.well-known\/pki-validation\/[0-9A-F]{32}\.txt$/);
    expect(entry!.dns).toBeUndefined();
    sandbox.web.publish(entry!.file!.url, entry!.file!.content);
    expect(await certs.confirmValidation(ordered.id)).toMatchObject({
      status: "processing",
      validation: [{ status: "valid" }],
    });
    sandbox.clock.advance(PROVISIONING_MS);
    expect((await certs.get(ordered.id)).status).toBe("issued");
  });

  it("needs the approver address, mails it, and issues once the approver approves", async () => {
    const certs = client();
    const { csr } = await generateCsr({ commonName: "mail.example.com" });
    await expect(certs.order({ commonName: "mail.example.com", csr, validationMethod: "email" })).rejects.toMatchObject(
      {
        code: "INVALID_INPUT",
        fieldErrors: { approverEmail: [expect.stringContaining("required for email validation")] },
      },
    );
    expect(requests()).toEqual([]);

    const ordered = await certs.order({
      commonName: "mail.example.com",
      csr,
      validationMethod: "email",
      approverEmail: "admin@example.com",
    });
    expect(ordered).toMatchObject({
      status: "awaiting_validation",
      validation: [
        { domain: "mail.example.com", method: "email", status: "waiting", email: { approvers: ["admin@example.com"] } },
      ],
    });
    const [mail] = sandbox.mail.inbox("admin@example.com");
    expect(mail).toBeDefined();
    sandbox.mail.approve(mail!.code, sandbox.clock.now());
    expect(await certs.get(ordered.id)).toMatchObject({ status: "processing", validation: [{ status: "valid" }] });
    sandbox.clock.advance(PROVISIONING_MS);
    expect((await certs.get(ordered.id)).status).toBe("issued");
  });
});

describe("resello adapter: list", () => {
  it("yields every certificate from one request (Resello has no paging), each status mapped", async () => {
    await sandbox.seed();
    const certs = client();
    for (const name of ["a.example.com", "b.example.com", "c.example.com"]) {
      const { csr } = await generateCsr({ commonName: name, keyType: "ec-p256" });
      await certs.order({ commonName: name, csr });
    }
    events.length = 0;
    const listed = await collect(certs.list());
    expect(listed.map((order) => [order.commonName, order.status, order.providerStatus])).toEqual([
      ["shop.example.com", "issued", "active"],
      ["www.example.org", "awaiting_validation", "pending"],
      ["old.example.net", "cancelled", "disabled"],
      ["a.example.com", "awaiting_validation", "pending"],
      ["b.example.com", "awaiting_validation", "pending"],
      ["c.example.com", "awaiting_validation", "pending"],
    ]);
    // One list request; the validation details of each pending certificate, which decide its status.
    expect(requests().filter((request) => request === "GET /ssl-certificate")).toHaveLength(1);
    expect(requests().filter((request) => request.endsWith("/validation-details"))).toHaveLength(4);
    for (const order of listed) expect(await certs.get(order.id)).toEqual(order);
  });

  it("stops the loop with PROVIDER when Resello says the list holds more than it sent", async () => {
    const certs = client();
    const { csr } = await generateCsr({ commonName: "one.example.com", keyType: "ec-p256" });
    const { raw } = await certs.order({ commonName: "one.example.com", csr });
    server.use(
      http.get(`${sandbox.baseUrl("resello")}/ssl-certificate`, () =>
        HttpResponse.json({ success: true, result: [raw], total: 5 }),
      ),
    );
    const seen: string[] = [];
    const loop = async () => {
      for await (const order of certs.list()) seen.push(order.commonName);
    };
    await expect(loop()).rejects.toMatchObject({
      code: "PROVIDER",
      message: expect.stringContaining("listed 1 of 5 certificates"),
    });
    expect(seen).toEqual(["one.example.com"]);
  });

  it("reads bare answers as well as the {success, result} envelope", async () => {
    const certs = client();
    const { csr } = await generateCsr({ commonName: "bare.example.com", keyType: "ec-p256" });
    const ordered = await certs.order({ commonName: "bare.example.com", csr });
    const base = sandbox.baseUrl("resello");
    server.use(
      http.get(`${base}/ssl-certificate`, () => HttpResponse.json([ordered.raw])),
      http.get(`${base}/ssl-certificate/:id/validation-details`, () =>
        HttpResponse.json({
          domains: [
            {
              domain: "bare.example.com",
              dcv_type: "DNS",
              status: "pending",
              dns_record: { type: "TXT", name: "_x.bare.example.com", value: "v" },
            },
          ],
        }),
      ),
    );
    const listed = await collect(certs.list());
    expect(listed).toMatchObject([
      {
        id: ordered.id,
        status: "awaiting_validation",
        validation: [{ domain: "bare.example.com", dns: { type: "TXT", name: "_x.bare.example.com", value: "v" } }],
      },
    ]);
  });
});

describe("resello adapter: orders and plans", () => {
  it("orders once when the answer is lost: createCertificateOnce finds the order by its client_reference", async () => {
    let dropped = false;
    const certs = client({
      fetch: async (request: Request) => {
        const response = await fetch(request);
        if (!dropped && request.method === "POST" && new URL(request.url).pathname.endsWith("/ssl-certificate")) {
          dropped = true;
          throw new TypeError("fetch failed: the connection closed before the answer");
        }
        return response;
      },
    });
    const { csr } = await generateCsr({ commonName: "once.example.com", keyType: "ec-p256" });
    const ordered = await certs.order({ commonName: "once.example.com", csr, clientReference: "order-once-1" });
    expect(dropped).toBe(true);
    expect(ordered).toMatchObject({
      commonName: "once.example.com",
      status: "awaiting_validation",
      raw: { client_reference: "order-once-1" },
    });
    expect(ordersInSandbox().map((order) => order.clientReference)).toEqual(["order-once-1"]);
    expect(requests()).toEqual([
      "GET /ssl-certificate-plan",
      "POST /ssl-certificate",
      "GET /ssl-certificate",
      "GET /ssl-certificate/{id}/validation-details",
    ]);
  });

  it("never sends an order again after a 500, even when the look-up finds nothing, and generates a client_reference", async () => {
    sandbox.faults.add({ provider: "resello", method: "POST", route: "/ssl-certificate", status: 500, times: 1 });
    const certs = client();
    const { csr } = await generateCsr({ commonName: "retry.example.com", keyType: "ec-p256" });
    const failure = await certs.order({ commonName: "retry.example.com", csr }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OrderNotConfirmedError);
    const { recovery } = failure as OrderNotConfirmedError;
    expect(recovery).toMatchObject({
      provider: "resello",
      commonName: "retry.example.com",
      altNames: [],
      product: DV,
      clientReference: expect.stringMatching(/^certkit-[0-9a-f-]{36}$/),
    });
    expect(ordersInSandbox()).toHaveLength(0);
    expect(requests()).toEqual(["GET /ssl-certificate-plan", "POST /ssl-certificate", "GET /ssl-certificate"]);
    // The 500 came before Resello placed anything: looking again still finds nothing, and proves nothing.
    expect(await certs.findOrders(recovery, { maxWaitMs: 0 })).toEqual([]);
    expect(requests().filter((request) => request === "POST /ssl-certificate")).toHaveLength(1);
  });

  it("needs a plan: the request's product, or the adapter's plan option", async () => {
    const certs = client({ plan: undefined });
    const { csr } = await generateCsr({ commonName: "plan.example.com", keyType: "ec-p256" });
    await expect(certs.order({ commonName: "plan.example.com", csr })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { product: [expect.stringContaining("is required")] },
    });
    await expect(certs.order({ commonName: "plan.example.com", csr, product: "DV" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { product: ["must be a Resello plan UUID (GET /ssl-certificate-plan lists them)"] },
    });
    expect(requests()).toEqual([]);
    const ordered = await certs.order({ commonName: "plan.example.com", csr, product: DV_2Y, years: 2 });
    expect(ordered.product).toBe(DV_2Y);
    expect(() => resello({ ...sandbox.clientOptions("resello"), plan: "first" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
  });

  it("reads a plan it has no limits for before ordering, and buys nothing when it does not fit", async () => {
    const certs = client();
    const { csr } = await generateCsr({ commonName: "years.example.com", keyType: "ec-p256" });
    await expect(certs.order({ commonName: "years.example.com", csr, product: DV_2Y })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { years: [`must be 2 for plan "Sandbox DV SSL 2 years" (${DV_2Y}), which runs 24 months`] },
    });
    const missing = "0d8f5c1e-6a2b-4c3d-8e4f-000000000000";
    await expect(certs.order({ commonName: "years.example.com", csr, product: missing })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { product: [expect.stringContaining(`no plan ${missing}`)] },
    });
    expect(requests()).toEqual(["GET /ssl-certificate-plan", "GET /ssl-certificate-plan"]);
    expect(ordersInSandbox()).toEqual([]);
  });

  it("checks orders against the limits of plans given in options, without any request", async () => {
    const plans = [
      { id: DV, maxNames: 2, wildcard: false, years: [1] },
      { id: WILDCARD, maxNames: 2, wildcard: "required", years: [1] },
    ] as const;
    const certs = client({ plans });
    expect(resello({ ...sandbox.clientOptions("resello"), plan: DV, plans }).productLimits(undefined)).toEqual(
      plans[0],
    );
    expect(resello({ ...sandbox.clientOptions("resello"), plans }).productLimits(OV)).toBeUndefined();
    const { csr } = await generateCsr({
      commonName: "*.wild.example.com",
      altNames: ["wild.example.com"],
      keyType: "ec-p256",
    });
    await expect(certs.order({ commonName: "*.wild.example.com", csr })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { commonName: [expect.any(String)] },
    });
    await expect(certs.order({ commonName: "wild.example.com", csr, product: WILDCARD })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { commonName: ["must be a wildcard (*.example.com) for " + WILDCARD] },
    });
    await expect(
      certs.order({ commonName: "a.example.com", altNames: ["b.example.com", "c.example.com"], csr }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { altNames: [expect.stringContaining("at most 2")] },
    });
    expect(requests()).toEqual([]);
    const wildcard = await certs.order({
      commonName: "*.wild.example.com",
      altNames: ["wild.example.com"],
      csr,
      product: WILDCARD,
    });
    expect(wildcard).toMatchObject({
      commonName: "*.wild.example.com",
      altNames: ["wild.example.com"],
      product: WILDCARD,
    });
    expect(wildcard.validation.map((entry) => entry.dns?.name)).toEqual([
      "_dnsauth.wild.example.com",
      "_dnsauth.wild.example.com",
    ]);
    expect(requests()[0]).toBe("POST /ssl-certificate");
  });

  it("sends the organisation fields of OV plans from the orderDetails option", async () => {
    const { csr } = await generateCsr({ commonName: "ov.example.com", keyType: "ec-p256" });
    await expect(client().order({ commonName: "ov.example.com", csr, product: OV })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      providerCode: "request_validation_failed",
      fieldErrors: { chamber_of_commerce: ["Required for OV and EV plans."] },
    });
    const orderDetails = {
      chamber_of_commerce: "12345678",
      department: "IT",
      approver_first_name: "Ada",
      approver_last_name: "Lovelace",
    };
    const ordered = await client({ orderDetails }).order({ commonName: "ov.example.com", csr, product: OV });
    expect(ordered).toMatchObject({ product: OV, status: "awaiting_validation", raw: orderDetails });
  });
});

describe("resello adapter: answers Resello does not document", () => {
  /** An order for `name`, validated and issued in the sandbox. */
  async function issuedOrder(certs: ReturnType<typeof client>, name: string) {
    const { csr } = await generateCsr({ commonName: name, keyType: "ec-p256" });
    const { id, validation } = await certs.order({ commonName: name, csr });
    sandbox.dns.addTxt(validation[0]!.dns!.name, validation[0]!.dns!.value);
    await certs.confirmValidation(id);
    sandbox.clock.advance(PROVISIONING_MS);
    return id;
  }

  it("reads a PKCS#7 download that is PEM-armoured, or plain PEM blocks, as well as DER", async () => {
    const certs = client();
    const id = await issuedOrder(certs, "p7.example.com");
    const der = await certs.download(id);
    const pems = [der.certificate, ...der.chain, der.root!];
    const route = `${sandbox.baseUrl("resello")}/ssl-certificate/:id/download-pkcs7`;
    const attachment = {
      "content-type": "application/octet-stream",
      "content-disposition": 'attachment; filename="p7.example.com.p7b"',
    };
    const armoured = toPkcs7(pems, "pem");
    expect(armoured).toContain("-----BEGIN CMS-----");
    server.use(http.get(route, () => new HttpResponse(armoured, { headers: attachment }), { once: true }));
    expect(await certs.download(id)).toEqual(der);
    const pkcs7Label = armoured.replaceAll("CMS-----", "PKCS7-----");
    server.use(http.get(route, () => new HttpResponse(pkcs7Label, { headers: attachment }), { once: true }));
    expect(await certs.download(id)).toEqual(der);
    server.use(
      http.get(route, () => new HttpResponse([...pems].reverse().join(""), { headers: attachment }), { once: true }),
    );
    expect(await certs.download(id)).toEqual(der);
    server.use(http.get(route, () => new HttpResponse("not a bundle", { headers: attachment }), { once: true }));
    await expect(certs.download(id)).rejects.toMatchObject({
      code: "PROVIDER",
      message: "Resello API: the PKCS#7 download does not parse",
    });
  });

  it("shows one unknown validation per name when the validation details cannot be read", async () => {
    const certs = client();
    const { csr } = await generateCsr({
      commonName: "odd.example.com",
      altNames: ["www.odd.example.com"],
      keyType: "ec-p256",
    });
    const ordered = await certs.order({ commonName: "odd.example.com", altNames: ["www.odd.example.com"], csr });
    server.use(
      http.get(`${sandbox.baseUrl("resello")}/ssl-certificate/:id/validation-details`, () =>
        HttpResponse.json({ success: true, result: { steps: [] } }),
      ),
    );
    const fallback = [
      { domain: "odd.example.com", method: "dns", status: "unknown" },
      { domain: "www.odd.example.com", method: "dns", status: "unknown" },
    ];
    expect(await certs.validation(ordered.id)).toEqual(fallback);
    expect(await certs.get(ordered.id)).toMatchObject({
      status: "awaiting_validation",
      providerStatus: "pending",
      validation: fallback,
    });
  });

  it("cancels with the certificate as it was when the delete's answer does not show it", async () => {
    const certs = client();
    const id = await issuedOrder(certs, "gone.example.com");
    server.use(
      http.delete(`${sandbox.baseUrl("resello")}/ssl-certificate/:id`, () => HttpResponse.json({ success: true })),
    );
    expect(await certs.cancel(id)).toMatchObject({
      id,
      commonName: "gone.example.com",
      status: "cancelled",
      providerStatus: "active",
      message: "Deleted: Resello disabled the certificate (its answer did not show the certificate's new status)",
      validation: [],
    });
  });

  it("refuses an answer without a certificate id as a PROVIDER error", async () => {
    const certs = client();
    server.use(
      http.get(`${sandbox.baseUrl("resello")}/ssl-certificate/:id`, () =>
        HttpResponse.json({ success: true, result: { status: "active" } }),
      ),
    );
    await expect(certs.get("11111111-1111-4111-8111-111111111111")).rejects.toMatchObject({
      code: "PROVIDER",
      message: "Resello API answered a certificate without an id",
    });
  });
});

describe("resello adapter: errors and unsupported operations", () => {
  it("surfaces Resello's refusals as CertkitErrors", async () => {
    const certs = client();
    await expect(certs.get("11111111-1111-4111-8111-111111111111")).rejects.toMatchObject({
      code: "NOT_FOUND",
      status: 404,
      provider: "resello",
    });
    await expect(certs.validation("11111111-1111-4111-8111-111111111111")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(certs.get("")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const wrong = client({ apiKey: "not-the-key" });
    await expect(wrong.get("11111111-1111-4111-8111-111111111111")).rejects.toMatchObject({
      code: "AUTH",
      status: 401,
      provider: "resello",
    });
    const loop = async () => {
      for await (const order of wrong.list()) void order;
    };
    await expect(loop()).rejects.toMatchObject({ code: "AUTH" });
  });

  it("rejects revoke with UNSUPPORTED, sending nothing", async () => {
    const certs = client();
    expect(certs.capabilities).toBe(RESELLO_CAPABILITIES);
    await expect(
      (certs as unknown as { revoke: (id: string) => Promise<unknown> }).revoke("any"),
    ).rejects.toMatchObject({
      code: "UNSUPPORTED",
      provider: "resello",
      message: "resello does not support revoke",
    });
    expect(requests()).toEqual([]);
  });

  it("aborts with ABORTED", async () => {
    const certs = client();
    const controller = new AbortController();
    controller.abort();
    await expect(
      certs.get("11111111-1111-4111-8111-111111111111", { signal: controller.signal }),
    ).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("signs in with OpenID Connect client credentials", async () => {
    const baseUrl = sandbox.baseUrl("resello");
    const certs = createCertificateClient(
      resello({ oidc: { tokenUrl: `${baseUrl}/oauth2/token`, ...SANDBOX_RESELLO_OIDC_CLIENT }, baseUrl, plan: DV }),
      { now: () => sandbox.clock.now() },
    );
    const { csr } = await generateCsr({ commonName: "oidc.example.com", keyType: "ec-p256" });
    const ordered = await certs.order({ commonName: "oidc.example.com", csr });
    expect(await certs.get(ordered.id)).toMatchObject({
      commonName: "oidc.example.com",
      status: "awaiting_validation",
    });
    const wrong = createCertificateClient(
      resello({ oidc: { tokenUrl: `${baseUrl}/oauth2/token`, clientId: "nobody", clientSecret: "nope" }, baseUrl }),
    );
    await expect(wrong.get(ordered.id)).rejects.toMatchObject({ code: "AUTH", providerCode: "invalid_client" });
  });
});
