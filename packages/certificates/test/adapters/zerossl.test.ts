import { generateCsr, SandboxClock, setupSandbox, type MswSandbox } from "@certkit/sandbox";
import { collect, useMswServer } from "@certkit/test-kit";
import { beforeEach, describe, expect, it } from "vitest";
import { zerossl, ZEROSSL_CAPABILITIES, type ZerosslAdapterOptions } from "../../src/providers/zerossl/index.js";
import { createCertificateClient, OrderNotConfirmedError } from "../../src/index.js";

const { server } = useMswServer();

const START = new Date("2026-03-01T12:00:00Z");
const ISSUANCE_DELAY_MS = 60_000;

let sandbox: MswSandbox;
/** Every request the adapter sent, as `METHOD path` (the query, which holds the key, left out). */
let requests: string[];

beforeEach(async () => {
  sandbox = await setupSandbox(server, {
    clock: new SandboxClock({ frozenAt: START }),
    zerossl: { issuanceDelayMs: ISSUANCE_DELAY_MS },
  });
  requests = [];
});

function clientWith(extra: Partial<ZerosslAdapterOptions> = {}) {
  const base = sandbox.baseUrl("zerossl");
  const adapter = zerossl({
    ...sandbox.clientOptions("zerossl"),
    retry: false,
    onEvent: (event) => {
      if (event.type === "request") requests.push(`${event.method} ${event.url.replace(base, "").split("?")[0]}`);
    },
    ...extra,
  });
  return createCertificateClient(adapter, { now: () => sandbox.clock.now() });
}

describe("zerossl adapter: lifecycle", () => {
  it("orders a draft from a CSR, validates by CNAME against the sandbox's DNS, issues and downloads a verified chain", async () => {
    const client = clientWith();
    const { csr } = await generateCsr({ commonName: "shop.example.net", altNames: ["www.shop.example.net"] });
    const ordered = await client.order({ commonName: "shop.example.net", altNames: ["www.shop.example.net"], csr });
    expect(ordered).toMatchObject({
      provider: "zerossl",
      commonName: "shop.example.net",
      altNames: ["www.shop.example.net"],
      status: "awaiting_validation",
      providerStatus: "draft",
    });
    expect(ordered.id).toMatch(/^[0-9a-f]{32}$/);
    expect(requests).toEqual(["POST /certificates"]);

    // A draft offers the CNAME record and the file for each name.
    const validation = await client.validation(ordered.id);
    expect(validation.map((entry) => `${entry.domain} ${entry.method} ${entry.status}`)).toEqual([
      "shop.example.net dns waiting",
      "shop.example.net file waiting",
      "www.shop.example.net dns waiting",
      "www.shop.example.net file waiting",
    ]);
    const records = validation.filter((entry) => entry.method === "dns").map((entry) => entry.dns!);
    expect(records[0]).toMatchObject({
      type: "CNAME",
      name: expect.stringMatching(/^_[0-9A-F]{32}\.shop\.example\.net$/),
    });

    // Nothing published: neither the CNAME check nor the file check passes, and the draft stays a draft.
    await expect(client.confirmValidation(ordered.id)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      provider: "zerossl",
      providerCode: "domain_control_validation_failed",
      body: { error: { details: { "shop.example.net": { file_found: 0 } } } },
    });
    expect((await client.get(ordered.id)).status).toBe("awaiting_validation");
    await expect(client.download(ordered.id)).rejects.toMatchObject({ providerCode: "certificate_not_issued" });

    // One record of two is not enough.
    sandbox.dns.add("CNAME", records[0]!.name, records[0]!.value);
    await expect(client.confirmValidation(ordered.id)).rejects.toMatchObject({
      providerCode: "domain_control_validation_failed",
    });
    sandbox.dns.add("CNAME", records[1]!.name, `${records[1]!.value}.`);
    requests = [];
    const confirmed = await client.confirmValidation(ordered.id);
    expect(confirmed).toMatchObject({ status: "processing", providerStatus: "pending_validation" });
    expect(requests).toEqual([`GET /certificates/${ordered.id}`, `POST /certificates/${ordered.id}/challenges`]);
    expect(confirmed.validation.map((entry) => entry.method)).toEqual(["dns", "dns"]);

    sandbox.clock.advance(ISSUANCE_DELAY_MS);
    const issued = await client.get(ordered.id);
    expect(issued).toMatchObject({ status: "issued", providerStatus: "issued" });
    expect(issued.validUntil).toBe("2026-05-30T12:01:00Z");
    const bundle = await client.download(ordered.id);
    const verified = await sandbox.ca.verifyChain(
      [bundle.certificate, ...bundle.chain].join("\n"),
      sandbox.clock.now(),
    );
    expect(verified).toMatchObject({ ok: true, names: ["shop.example.net", "www.shop.example.net"] });

    // Confirming again changes nothing; revoking an issued certificate works, cancelling it does not.
    expect((await client.confirmValidation(ordered.id)).status).toBe("issued");
    await expect(client.cancel(ordered.id)).rejects.toMatchObject({ providerCode: "certificate_cannot_be_cancelled" });
    expect(await client.revoke(ordered.id, { reason: "keyCompromise" })).toMatchObject({ status: "revoked" });

    // ZeroSSL's own expiry.
    sandbox.clock.advance(120 * 86_400_000);
    expect((await client.get(ordered.id)).status).toBe("revoked");
  });

  it("validates by file when the files are served instead of the CNAME records", async () => {
    const client = clientWith();
    const { csr } = await generateCsr({ commonName: "files.example.net" });
    const ordered = await client.order({ commonName: "files.example.net", csr, validationMethod: "file" });
    const file = ordered.validation.find((entry) => entry.method === "file")!.file!;
    expect(file.url).toMatch(/^http:\/\/files\.example\.net\/\.well-known\/pki-validation\/[0-9A-F]{32}\.txt$/);
    sandbox.web.publish(file.url, "not the content");
    await expect(client.confirmValidation(ordered.id)).rejects.toMatchObject({
      providerCode: "domain_control_validation_failed",
      body: { error: { details: { "files.example.net": { file_found: 1, error_slug: "invalid_file_content" } } } },
    });
    sandbox.web.publish(file.url, `${file.content}\n`);
    const confirmed = await client.confirmValidation(ordered.id);
    expect(confirmed).toMatchObject({ status: "processing", validation: [{ method: "file", status: "pending" }] });
    sandbox.clock.advance(ISSUANCE_DELAY_MS);
    expect((await client.get(ordered.id)).status).toBe("issued");
  });

  it("validates by e-mail: the order mails the approvers, and their approval issues the certificate", async () => {
    const client = clientWith();
    const { csr } = await generateCsr({ commonName: "mail.example.net" });
    const ordered = await client.order({
      commonName: "mail.example.net",
      csr,
      validationMethod: "email",
      approverEmail: "hostmaster@mail.example.net",
    });
    expect(ordered).toMatchObject({
      status: "processing",
      providerStatus: "pending_validation",
      validation: [{ domain: "mail.example.net", method: "email", status: "pending" }],
    });
    expect(requests).toEqual(["POST /certificates", `POST /certificates/${ordered.id}/challenges`]);
    const [email] = sandbox.mail.inbox("hostmaster@mail.example.net");
    expect(email).toBeDefined();
    sandbox.clock.advance(ISSUANCE_DELAY_MS);
    expect((await client.get(ordered.id)).status).toBe("processing");
    sandbox.mail.approve(email!.code, sandbox.clock.now());
    expect((await client.get(ordered.id)).status).toBe("processing");
    sandbox.clock.advance(ISSUANCE_DELAY_MS);
    expect((await client.get(ordered.id)).status).toBe("issued");
  });

  it("cancels a draft, lists every certificate a page at a time, and finds a lost order", async () => {
    const client = clientWith({ pageSize: 1 });
    const { csr } = await generateCsr({ commonName: "lost.example.net" });
    const ordered = await client.order({ commonName: "lost.example.net", csr });
    const found = await clientWith().findOrders({
      provider: "zerossl",
      commonName: "lost.example.net",
      altNames: [],
      sentAt: START.toISOString(),
    });
    expect(found.map((order) => order.id)).toEqual([ordered.id]);
    expect(await client.cancel(ordered.id)).toMatchObject({ status: "cancelled", providerStatus: "cancelled" });
    requests = [];
    const listed = await collect(client.list());
    expect(listed.map((order) => order.id)).toContain(ordered.id);
    // With a total count, the last page is known: one request per certificate at a page size of 1.
    expect(requests.filter((request) => request === "GET /certificates").length).toBe(listed.length);
  });

  it("asks for exactly the ordered names (strict_domains), so a create whose answer is lost is found again", async () => {
    const sent: unknown[] = [];
    // ZeroSSL creates the certificate; a gateway loses its answer.
    const losingCreate = async (request: Request) => {
      if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/certificates"))
        return globalThis.fetch(request);
      sent.push(await request.clone().json());
      await globalThis.fetch(request);
      return new Response("<html><body>Bad gateway</body></html>", {
        status: 502,
        headers: { "content-type": "text/html" },
      });
    };
    const client = clientWith({ fetch: losingCreate });
    const { csr } = await generateCsr({ commonName: "strict.example.net" });
    const error = await client.order({ commonName: "strict.example.net", csr }).catch((failure: unknown) => failure);
    expect(sent).toEqual([expect.objectContaining({ certificate_domains: "strict.example.net", strict_domains: 1 })]);
    expect(error).toBeInstanceOf(OrderNotConfirmedError);
    const [placed] = sandbox.simulators.zerossl.snapshot().certificates;
    expect(placed).toMatchObject({ commonName: "strict.example.net", additionalDomains: [] });
    const found = await (error as OrderNotConfirmedError).findOrders({ maxWaitMs: 0 });
    expect(found.map((order) => order.id)).toEqual([placed!.id]);
  });
});

describe("zerossl adapter: input and errors", () => {
  it("declares what ZeroSSL can do", () => {
    expect(clientWith().capabilities).toEqual(ZEROSSL_CAPABILITIES);
    expect(ZEROSSL_CAPABILITIES).toMatchObject({
      renew: false,
      reissue: false,
      cancel: true,
      revoke: true,
      csr: "required",
    });
  });

  it.each([
    ["no CSR", { commonName: "shop.example.net" }, /csr/],
    ["a client reference", { commonName: "shop.example.net", clientReference: "r-1" }, /clientReference/],
    ["a product", { commonName: "shop.example.net", product: "x" }, /product/],
    [
      "an approver without e-mail validation",
      { commonName: "shop.example.net", approverEmail: "a@example.net" },
      /approverEmail/,
    ],
  ])("refuses an order with %s before any request", async (_, request, field) => {
    const client = clientWith();
    const { csr } = await generateCsr({ commonName: "shop.example.net" });
    const withCsr = "commonName" in request && _ !== "no CSR" ? { ...request, csr } : request;
    const error = await client.order(withCsr as never).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ code: "INVALID_INPUT", provider: "zerossl" });
    expect(String((error as Error).message)).toMatch(field);
    expect(requests).toEqual([]);
  });

  it.each([
    ["validityDays", { validityDays: 30 }],
    ["pageSize", { pageSize: 101 }],
    ["accessKey", { accessKey: "" }],
  ])("refuses a malformed %s option", (_, options) => {
    expect(() => clientWith(options as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });

  it("refuses an unknown revocation reason and a hostile id before any request", async () => {
    const client = clientWith();
    await expect(client.revoke("0123", { reason: "because" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(client.get("../ca_certificates")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(requests).toEqual([]);
  });

  it("maps ZeroSSL's errors sent with HTTP 200: an unknown id is NOT_FOUND, a wrong key AUTH, without the key", async () => {
    await expect(clientWith().get("0123456789abcdef0123456789abcdef")).rejects.toMatchObject({
      code: "NOT_FOUND",
      providerCode: "certificate_not_found",
    });
    const wrong = await clientWith({ accessKey: "wrong-key-value" })
      .get("0123456789abcdef0123456789abcdef")
      .catch((error: unknown) => error);
    expect(wrong).toMatchObject({ code: "AUTH", status: 401, providerCode: "invalid_access_key" });
    expect(JSON.stringify(wrong)).not.toContain("wrong-key-value");
  });

  it.each([
    ["internal_server_error", 111],
    ["internal_error_failed_creating_certificate", 2821],
  ])(
    "a create that ZeroSSL answers with a failure on its side (%s, HTTP 200) is unconfirmed: one purchase, found again",
    async (type, code) => {
      // ZeroSSL creates the certificate, then answers its error with HTTP 200.
      const failingCreate = async (request: Request) => {
        const answer = await globalThis.fetch(request);
        const create = request.method === "POST" && new URL(request.url).pathname.endsWith("/certificates");
        return create ? Response.json({ success: false, error: { code, type } }) : answer;
      };
      const client = clientWith({ fetch: failingCreate });
      const { csr } = await generateCsr({ commonName: "busy.example.net" });
      const error = await client.order({ commonName: "busy.example.net", csr }).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(OrderNotConfirmedError);
      expect(error).toMatchObject({
        code: "PROVIDER",
        providerCode: type,
        effectUnknown: true,
        retryable: false,
        recovery: { provider: "zerossl", commonName: "busy.example.net", altNames: [] },
      });
      expect(requests).toEqual(["POST /certificates"]);
      expect(sandbox.simulators.zerossl.orderCount()).toBe(1);
      const found = await (error as OrderNotConfirmedError).findOrders({ maxWaitMs: 0 });
      expect(found.map((order) => order.commonName)).toEqual(["busy.example.net"]);
      expect(requests.filter((request) => request === "POST /certificates")).toHaveLength(1);
    },
  );

  it("a create refused for its input (HTTP 200) is a plain refusal, not an unconfirmed order", async () => {
    const refusingCreate = async (request: Request) =>
      request.method === "POST" && new URL(request.url).pathname.endsWith("/certificates")
        ? Response.json({ success: false, error: { code: 2808, type: "invalid_certificate_domain" } })
        : globalThis.fetch(request);
    const client = clientWith({ fetch: refusingCreate });
    const { csr } = await generateCsr({ commonName: "shop.example.net" });
    const error = await client.order({ commonName: "shop.example.net", csr }).catch((failure: unknown) => failure);
    expect(error).not.toBeInstanceOf(OrderNotConfirmedError);
    expect(error).toMatchObject({ providerCode: "invalid_certificate_domain", status: 400, effectUnknown: false });
    expect(requests).toEqual(["POST /certificates"]);
  });
});
