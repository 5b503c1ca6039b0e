import "reflect-metadata";
import { collect, useMswServer } from "@certkit/test-kit";
import * as x509 from "@peculiar/x509";
import { generateCsr, SandboxClock, setupSandbox, type MswSandbox } from "@certkit/sandbox";
import { beforeEach, describe, expect, it } from "vitest";
import {
  dnsimpleV1,
  DNSIMPLE_V1_CAPABILITIES,
  type DnsimpleV1AdapterOptions,
} from "../../src/providers/dnsimple-v1/index.js";
import { createCertificateClient, OrderIncompleteError, type CertificateOrder } from "../../src/index.js";

const START = new Date("2026-03-01T12:00:00Z");
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const APPROVERS = (domain: string) =>
  ["admin", "administrator", "hostmaster", "postmaster", "webmaster"].map((box) => `${box}@${domain}`);

const { server } = useMswServer();

let sandbox: MswSandbox;
/** Every request the adapter sent, as `METHOD /path` under the v1 base URL. */
let requests: string[];

beforeEach(async () => {
  sandbox = await setupSandbox(server, {
    clock: new SandboxClock({ frozenAt: START }),
    "dnsimple-v1": { issuanceDelayMs: MINUTE_MS },
  });
  requests = [];
});

function options(overrides: Partial<DnsimpleV1AdapterOptions> = {}): DnsimpleV1AdapterOptions {
  const base = sandbox.clientOptions("dnsimple-v1");
  return {
    ...base,
    contactId: 1,
    retry: false,
    fetch: (request: Request) => {
      requests.push(`${request.method} ${new URL(request.url).pathname.replace(new URL(base.baseUrl).pathname, "")}`);
      return fetch(request);
    },
    ...overrides,
  };
}

const clientWith = (overrides: Partial<DnsimpleV1AdapterOptions> = {}) =>
  createCertificateClient(dnsimpleV1(options(overrides)), { now: () => sandbox.clock.now() });

/** Approves the one approval email sent to `to`, as the approver clicking its link. */
function approve(to: string): void {
  const [email, ...others] = sandbox.mail.inbox(to);
  expect(others).toEqual([]);
  expect(sandbox.mail.approve(email!.code, sandbox.clock.now())).toBe(true);
}

describe("dnsimpleV1 adapter over the sandbox", () => {
  it("orders without a CSR (DNSimple makes the key), is approved by email, issues, downloads the key, and expires", async () => {
    const client = clientWith();
    const ordered = await client.order({ commonName: "www.example.com", validationMethod: "email" });
    expect(requests).toEqual([
      "GET /domains",
      "POST /domains/example.com/certificates",
      "PUT /domains/example.com/certificates/1/configure",
      "PUT /domains/example.com/certificates/1/submit",
    ]);
    expect(ordered).toMatchObject({
      provider: "dnsimple-v1",
      id: "example.com/1",
      commonName: "www.example.com",
      altNames: [],
      status: "awaiting_validation",
      providerStatus: "submitted",
      createdAt: "2026-03-01T12:00:00.000Z",
      updatedAt: "2026-03-01T12:00:00.000Z",
    });
    expect(ordered.message).toMatch(/^Submitted: the CA mailed the approver/);
    expect(ordered.validFrom).toBeUndefined();
    expect(ordered.validUntil).toBeUndefined();
    expect(ordered.product).toBeUndefined();
    expect(ordered.validation).toEqual([
      { domain: "www.example.com", method: "email", status: "waiting", email: { approvers: ["admin@example.com"] } },
    ]);
    expect((ordered.raw as { approver_emails: string[] }).approver_emails).toEqual(APPROVERS("example.com"));

    // What to do: the approver the CA mailed (the first one DNSimple offered, as no approverEmail was given).
    expect(await client.validation(ordered.id)).toEqual(ordered.validation);
    const [email] = sandbox.mail.inbox("admin@example.com");
    expect(email?.subject).toBe("Approve the SSL certificate for www.example.com");

    // Time alone does nothing: the approver has not clicked.
    sandbox.clock.advance(DAY_MS);
    expect(await client.get(ordered.id)).toMatchObject({ status: "awaiting_validation", providerStatus: "submitted" });

    approve("admin@example.com");
    sandbox.clock.advance(MINUTE_MS - 1);
    expect((await client.get(ordered.id)).status).toBe("awaiting_validation");
    sandbox.clock.advance(1);
    const issued = await client.get(ordered.id);
    expect(issued).toMatchObject({
      id: "example.com/1",
      commonName: "www.example.com",
      altNames: [],
      status: "issued",
      providerStatus: "issued",
      validUntil: "2027-03-02T00:00:00.000Z",
      updatedAt: "2026-03-02T12:01:00.000Z",
      validation: [
        { domain: "www.example.com", method: "email", status: "valid", email: { approvers: ["admin@example.com"] } },
      ],
    });
    expect(issued.message).toBeUndefined();

    const bundle = await client.download(ordered.id);
    const now = sandbox.clock.now();
    expect(await sandbox.ca.verifyChain(bundle.certificate + bundle.chain.join(""), now)).toMatchObject({
      ok: true,
      names: ["www.example.com"],
    });
    expect(new x509.X509Certificate(bundle.certificate).subject).toBe("CN=www.example.com");
    expect(bundle.chain.map((pem) => new x509.X509Certificate(pem).subject)).toEqual([
      "CN=certkit Sandbox Issuing CA, O=certkit sandbox",
    ]);
    expect(bundle.root).toBeUndefined();
    expect(bundle.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    // The key comes only from download(): an order, which gets shown and logged, does not carry it.
    expect(issued.raw).not.toHaveProperty("private_key");
    // The key handed out is the certificate's: what it signs, the certificate's public key verifies.
    const algorithm = { name: "ECDSA", namedCurve: "P-256" };
    const key = await crypto.subtle.importKey(
      "pkcs8",
      x509.PemConverter.decodeFirst(bundle.privateKey!),
      algorithm,
      false,
      ["sign"],
    );
    const signed = new TextEncoder().encode("dnsimple-v1");
    const signature = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key, signed);
    const publicKey = await new x509.X509Certificate(bundle.certificate).publicKey.export(algorithm, ["verify"]);
    expect(await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey, signature, signed)).toBe(true);

    // Past its end date (the start of expires_on, the earlier bound) the client shows it expired; DNSimple still says issued.
    sandbox.clock.advance(Date.parse("2027-03-02T00:00:00Z") - sandbox.clock.now().getTime() - 1);
    expect((await client.get(ordered.id)).status).toBe("issued");
    sandbox.clock.advance(1);
    expect(await client.get(ordered.id)).toMatchObject({ status: "expired", providerStatus: "issued" });
    expect((await collect(client.list())).map((order) => [order.id, order.status])).toEqual([
      ["example.com/1", "expired"],
    ]);
  });

  it("orders the domain itself with the customer's CSR and the approver asked for; hands out no key", async () => {
    const client = clientWith();
    const { csr } = await generateCsr({ commonName: "example.org", keyType: "rsa-2048" });
    const ordered = await client.order({
      commonName: "example.org",
      csr,
      validationMethod: "email",
      approverEmail: "Hostmaster@example.org",
    });
    expect(ordered).toMatchObject({
      id: "example.org/1",
      commonName: "example.org",
      status: "awaiting_validation",
      providerStatus: "submitted",
      validation: [
        { domain: "example.org", method: "email", status: "waiting", email: { approvers: ["hostmaster@example.org"] } },
      ],
    });
    // What was sent is the request re-encoded: the same DER.
    expect((ordered.raw as { csr: string; name: string }).csr.trim()).toBe(csr.trim());
    expect((ordered.raw as { name: string }).name).toBe("");
    expect(sandbox.mail.inbox("admin@example.org")).toEqual([]);

    approve("hostmaster@example.org");
    sandbox.clock.advance(MINUTE_MS);
    expect(await client.get(ordered.id)).toMatchObject({ status: "issued", validUntil: "2027-03-01T00:00:00.000Z" });
    const bundle = await client.download(ordered.id);
    expect(bundle.privateKey).toBeUndefined();
    expect(await sandbox.ca.verifyChain(bundle.certificate + bundle.chain.join(""), sandbox.clock.now())).toMatchObject(
      {
        ok: true,
        subject: "CN=example.org",
        names: ["example.org"],
      },
    );
  });

  it("orders a wildcard as name * under its domain", async () => {
    const client = clientWith({ domains: ["example.com"] });
    const ordered = await client.order({
      commonName: "*.example.com",
      validationMethod: "email",
      approverEmail: "webmaster@example.com",
    });
    expect(requests[0]).toBe("POST /domains/example.com/certificates");
    expect(ordered).toMatchObject({
      id: "example.com/1",
      commonName: "*.example.com",
      validation: [{ domain: "*.example.com", email: { approvers: ["webmaster@example.com"] } }],
    });
    expect((ordered.raw as { name: string }).name).toBe("*");
    approve("webmaster@example.com");
    sandbox.clock.advance(MINUTE_MS);
    const bundle = await client.download(ordered.id);
    expect(await sandbox.ca.verifyChain(bundle.certificate + bundle.chain.join(""), sandbox.clock.now())).toMatchObject(
      { ok: true, names: ["*.example.com"] },
    );
  });

  it("lists every order, one domain's certificates at a time", async () => {
    const client = clientWith();
    for (const commonName of [
      "www.example.com",
      "shop.example.com",
      "example.com",
      "www.example.org",
      "mail.example.org",
    ]) {
      await client.order({ commonName, validationMethod: "email" });
    }
    requests = [];
    const iterator = client.list()[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toMatchObject({
      id: "example.com/1",
      commonName: "www.example.com",
      status: "awaiting_validation",
    });
    // Only the first domain's certificates have been read so far.
    expect(requests).toEqual(["GET /domains", "GET /domains/example.com/certificates"]);
    const rest: CertificateOrder[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) rest.push(next.value);
    expect(requests).toEqual([
      "GET /domains",
      "GET /domains/example.com/certificates",
      "GET /domains/example.org/certificates",
    ]);
    expect([first.value as CertificateOrder, ...rest].map((order) => [order.id, order.commonName])).toEqual([
      ["example.com/1", "www.example.com"],
      ["example.com/2", "shop.example.com"],
      ["example.com/3", "example.com"],
      ["example.org/4", "www.example.org"],
      ["example.org/5", "mail.example.org"],
    ]);

    // With the domains option, only those are walked and GET /domains is not sent.
    requests = [];
    const onlyOrg = await collect(clientWith({ domains: ["Example.org."] }).list());
    expect(onlyOrg.map((order) => order.id)).toEqual(["example.org/4", "example.org/5"]);
    expect(requests).toEqual(["GET /domains/example.org/certificates"]);
  });

  it("shows the sandbox's demo orders: issued, configured (not submitted) and cancelled", async () => {
    await sandbox.seed();
    const orders = await collect(clientWith().list());
    expect(orders.map((order) => [order.id, order.commonName, order.status, order.providerStatus])).toEqual([
      ["example.com/1", "www.example.com", "issued", "issued"],
      ["example.com/2", "shop.example.com", "awaiting_validation", "configured"],
      ["example.org/3", "www.example.org", "cancelled", "cancelled"],
    ]);
    const [issued, configured, cancelled] = orders;
    expect(issued).toMatchObject({ validUntil: "2026-12-31T00:00:00.000Z" });
    expect(configured!.message).toMatch(/^Configured, not submitted/);
    expect(configured!.validation).toEqual([
      {
        domain: "shop.example.com",
        method: "email",
        status: "waiting",
        email: { approvers: APPROVERS("example.com") },
      },
    ]);
    expect(cancelled!.validation).toEqual([
      { domain: "www.example.org", method: "email", status: "unknown", email: { approvers: [] } },
    ]);
    await expect(clientWith().download(cancelled!.id)).rejects.toMatchObject({
      code: "CONFLICT",
      provider: "dnsimple-v1",
    });
  });

  it("checks an order before any request: method, names, product, years, domain", async () => {
    const client = clientWith({ domains: ["example.com"] });
    const rejected = (request: Parameters<typeof client.order>[0]) => client.order(request);
    await expect(rejected({ commonName: "www.example.com", validationMethod: "dns" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { validationMethod: ["must be one of email for dnsimple-v1"] },
    });
    await expect(
      rejected({ commonName: "www.example.com", validationMethod: "email", altNames: ["shop.example.com"] }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { altNames: ["holds too many names: dnsimple-v1 takes at most 1 with the common name"] },
    });
    await expect(
      rejected({ commonName: "www.example.com", validationMethod: "email", years: 2 }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { years: ["must be one of 1 for dnsimple-v1"] },
    });
    await expect(
      rejected({ commonName: "www.example.com", validationMethod: "email", product: "wildcard" }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { product: [expect.stringMatching(/^is not taken: DNSimple v1 sells one kind of certificate/)] },
    });
    await expect(rejected({ commonName: "www.example.net", validationMethod: "email" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { commonName: ["must be one of the account's domains or a name under one (example.com)"] },
    });
    const { csr } = await generateCsr({ commonName: "other.example.com" });
    await expect(rejected({ commonName: "www.example.com", validationMethod: "email", csr })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { csr: [expect.stringMatching(/^does not name www.example.com/)] },
    });
    expect(requests).toEqual([]);
  });

  it("refuses an approver DNSimple does not offer, naming the certificate left configured in a typed field", async () => {
    const client = clientWith();
    const failure = client.order({
      commonName: "www.example.com",
      validationMethod: "email",
      approverEmail: "someone@example.net",
    });
    await expect(failure).rejects.toBeInstanceOf(OrderIncompleteError);
    await expect(failure).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      provider: "dnsimple-v1",
      effectUnknown: true,
      retryable: false,
      fieldErrors: {
        approverEmail: [
          `must be one of the addresses DNSimple offers for www.example.com: ${APPROVERS("example.com").join(", ")}`,
        ],
      },
      created: { id: "example.com/1", failedStep: "submit", providerIds: { certificateId: 1 } },
    });
    await expect(failure).rejects.toThrow(/example\.com\/1 was bought, but its submit step failed/);
    expect(requests.at(-1)).toBe("PUT /domains/example.com/certificates/1/configure");
    expect(await client.get("example.com/1")).toMatchObject({
      status: "awaiting_validation",
      providerStatus: "configured",
    });
    expect(sandbox.mail.inbox()).toEqual([]);
  });

  it("rejects what v1 cannot do with UNSUPPORTED, sending nothing", async () => {
    const client = clientWith() as unknown as Record<string, (id: string) => Promise<unknown>>;
    for (const operation of ["confirmValidation", "renew", "reissue", "cancel", "revoke"]) {
      expect(DNSIMPLE_V1_CAPABILITIES[operation as keyof typeof DNSIMPLE_V1_CAPABILITIES]).toBe(false);
      await expect(client[operation]!("example.com/1")).rejects.toMatchObject({
        code: "UNSUPPORTED",
        provider: "dnsimple-v1",
        message: `dnsimple-v1 does not support ${operation}`,
      });
    }
    expect(requests).toEqual([]);
  });

  it("surfaces DNSimple's errors as CertkitError", async () => {
    const client = clientWith();
    await expect(client.get("example.com/999")).rejects.toMatchObject({
      code: "NOT_FOUND",
      provider: "dnsimple-v1",
      status: 404,
      message: expect.stringContaining("Couldn't find Certificate with id=999"),
    });
    await expect(client.get("example.net/1")).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
    await expect(client.get("not-an-id")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { id: [expect.any(String)] },
    });
    await expect(client.validation("example.com/x")).rejects.toMatchObject({ code: "INVALID_INPUT" });

    const wrong = clientWith({ token: "not-the-token" });
    await expect(wrong.get("example.com/1")).rejects.toMatchObject({ code: "AUTH", status: 401 });
    await expect(collect(wrong.list())).rejects.toMatchObject({ code: "AUTH", status: 401 });
    await expect(wrong.order({ commonName: "www.example.com", validationMethod: "email" })).rejects.toMatchObject({
      code: "AUTH",
    });

    // A contact the account does not have: DNSimple's 404 on the purchase.
    await expect(
      clientWith({ contactId: 7 }).order({ commonName: "www.example.com", validationMethod: "email" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("Couldn't find Contact with id=7"),
    });
    // A name already bought: 406.
    await client.order({ commonName: "www.example.com", validationMethod: "email" });
    await expect(client.order({ commonName: "www.example.com", validationMethod: "email" })).rejects.toMatchObject({
      code: "CONFLICT",
      status: 406,
    });

    // Not issued yet: nothing to download.
    await expect(client.download("example.com/1")).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "dnsimple-v1: certificate example.com/1 holds no signed certificate yet (state submitted): download it once it is issued",
    });
  });

  it("never repeats a purchase that failed without a clear answer", async () => {
    sandbox.faults.add({
      provider: "dnsimple-v1",
      method: "POST",
      route: "/domains/{domain}/certificates",
      status: 502,
    });
    const client = clientWith({ retry: { baseDelayMs: 1 } });
    await expect(client.order({ commonName: "www.example.com", validationMethod: "email" })).rejects.toMatchObject({
      code: "PROVIDER",
      status: 502,
      effectUnknown: true,
    });
    expect(sandbox.faults.list()[0]?.hits).toBe(1);
  });

  it("aborts with ABORTED", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(clientWith().get("example.com/1", { signal: controller.signal })).rejects.toMatchObject({
      code: "ABORTED",
    });
  });

  it("checks its own options when made", () => {
    const base = sandbox.clientOptions("dnsimple-v1");
    expect(() => dnsimpleV1({ ...base, contactId: 0 })).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => dnsimpleV1({ ...base } as DnsimpleV1AdapterOptions)).toThrow(/option "contactId"/);
    expect(() => dnsimpleV1({ ...base, contactId: 1, domains: [] })).toThrow(
      /option "domains" must be a non-empty array/,
    );
    expect(() => dnsimpleV1({ ...base, contactId: 1, domains: ["*.example.com"] })).toThrow(
      /"domains\[0\]" must not be a wildcard/,
    );
    expect(() => dnsimpleV1({ ...base, token: "", contactId: 1 })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
    expect(dnsimpleV1({ ...base, contactId: 1 }).productLimits(undefined)).toEqual({
      id: "dnsimple-v1",
      maxNames: 1,
      wildcard: true,
      years: [1],
    });
    expect(dnsimpleV1({ ...base, contactId: 1 }).productLimits("anything")).toBeUndefined();
  });
});
