import { createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import { generateCsr, SandboxClock, setupSandbox, type MswSandbox } from "@certkit/sandbox";
import { collect, useMswServer } from "@certkit/test-kit";
import { beforeEach, describe, expect, it, onTestFinished } from "vitest";
import {
  DNSIMPLE_CAPABILITIES,
  DNSIMPLE_LETSENCRYPT_LIMITS,
  dnsimple,
  dnsimpleProductLimits,
  encodeDnsimpleOrderId,
  type DnsimpleAdapterOptions,
} from "../../src/providers/dnsimple/index.js";
import { createCertificateClient } from "../../src/index.js";

const { server } = useMswServer();

const START = new Date("2026-03-01T12:00:00Z");
const ISSUANCE_DELAY_MS = 60_000;
const DAY_MS = 86_400_000;
const ACCOUNT = 1010;

let sandbox: MswSandbox;
/** Every request the adapter sent, as `METHOD path` (the base URL cut off). */
let requests: string[];

beforeEach(async () => {
  sandbox = await setupSandbox(server, {
    clock: new SandboxClock({ frozenAt: START }),
    dnsimple: { issuanceDelayMs: ISSUANCE_DELAY_MS },
  });
  requests = [];
});

type DnsimpleOptionsExtra = Partial<Omit<DnsimpleAdapterOptions, "token" | "email" | "password">> & { token?: string };

function clientWith(extra: DnsimpleOptionsExtra = {}) {
  const base = sandbox.baseUrl("dnsimple");
  const adapter = dnsimple({
    ...sandbox.clientOptions("dnsimple"),
    retry: false,
    onEvent: (event) => {
      if (event.type === "request") requests.push(`${event.method} ${event.url.replace(base, "")}`);
    },
    ...extra,
  });
  return createCertificateClient(adapter, { now: () => sandbox.clock.now() });
}

/** The SPKI PEM of a private key, to match it with a certificate's public key. */
function publicKeyOfPrivate(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: "spki", format: "pem" }).toString();
}

function publicKeyOfCertificate(certificatePem: string): string {
  return new X509Certificate(certificatePem).publicKey.export({ type: "spki", format: "pem" }).toString();
}

describe("dnsimple adapter: lifecycle", () => {
  it("orders Let's Encrypt, shows DNSimple's own DNS validation, issues, downloads a verified bundle with the key, renews and expires", async () => {
    const client = clientWith();
    const ordered = await client.order({ commonName: "www.example.com", altNames: ["example.com"] });
    expect(ordered).toMatchObject({
      provider: "dnsimple",
      id: "1010/example.com/100001",
      commonName: "www.example.com",
      altNames: ["example.com"],
      status: "processing",
      providerStatus: "requesting",
      product: "letsencrypt",
      createdAt: "2026-03-01T12:00:00Z",
    });
    expect(ordered.validUntil).toBeUndefined();
    expect(requests).toEqual([
      "GET /whoami",
      "GET /1010/domains?page=1&per_page=100",
      "POST /1010/domains/example.com/certificates/letsencrypt",
      "POST /1010/domains/example.com/certificates/letsencrypt/100001/issue",
    ]);

    // Nothing to publish: DNSimple hosts the zone and put the ACME challenge records there itself.
    const expectedValidation = [
      { domain: "www.example.com", method: "dns", status: "pending" },
      { domain: "example.com", method: "dns", status: "pending" },
    ];
    expect(ordered.validation).toEqual(expectedValidation);
    expect(await client.validation(ordered.id)).toEqual(expectedValidation);
    expect(sandbox.dns.lookupTxt("_acme-challenge.www.example.com")).toHaveLength(1);
    expect(sandbox.dns.lookupTxt("_acme-challenge.example.com")).toHaveLength(1);
    await expect((client as any).confirmValidation(ordered.id)).rejects.toMatchObject({
      code: "UNSUPPORTED",
      provider: "dnsimple",
    });

    sandbox.clock.advance(ISSUANCE_DELAY_MS - 1);
    expect(await client.get(ordered.id)).toMatchObject({ status: "processing", providerStatus: "requesting" });
    sandbox.clock.advance(1);
    const issued = await client.get(ordered.id);
    expect(issued).toMatchObject({
      id: ordered.id,
      status: "issued",
      providerStatus: "issued",
      validUntil: "2026-05-30T12:01:00Z",
      updatedAt: "2026-03-01T12:01:00Z",
      validation: [
        { domain: "www.example.com", method: "dns", status: "valid" },
        { domain: "example.com", method: "dns", status: "valid" },
      ],
    });
    expect(issued.message).toBeUndefined();
    expect((issued.raw as { expires_on: string }).expires_on).toBe("2026-05-30");

    const bundle = await client.download(ordered.id);
    expect(bundle.chain).toHaveLength(1);
    expect(bundle.root).toBeUndefined(); // DNSimple sends `root: null`
    expect(await sandbox.ca.verifyChain(bundle.certificate + bundle.chain.join(""), sandbox.clock.now())).toMatchObject(
      {
        ok: true,
        subject: "CN=www.example.com",
        names: ["www.example.com", "example.com"],
      },
    );
    expect(new X509Certificate(bundle.chain[0]!).subject).toBe(new X509Certificate(bundle.certificate).issuer);
    expect(bundle.privateKey).toContain("-----BEGIN PRIVATE KEY-----");
    expect(publicKeyOfPrivate(bundle.privateKey!)).toBe(publicKeyOfCertificate(bundle.certificate));

    // Renewal: a new certificate with its own id; the old one keeps serving.
    sandbox.clock.advance(60 * DAY_MS);
    requests = [];
    const renewed = await client.renew(ordered.id);
    expect(renewed).toMatchObject({
      id: "1010/example.com/100002",
      commonName: "www.example.com",
      altNames: ["example.com"],
      status: "processing",
      providerStatus: "requesting",
      validation: expectedValidation,
    });
    expect(requests).toEqual([
      "GET /1010/domains/example.com/certificates/100001",
      "POST /1010/domains/example.com/certificates/letsencrypt/100001/renewals",
      "POST /1010/domains/example.com/certificates/letsencrypt/100001/renewals/50001/issue",
    ]);
    expect(await client.get(ordered.id)).toMatchObject({ status: "issued" });
    await expect(client.renew(ordered.id)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      status: 400,
      provider: "dnsimple",
    });
    sandbox.clock.advance(ISSUANCE_DELAY_MS);
    const renewedIssued = await client.get(renewed.id);
    expect(renewedIssued).toMatchObject({ status: "issued", validUntil: "2026-07-29T12:02:00Z" });
    const renewedBundle = await client.download(renewed.id);
    expect(
      await sandbox.ca.verifyChain(renewedBundle.certificate + renewedBundle.chain.join(""), sandbox.clock.now()),
    ).toMatchObject({ ok: true });
    expect(renewedBundle.privateKey).not.toBe(bundle.privateKey);

    // The first certificate passes its end date: the client derives `expired`; DNSimple still says `issued`.
    sandbox.clock.advance(30 * DAY_MS);
    expect(await client.get(ordered.id)).toMatchObject({ status: "expired", providerStatus: "issued" });
    expect(await client.get(renewed.id)).toMatchObject({ status: "issued" });
  });

  it("keeps the old certificate's auto_renew on renewal unless the autoRenew setting says otherwise, and sends the key type", async () => {
    const bodies: Promise<unknown>[] = [];
    const recordBody = ({ request }: { request: Request }) => {
      if (request.method === "POST" && !request.url.endsWith("/issue")) bodies.push(request.clone().json());
    };
    server.events.on("request:start", recordBody);
    onTestFinished(() => server.events.removeListener("request:start", recordBody));
    const client = clientWith({
      autoRenew: true,
      signatureAlgorithm: "RSA",
      accountId: ACCOUNT,
      domains: ["example.com"],
    });
    const ordered = await client.order({ commonName: "shop.example.com" });
    expect((ordered.raw as { auto_renew: boolean }).auto_renew).toBe(true);
    sandbox.clock.advance(ISSUANCE_DELAY_MS);
    const key = (await client.download(ordered.id)).privateKey!;
    expect(createPrivateKey(key).asymmetricKeyType).toBe("rsa");
    requests = [];
    await client.renew(ordered.id);
    expect(requests).toEqual([
      "POST /1010/domains/example.com/certificates/letsencrypt/100001/renewals",
      "POST /1010/domains/example.com/certificates/letsencrypt/100001/renewals/50001/issue",
    ]);
    expect(await Promise.all(bodies)).toEqual([
      { name: "shop", alternate_names: [], auto_renew: true, signature_algorithm: "RSA" },
      { auto_renew: true, signature_algorithm: "RSA" },
    ]);
  });

  it("makes an ECDSA key by default and renews with the old auto_renew", async () => {
    const client = clientWith();
    const ordered = await client.order({ commonName: "example.org" });
    sandbox.clock.advance(ISSUANCE_DELAY_MS);
    expect(createPrivateKey((await client.download(ordered.id)).privateKey!).asymmetricKeyType).toBe("ec");
    const renewed = await client.renew(ordered.id);
    expect((renewed.raw as { auto_renew: boolean }).auto_renew).toBe(false);
  });

  it("orders a wildcard and the apex of a domain, buying the purchase names DNSimple expects", async () => {
    const client = clientWith();
    const wildcard = await client.order({ commonName: "*.example.org", altNames: ["example.org"] });
    expect(wildcard).toMatchObject({
      id: "1010/example.org/100001",
      commonName: "*.example.org",
      altNames: ["example.org"],
    });
    expect((wildcard.raw as { name: string }).name).toBe("*");
    const apex = await client.order({ commonName: "example.net" });
    expect(apex).toMatchObject({ id: "1010/example.net/100002", commonName: "example.net", altNames: [] });
    expect((apex.raw as { name: string }).name).toBe("");
    sandbox.clock.advance(ISSUANCE_DELAY_MS);
    const bundle = await client.download(wildcard.id);
    expect(await sandbox.ca.verifyChain(bundle.certificate + bundle.chain.join(""), sandbox.clock.now())).toMatchObject(
      {
        ok: true,
        names: ["*.example.org", "example.org"],
      },
    );
    expect(await client.get(apex.id)).toMatchObject({ status: "issued" });
  });

  it("shows a failed issuance as failed, with failed validations and a message", async () => {
    const client = clientWith();
    const ordered = await client.order({ commonName: "www.example.com" });
    sandbox.dns.removeTxt("_acme-challenge.www.example.com"); // Let's Encrypt will not find DNSimple's record
    sandbox.clock.advance(ISSUANCE_DELAY_MS);
    const failed = await client.get(ordered.id);
    expect(failed).toMatchObject({
      status: "failed",
      providerStatus: "failed",
      validation: [{ domain: "www.example.com", method: "dns", status: "failed" }],
    });
    expect(failed.message).toMatch(/did not issue/);
    await expect(client.download(ordered.id)).rejects.toMatchObject({ code: "PROVIDER", status: 412 });
    await expect(client.renew(ordered.id)).rejects.toMatchObject({ code: "VALIDATION_FAILED", status: 400 });
  });

  it("picks the most specific domain of the account that holds every name", async () => {
    sandbox = await setupSandbox(server, {
      clock: new SandboxClock({ frozenAt: START }),
      dnsimple: { domains: ["example.com", "shop.example.com"] },
    });
    const client = clientWith();
    expect((await client.order({ commonName: "a.shop.example.com", altNames: ["shop.example.com"] })).id).toBe(
      "1010/shop.example.com/100001",
    );
    expect((await client.order({ commonName: "a.shop.example.com", altNames: ["www.example.com"] })).id).toBe(
      "1010/example.com/100002",
    );
  });
});

describe("dnsimple adapter: ordering with a recovery", () => {
  const request = { commonName: "www.example.com", altNames: ["example.com"] };

  it("buys under the domain the recovery names, without listing the account's domains again", async () => {
    const certs = clientWith();
    const recovery = await certs.orderRecovery(request);
    expect(recovery.parent).toBe(`${ACCOUNT}/example.com`);
    expect(requests.filter((request) => request.startsWith(`GET /${ACCOUNT}/domains?`))).toHaveLength(1);
    requests = [];
    const order = await certs.order(request, { recovery });
    expect(order.id).toMatch(new RegExp(`^${ACCOUNT}/example\\.com/\\d+$`));
    expect(requests).toEqual([
      `POST /${ACCOUNT}/domains/example.com/certificates/letsencrypt`,
      expect.stringMatching(new RegExp(`^POST /${ACCOUNT}/domains/example\\.com/certificates/letsencrypt/\\d+/issue$`)),
    ]);
  });

  it("looks the domain up again when the recovery names another account's", async () => {
    const certs = clientWith();
    const recovery = await certs.orderRecovery(request);
    requests = [];
    await certs.order(request, { recovery: { ...recovery, parent: "999/example.com" } });
    expect(requests[0]).toMatch(new RegExp(`^GET /${ACCOUNT}/domains\\?`));
    expect(sandbox.simulators.dnsimple.orderCount()).toBe(1);
  });
});

describe("dnsimple adapter: list", () => {
  it("yields every certificate of every domain, one page at a time, as the loop asks", async () => {
    await sandbox.seed(); // example.com: www issued, api new; example.org: www failed
    const client = clientWith({ pageSize: 2 });
    await client.order({ commonName: "a.example.com" });
    await client.order({ commonName: "b.example.com" });
    await client.order({ commonName: "c.example.net" });
    requests = [];

    const iterator = client.list()[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toMatchObject({
      id: "1010/example.com/100001",
      commonName: "www.example.com",
      status: "issued",
    });
    // The adapter knows its account from the orders above: no /whoami.
    expect(requests).toEqual([
      "GET /1010/domains?page=1&per_page=2",
      "GET /1010/domains/example.com/certificates?sort=id%3Aasc&page=1&per_page=2",
    ]);
    await iterator.return?.();

    requests = [];
    const orders = await collect(clientWith({ pageSize: 2 }).list());
    expect(orders.map((order) => [order.id, order.commonName, order.status, order.providerStatus])).toEqual([
      ["1010/example.com/100001", "www.example.com", "issued", "issued"],
      ["1010/example.com/100002", "api.example.com", "pending", "new"],
      ["1010/example.com/100004", "a.example.com", "processing", "requesting"],
      ["1010/example.com/100005", "b.example.com", "processing", "requesting"],
      ["1010/example.org/100003", "www.example.org", "failed", "failed"],
      ["1010/example.net/100006", "c.example.net", "processing", "requesting"],
    ]);
    expect(requests).toEqual([
      "GET /whoami",
      "GET /1010/domains?page=1&per_page=2",
      "GET /1010/domains/example.com/certificates?sort=id%3Aasc&page=1&per_page=2",
      "GET /1010/domains/example.com/certificates?sort=id%3Aasc&page=2&per_page=2",
      "GET /1010/domains/example.org/certificates?sort=id%3Aasc&page=1&per_page=2",
      "GET /1010/domains?page=2&per_page=2",
      "GET /1010/domains/example.net/certificates?sort=id%3Aasc&page=1&per_page=2",
    ]);
    // Every id it yields is one get() accepts.
    for (const order of orders) expect((await clientWith().get(order.id)).id).toBe(order.id);
  });

  it("walks only the domains given, with the account given (no /whoami, no domain list)", async () => {
    await sandbox.seed();
    const client = clientWith({ accountId: ACCOUNT, domains: ["Example.org."] });
    const orders = await collect(client.list());
    expect(orders.map((order) => order.id)).toEqual(["1010/example.org/100003"]);
    expect(requests).toEqual(["GET /1010/domains/example.org/certificates?sort=id%3Aasc&page=1&per_page=100"]);
  });

  it("asks /whoami once per adapter", async () => {
    const client = clientWith();
    await collect(client.list());
    await collect(client.list());
    expect(requests.filter((request) => request === "GET /whoami")).toHaveLength(1);
  });

  it("accepts ids made of a webhook's domain_id and certificate id", async () => {
    await sandbox.seed();
    const id = encodeDnsimpleOrderId({ account: ACCOUNT, domain: "5001", certificate: 100001 });
    expect(await clientWith().get(id)).toMatchObject({
      id: "1010/5001/100001",
      commonName: "www.example.com",
      status: "issued",
    });
  });
});

describe("dnsimple adapter: rate limit", () => {
  it("shows what DNSimple's last answer said of the account's budget, none before the first answer", async () => {
    sandbox = await setupSandbox(server, {
      clock: new SandboxClock({ frozenAt: START }),
      dnsimple: { rateLimit: { limit: 50, windowMs: 3_600_000 } },
    });
    const certs = clientWith();
    expect(certs.rateLimit).toBeUndefined();
    await collect(certs.list());
    const spent = requests.length;
    expect(spent).toBeGreaterThan(1);
    expect(certs.rateLimit).toMatchObject({
      limit: 50,
      remaining: 50 - spent,
      resetAt: new Date(START.getTime() + 3_600_000),
    });
  });
});

describe("dnsimple adapter: input checks", () => {
  it("declares its capabilities and product limits", () => {
    const client = clientWith();
    expect(client.capabilities).toBe(DNSIMPLE_CAPABILITIES);
    expect(DNSIMPLE_CAPABILITIES).toMatchObject({
      confirmValidation: false,
      reissue: false,
      cancel: false,
      revoke: false,
      csr: "none",
    });
    expect(dnsimpleProductLimits(undefined)).toEqual({ id: "letsencrypt", maxNames: 100, wildcard: true, years: [1] });
    expect(dnsimpleProductLimits("letsencrypt")).toBe(DNSIMPLE_LETSENCRYPT_LIMITS);
    expect(dnsimpleProductLimits("comodo")).toBeUndefined();
  });

  it("refuses what DNSimple cannot order before any request", async () => {
    const client = clientWith();
    const { csr } = await generateCsr({ commonName: "www.example.com" });
    await expect(client.order({ commonName: "www.example.com", csr })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { csr: [expect.stringMatching(/makes the key/)] },
    });
    await expect(client.order({ commonName: "www.example.com", years: 2 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { years: [expect.any(String)] },
    });
    await expect(client.order({ commonName: "www.example.com", validationMethod: "email" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { validationMethod: [expect.any(String)] },
    });
    await expect(client.order({ commonName: "www.example.com", product: "comodo" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      provider: "dnsimple",
      fieldErrors: { product: ["is not a product of dnsimple: one of letsencrypt"] },
    });
    const altNames = Array.from({ length: 100 }, (_, index) => `host${index}.example.com`);
    await expect(client.order({ commonName: "www.example.com", altNames })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { altNames: [expect.stringMatching(/at most 100/)] },
    });
    await expect(client.renew("1010/example.com/100001", { csr })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { csr: [expect.any(String)] },
    });
    await expect(client.get("100001")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { id: [expect.any(String)] },
    });
    expect(requests).toEqual([]);
  });

  it("refuses names outside the account's domains, naming the field, before buying", async () => {
    const client = clientWith();
    await expect(client.order({ commonName: "www.example.info" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { commonName: ["www.example.info is not a name under any domain of the DNSimple account"] },
    });
    await expect(
      client.order({ commonName: "www.example.com", altNames: ["api.example.com", "www.example.org"] }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "altNames[1]": [expect.stringMatching(/^www\.example\.org is not under example\.com/)] },
    });
    expect(requests.filter((request) => request.startsWith("POST"))).toEqual([]);
  });

  it("orders 100 names, the most Let's Encrypt takes", async () => {
    const client = clientWith({ accountId: ACCOUNT, domains: ["example.com"] });
    const altNames = Array.from({ length: 99 }, (_, index) => `host${index}.example.com`);
    const ordered = await client.order({ commonName: "www.example.com", altNames });
    expect(ordered.altNames).toHaveLength(99);
    expect(ordered.validation).toHaveLength(100);
  });

  it("checks its own options", () => {
    const base = sandbox.clientOptions("dnsimple");
    expect(() => dnsimple({ ...base, accountId: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", fieldErrors: { accountId: [expect.any(String)] } }),
    );
    expect(() => dnsimple({ ...base, domains: [] })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", fieldErrors: { domains: [expect.any(String)] } }),
    );
    expect(() => dnsimple({ ...base, pageSize: 101 })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", fieldErrors: { pageSize: [expect.any(String)] } }),
    );
    expect(() => dnsimple({ ...base, signatureAlgorithm: "DSA" as "RSA" })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
    expect(() => dnsimple({ ...base, token: "" })).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});

describe("dnsimple adapter: errors", () => {
  it("rejects the operations DNSimple lacks with UNSUPPORTED", async () => {
    const client = clientWith() as any;
    for (const operation of ["confirmValidation", "reissue", "cancel", "revoke"]) {
      await expect(client[operation]("1010/example.com/100001")).rejects.toMatchObject({
        code: "UNSUPPORTED",
        provider: "dnsimple",
      });
    }
    expect(requests).toEqual([]);
  });

  it("surfaces DNSimple's 404 as NOT_FOUND", async () => {
    const client = clientWith();
    await expect(client.get("1010/example.com/999")).rejects.toMatchObject({
      code: "NOT_FOUND",
      status: 404,
      provider: "dnsimple",
    });
    await expect(client.get("1010/example.info/100001")).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
    await expect(client.download("2020/example.com/100001")).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
    await expect(collect(clientWith({ accountId: ACCOUNT, domains: ["example.info"] }).list())).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("surfaces wrong credentials as AUTH", async () => {
    const client = clientWith({ token: "wrong-token" });
    await expect(client.get("1010/example.com/100001")).rejects.toMatchObject({
      code: "AUTH",
      status: 401,
      provider: "dnsimple",
    });
    await expect(collect(client.list())).rejects.toMatchObject({ code: "AUTH", status: 401 });
    await expect(client.order({ commonName: "www.example.com" })).rejects.toMatchObject({ code: "AUTH" });
  });

  it("needs accountId with a user's credentials, which have no account of their own", async () => {
    sandbox = await setupSandbox(server, {
      clock: new SandboxClock({ frozenAt: START }),
      dnsimple: { email: "owner@example.com", password: "a-password" },
    });
    const user = {
      email: "owner@example.com",
      password: "a-password",
      baseUrl: sandbox.baseUrl("dnsimple"),
      retry: false as const,
    };
    const client = createCertificateClient(dnsimple(user));
    await expect(collect(client.list())).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { accountId: [expect.any(String)] },
    });
    const withAccount = createCertificateClient(dnsimple({ ...user, accountId: ACCOUNT }));
    const ordered = await withAccount.order({ commonName: "www.example.com" });
    expect(ordered.id).toBe("1010/example.com/100001");
  });

  it("does not retry a purchase that failed with a 5xx, and says its effect is unknown", async () => {
    sandbox.faults.add({
      provider: "dnsimple",
      method: "POST",
      route: "/{account}/domains/{domain}/certificates/letsencrypt",
      status: 500,
    });
    const client = clientWith({ retry: undefined });
    await expect(client.order({ commonName: "www.example.com" })).rejects.toMatchObject({
      code: "PROVIDER",
      status: 500,
      effectUnknown: true,
    });
    expect(sandbox.faults.list()[0]?.hits).toBe(1);
  });

  it("passes the caller's signal to the requests", async () => {
    const client = clientWith();
    await expect(client.get("1010/example.com/100001", { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: "ABORTED",
    });
  });
});
