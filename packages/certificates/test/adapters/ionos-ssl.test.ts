import { generateCsr, SandboxClock, setupSandbox, type MswSandbox } from "@certkit/sandbox";
import { collect, useMswServer } from "@certkit/test-kit";
import { beforeEach, describe, expect, it } from "vitest";
import { ionosSsl, IONOS_SSL_CAPABILITIES, type IonosSslAdapterOptions } from "../../src/providers/ionos-ssl/index.js";
import { createCertificateClient } from "../../src/index.js";

const { server } = useMswServer();

const START = new Date("2026-03-01T12:00:00Z");
const ISSUANCE_DELAY_MS = 60_000;

let sandbox: MswSandbox;
/** Every request the adapter sent, as `METHOD url-without-origin`. */
let requests: string[];

beforeEach(async () => {
  sandbox = await setupSandbox(server, {
    clock: new SandboxClock({ frozenAt: START }),
    "ionos-ssl": { issuanceDelayMs: ISSUANCE_DELAY_MS, slots: { SSL_STARTER: 8, SSL_STARTER_WILDCARD: 1 } },
  });
  requests = [];
});

function clientWith(extra: Partial<IonosSslAdapterOptions> = {}) {
  const base = sandbox.baseUrl("ionos-ssl");
  const adapter = ionosSsl({
    ...sandbox.clientOptions("ionos-ssl"),
    retry: false,
    onEvent: (event) => {
      if (event.type === "request") requests.push(`${event.method} ${event.url.replace(base, "")}`);
    },
    ...extra,
  });
  return createCertificateClient(adapter, { now: () => sandbox.clock.now() });
}

describe("ionos adapter: lifecycle", () => {
  it("orders with a CSR, validates by DNS, issues, downloads a verified bundle, expires and cancels", async () => {
    const client = clientWith();
    const { csr } = await generateCsr({ commonName: "shop.example.com" });

    const ordered = await client.order({ commonName: "Shop.Example.com", csr });
    expect(ordered).toMatchObject({
      provider: "ionos-ssl",
      commonName: "shop.example.com",
      altNames: [],
      status: "awaiting_validation",
      providerStatus: "PENDING",
      product: "SSL_STARTER",
    });
    expect(ordered.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ordered.validFrom).toBeUndefined();
    expect(requests).toEqual(["POST /v1/certificates"]);

    const [validation, ...others] = await client.validation(ordered.id);
    expect(others).toEqual([]);
    expect(validation).toMatchObject({
      domain: "shop.example.com",
      method: "dns",
      status: "waiting",
      dns: { name: "_dnsauth.shop.example.com", type: "TXT" },
    });
    expect(validation!.dns!.value).toMatch(/^[0-9a-f]{32}$/);
    expect(ordered.validation).toEqual([validation]);

    // Not published yet: IONOS's DCV_FAILED comes through with its code, and nothing changes.
    await expect(client.confirmValidation(ordered.id)).rejects.toMatchObject({
      name: "CertkitError",
      code: "VALIDATION_FAILED",
      provider: "ionos-ssl",
      status: 400,
      providerCode: "DCV_FAILED",
    });
    expect((await client.get(ordered.id)).status).toBe("awaiting_validation");
    await expect(client.download(ordered.id)).rejects.toMatchObject({ code: "CONFLICT", provider: "ionos-ssl" });

    sandbox.dns.addTxt(validation!.dns!.name, validation!.dns!.value);
    requests = [];
    const confirmed = await client.confirmValidation(ordered.id);
    expect(requests).toEqual([
      `GET /v1/certificates/${ordered.id}`,
      `POST /v1/certificates/${ordered.id}/authentications/${(ordered.raw as { authenticationSummary: { id: string } }).authenticationSummary.id}?action=DCV_READY`,
      `GET /v1/certificates/${ordered.id}`,
    ]);
    expect(confirmed).toMatchObject({
      status: "processing",
      providerStatus: "PENDING",
      validation: [{ status: "valid", method: "dns" }],
    });

    sandbox.clock.advance(ISSUANCE_DELAY_MS - 1);
    expect((await client.get(ordered.id)).status).toBe("processing");
    sandbox.clock.advance(1);
    const issued = await client.get(ordered.id);
    expect(issued).toMatchObject({
      status: "issued",
      providerStatus: "ACTIVE",
      validFrom: "2026-03-01T12:01:00.000Z",
      validUntil: "2027-03-01T12:01:00.000Z",
    });
    expect(issued.reason).toBeUndefined();
    expect(issued.message).toBeUndefined();

    const bundle = await client.download(ordered.id);
    expect(bundle.chain).toHaveLength(1);
    expect(bundle.root).toBe(`${sandbox.ca.rootCertificate.trim()}\n`);
    expect(bundle.privateKey).toBeUndefined();
    expect(await sandbox.ca.verifyChain(bundle.certificate + bundle.chain.join(""), sandbox.clock.now())).toMatchObject(
      {
        ok: true,
        subject: "CN=shop.example.com",
        names: ["shop.example.com"],
      },
    );

    sandbox.clock.advance(Date.parse("2027-03-01T12:01:00.000Z") - sandbox.clock.now().getTime());
    expect(await client.get(ordered.id)).toMatchObject({ status: "expired", providerStatus: "ACTIVE" });

    requests = [];
    const cancelled = await client.cancel(ordered.id);
    expect(requests).toEqual([`GET /v1/certificates/${ordered.id}`, `DELETE /v1/certificates/${ordered.id}`]);
    expect(cancelled).toMatchObject({
      id: ordered.id,
      status: "cancelled",
      providerStatus: "ACTIVE",
      commonName: "shop.example.com",
    });
    expect(cancelled.message).toMatch(/^Unassigned/);
    await expect(client.get(ordered.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      status: 404,
      providerCode: "NOT_FOUND",
    });
  });

  it("orders without a CSR (IONOS makes the key, and keeps it), validating by FILE", async () => {
    const client = clientWith();
    const ordered = await client.order({ commonName: "files.example.com", validationMethod: "file" });
    expect(ordered.status).toBe("awaiting_validation");
    const [validation] = await client.validation(ordered.id);
    expect(validation).toMatchObject({
      domain: "files.example.com",
      method: "file",
      status: "waiting",
      file: { url: "http://files.example.com/.well-known/pki-validation/fileauth.txt" },
    });
    expect(validation!.file!.content).toMatch(/^[0-9a-f]{32}$/);

    sandbox.web.publish(validation!.file!.url, `${validation!.file!.content}\n`);
    expect((await client.confirmValidation(ordered.id)).status).toBe("processing");
    sandbox.clock.advance(ISSUANCE_DELAY_MS);
    expect((await client.get(ordered.id)).status).toBe("issued");

    const bundle = await client.download(ordered.id);
    expect(bundle.privateKey).toBeUndefined();
    expect(await sandbox.ca.verifyChain(bundle.certificate + bundle.chain.join(""), sandbox.clock.now())).toMatchObject(
      {
        ok: true,
        names: ["files.example.com"],
      },
    );
  });

  it("validates by EMAIL once the approver approves; DCV_READY does not apply to email", async () => {
    const client = clientWith();
    const ordered = await client.order({ commonName: "mail.example.com", validationMethod: "email" });
    expect(ordered.validation).toEqual([
      {
        domain: "mail.example.com",
        method: "email",
        status: "waiting",
        email: { approvers: ["admin@mail.example.com"] },
      },
    ]);
    await expect(client.confirmValidation(ordered.id)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      status: 400,
      providerCode: "VALIDATION_FAILED",
    });

    const [email] = sandbox.mail.inbox("admin@mail.example.com");
    expect(email?.subject).toBe("Approve the SSL certificate for mail.example.com");
    sandbox.mail.approve(email!.code, sandbox.clock.now());
    expect(await client.get(ordered.id)).toMatchObject({ status: "processing", validation: [{ status: "valid" }] });

    // Already authenticated: nothing left to confirm, so no DCV_READY is sent.
    requests = [];
    expect((await client.confirmValidation(ordered.id)).status).toBe("processing");
    expect(requests).toEqual([`GET /v1/certificates/${ordered.id}`]);

    sandbox.clock.advance(ISSUANCE_DELAY_MS);
    const bundle = await client.download(ordered.id);
    expect(await sandbox.ca.verifyChain(bundle.certificate + bundle.chain.join(""), sandbox.clock.now())).toMatchObject(
      { ok: true },
    );
  });

  it("orders a wildcard type for a wildcard name, validating its base domain", async () => {
    const client = clientWith();
    const ordered = await client.order({ commonName: "*.example.com", product: "SSL_STARTER_WILDCARD" });
    expect(ordered).toMatchObject({
      commonName: "*.example.com",
      product: "SSL_STARTER_WILDCARD",
      status: "awaiting_validation",
    });
    expect(ordered.validation[0]).toMatchObject({
      domain: "*.example.com",
      dns: { name: "_dnsauth.example.com", type: "TXT" },
    });
  });

  it("rejects the operations IONOS lacks with UNSUPPORTED, sending nothing", async () => {
    const client = createCertificateClient(ionosSsl(sandbox.clientOptions("ionos-ssl"))) as unknown as Record<
      string,
      (id: string) => Promise<unknown>
    >;
    for (const operation of ["renew", "reissue", "revoke"]) {
      await expect(client[operation]!("some-id")).rejects.toMatchObject({
        code: "UNSUPPORTED",
        provider: "ionos-ssl",
        message: `ionos-ssl does not support ${operation}`,
      });
    }
    expect(IONOS_SSL_CAPABILITIES).toMatchObject({
      renew: false,
      reissue: false,
      revoke: false,
      cancel: true,
      confirmValidation: true,
    });
  });
});

describe("ionos adapter: list", () => {
  it("yields every order, a page at a time, fetching the next page only when the loop gets there", async () => {
    const client = clientWith({ pageSize: 2 });
    const ids: string[] = [];
    for (const name of ["a", "b", "c", "d", "e"])
      ids.push((await client.order({ commonName: `${name}.example.com` })).id);
    requests = [];

    const iterator = client.list()[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({
      id: ids[0],
      commonName: "a.example.com",
      status: "awaiting_validation",
    });
    expect(requests).toEqual(["GET /v1/certificates?page=1&size=2"]);
    await iterator.return?.();

    requests = [];
    const listed = await collect(client.list());
    expect(listed.map((order) => order.id)).toEqual(ids);
    expect(listed.map((order) => order.commonName)).toEqual(
      ["a", "b", "c", "d", "e"].map((name) => `${name}.example.com`),
    );
    expect(requests).toEqual([
      "GET /v1/certificates?page=1&size=2",
      "GET /v1/certificates?page=2&size=2",
      "GET /v1/certificates?page=3&size=2",
    ]);
  });

  it("stops after a full last page when the total says so, and lists nothing in an empty account", async () => {
    const client = clientWith({ pageSize: 2 });
    expect(await collect(client.list())).toEqual([]);
    expect(requests).toEqual(["GET /v1/certificates?page=1&size=2"]);
    await client.order({ commonName: "a.example.com" });
    await client.order({ commonName: "b.example.com" });
    requests = [];
    expect(await collect(client.list())).toHaveLength(2);
    expect(requests).toEqual(["GET /v1/certificates?page=1&size=2"]);
  });

  it("shows the seeded orders: one issued a month ago, one awaiting its DNS record", async () => {
    await sandbox.simulators["ionos-ssl"].seed();
    const listed = await collect(clientWith().list());
    expect(listed.map((order) => [order.commonName, order.status, order.providerStatus, order.product])).toEqual([
      ["shop.example.com", "issued", "ACTIVE", "SSL_STARTER"],
      ["www.example.org", "awaiting_validation", "PENDING", "SSL_BUSINESS"],
    ]);
    expect(listed[0]).toMatchObject({ validFrom: "2026-01-30T12:00:00.000Z", validUntil: "2027-01-30T12:00:00.000Z" });
    expect(requests).toEqual(["GET /v1/certificates?page=1&size=100"]);
  });
});

describe("ionos adapter: input checks before any request", () => {
  it.each([
    ["a second name (IONOS takes no SANs)", { commonName: "a.example.com", altNames: ["b.example.com"] }, "altNames"],
    ["a wildcard on a single-name type", { commonName: "*.example.com" }, "commonName"],
    ["a plain name on a wildcard type", { commonName: "example.com", product: "SSL_STARTER_WILDCARD" }, "commonName"],
    ["two years", { commonName: "a.example.com", years: 2 }, "years"],
    [
      "an approver address (IONOS lets none be chosen)",
      { commonName: "a.example.com", validationMethod: "email", approverEmail: "me@example.com" },
      "approverEmail",
    ],
    [
      "a client reference (IONOS keeps none)",
      { commonName: "a.example.com", clientReference: "order-42" },
      "clientReference",
    ],
  ] as const)("rejects %s with INVALID_INPUT", async (_what, request, field) => {
    const client = clientWith();
    const rejected = client.order(request);
    await expect(rejected).rejects.toMatchObject({ code: "INVALID_INPUT", provider: "ionos-ssl" });
    await expect(rejected).rejects.toHaveProperty(["fieldErrors", field]);
    expect(requests).toEqual([]);
  });

  it("rejects an EC CSR, which IONOS does not take, naming the csr", async () => {
    const { csr } = await generateCsr({ commonName: "a.example.com", keyType: "ec-p256" });
    await expect(clientWith().order({ commonName: "a.example.com", csr })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "order: csr has an EC key: IONOS issues RSA keys (2048 bits) only",
      fieldErrors: { csr: ["has an EC key: IONOS issues RSA keys (2048 bits) only"] },
    });
    expect(requests).toEqual([]);
  });

  it("refuses a certificate type the spec does not list, before any request", async () => {
    const client = clientWith();
    await expect(client.order({ commonName: "a.example.com", product: "SSL_GOLD" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: {
        product: [
          "is not a product of ionos-ssl: one of SSL_STARTER, SSL_STARTER_WILDCARD, SSL_BUSINESS, SSL_BUSINESS_WILDCARD, SSL_PREMIUM",
        ],
      },
    });
    expect(requests).toEqual([]);
  });

  it("gives each known type's limits without a request, and none for an unknown type", () => {
    const adapter = ionosSsl(sandbox.clientOptions("ionos-ssl"));
    expect(adapter.productLimits(undefined)).toEqual({ id: "SSL_STARTER", maxNames: 1, wildcard: false, years: [1] });
    expect(adapter.productLimits("SSL_BUSINESS_WILDCARD")).toEqual({
      id: "SSL_BUSINESS_WILDCARD",
      maxNames: 1,
      wildcard: "required",
      years: [1],
    });
    expect(adapter.productLimits("SSL_PREMIUM")).toEqual({
      id: "SSL_PREMIUM",
      maxNames: 1,
      wildcard: false,
      years: [1],
    });
    expect(adapter.productLimits("SSL_GOLD")).toBeUndefined();
    expect(adapter.productLimits("toString")).toBeUndefined();
    expect(
      ionosSsl({ ...sandbox.clientOptions("ionos-ssl"), defaultProduct: "SSL_STARTER_WILDCARD" }).productLimits(
        undefined,
      )?.wildcard,
    ).toBe("required");
  });

  it("orders the default product of the options", async () => {
    const client = clientWith({ defaultProduct: "SSL_STARTER_WILDCARD" });
    await expect(client.order({ commonName: "a.example.com" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { commonName: expect.any(Array) },
    });
    expect((await client.order({ commonName: "*.example.net" })).product).toBe("SSL_STARTER_WILDCARD");
  });

  it("refuses bad options when made, and an empty id before sending", async () => {
    expect(() => ionosSsl({ ...sandbox.clientOptions("ionos-ssl"), pageSize: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", fieldErrors: { pageSize: expect.any(Array) } }),
    );
    expect(() => ionosSsl({ ...sandbox.clientOptions("ionos-ssl"), defaultProduct: " " })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
    expect(() => ionosSsl({ baseUrl: sandbox.baseUrl("ionos-ssl") } as IonosSslAdapterOptions)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT" }),
    );
    await expect(clientWith().get("")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(requests).toEqual([]);
  });
});

describe("ionos adapter: provider errors", () => {
  it("surfaces 404 as NOT_FOUND for every operation on an unknown id", async () => {
    const client = clientWith();
    for (const call of [
      () => client.get("no-such-id"),
      () => client.validation("no-such-id"),
      () => client.download("no-such-id"),
      () => client.cancel("no-such-id"),
      () => client.confirmValidation("no-such-id"),
    ]) {
      await expect(call()).rejects.toMatchObject({
        name: "CertkitError",
        code: "NOT_FOUND",
        status: 404,
        providerCode: "NOT_FOUND",
        message: expect.stringContaining("No certificate exists for the specified id."),
      });
    }
  });

  it("surfaces a wrong API key as AUTH, without the key in the error", async () => {
    const client = clientWith({ apiKey: "pub.wrong-secret" });
    const error: unknown = await client.get("any").catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: "AUTH",
      status: 401,
      provider: "ionos-ssl",
      body: { message: "Missing or invalid API key." },
    });
    expect(JSON.stringify(error)).not.toContain("wrong-secret");
    await expect(collect(client.list())).rejects.toMatchObject({ code: "AUTH", status: 401 });
  });

  it("surfaces an exhausted quota as IONOS's NOT_FOUND", async () => {
    const client = clientWith();
    await client.order({ commonName: "*.one.example.com", product: "SSL_STARTER_WILDCARD" });
    await expect(
      client.order({ commonName: "*.two.example.com", product: "SSL_STARTER_WILDCARD" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      status: 404,
      providerCode: "NOT_FOUND",
      message: expect.stringContaining("No unused SSL items were found in your account of type SSL_STARTER_WILDCARD."),
    });
  });

  it("never repeats a purchase that failed with a 500, and says it may have happened", async () => {
    sandbox.faults.add({
      provider: "ionos-ssl",
      method: "POST",
      route: "/v1/certificates",
      status: 500,
      body: { code: "ERROR", message: "General error occurred. Please try again later." },
    });
    await expect(clientWith({ retry: undefined }).order({ commonName: "a.example.com" })).rejects.toMatchObject({
      code: "PROVIDER",
      status: 500,
      providerCode: "ERROR",
      effectUnknown: true,
      retryable: false,
    });
    expect(sandbox.faults.list()[0]?.hits).toBe(1);
  });

  it("rejects with ABORTED when the signal is aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(clientWith().get("any", { signal: controller.signal })).rejects.toMatchObject({ code: "ABORTED" });
  });
});

describe("ionos adapter: statuses IONOS sends that the sandbox does not make", () => {
  const answer = (body: unknown) =>
    sandbox.faults.add({
      provider: "ionos-ssl",
      method: "GET",
      route: "/v1/certificates/{id}",
      status: 200,
      body,
      times: 1,
    });

  it("shows a failed validation with IONOS's DCV_FAILED as the reason, and a failed certificate as failed", async () => {
    answer({
      id: "c1",
      commonName: "a.example.com",
      status: "PENDING",
      authenticationMethod: "DNS",
      authenticationSummary: {
        id: "a1",
        method: "DNS",
        name: "_dnsauth.a.example.com",
        content: "abc",
        status: "FAILED",
      },
    });
    expect(await clientWith().get("c1")).toMatchObject({
      status: "awaiting_validation",
      providerStatus: "PENDING",
      reason: "DCV_FAILED",
      validation: [{ status: "failed" }],
    });
    answer({ id: "c1", commonName: "a.example.com", status: "FAILED", authenticationSummary: { status: "FAILED" } });
    expect(await clientWith().get("c1")).toMatchObject({
      status: "failed",
      providerStatus: "FAILED",
      reason: "DCV_FAILED",
      validation: [],
    });
  });

  it.each([
    ["REPLACING", "reissuing"],
    ["RENEWING", "renewing"],
    ["PENDING_CA_MANUAL_VETTING", "processing"],
    ["ON_HOLD", "unknown"],
  ] as const)("maps %s to %s, keeping the raw answer", async (status, expected) => {
    const body = {
      id: "c1",
      commonName: "a.example.com",
      status,
      alternativeNames: ["a.example.com", "www.a.example.com"],
      futureField: 1,
    };
    answer(body);
    const order = await clientWith().get("c1");
    expect(order).toMatchObject({
      status: expected,
      providerStatus: status,
      altNames: ["www.a.example.com"],
      raw: body,
    });
  });

  it("refuses an answer without a certificate id as a PROVIDER error", async () => {
    answer({ commonName: "a.example.com", status: "ACTIVE" });
    await expect(clientWith().get("c1")).rejects.toMatchObject({
      code: "PROVIDER",
      message: "IONOS sent a certificate without an id",
    });
  });

  it("says there is nothing to confirm while IONOS shows no authentication yet", async () => {
    answer({ id: "c1", commonName: "a.example.com", status: "PENDING" });
    await expect(clientWith().confirmValidation("c1")).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
