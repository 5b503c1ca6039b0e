import { createIonosSslClient, type IonosSslClient } from "@certkit/ionos-ssl";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, generateCsr, SandboxClock, type Sandbox } from "../src/index.js";
import { serveOver, TRANSPORTS } from "./support/transports.js";

describe.each(TRANSPORTS)("IONOS simulator over %s", (transport) => {
  let clock: SandboxClock;
  let sandbox: Sandbox;
  let ionos: IonosSslClient;
  let origin: string;
  let close: () => Promise<void>;

  beforeEach(async () => {
    clock = new SandboxClock({ frozenAt: new Date("2026-03-01T12:00:00Z") });
    sandbox = await createSandbox({
      clock,
      "ionos-ssl": { issuanceDelayMs: 60_000, slots: { SSL_STARTER: 2, SSL_PREMIUM: 0 } },
    });
    ({ origin, close } = await serveOver(transport, (at) => sandbox.handlers(at)));
    ionos = createIonosSslClient(sandbox.clientOptions(origin, "ionos-ssl"));
  });
  afterEach(() => close());

  async function order(
    commonName = "shop.example.com",
    extra: { authenticationMethod?: "DNS" | "FILE" | "EMAIL"; csr?: string } = {},
  ) {
    const { data, error } = await ionos.POST("/v1/certificates", {
      body: { certificateType: "SSL_STARTER", commonName, ...extra },
    });
    if (error) throw error;
    return data;
  }

  function dcvReady(id: string, authenticationId: string) {
    return ionos.POST("/v1/certificates/{id}/authentications/{authenticationId}", {
      params: { path: { id, authenticationId }, query: { action: "DCV_READY" } },
    });
  }

  const get = async (id: string) => (await ionos.GET("/v1/certificates/{id}", { params: { path: { id } } })).data!;

  describe("lifecycle", () => {
    it("takes an order to ACTIVE: PENDING + WAITING_FOR_CUSTOMER → DCV_READY → AUTHENTICATED → ACTIVE after the delay", async () => {
      const { csr } = await generateCsr({ commonName: "shop.example.com" });
      const created = await order("shop.example.com", { csr });
      expect(created).toMatchObject({ status: "PENDING", certificateType: "SSL_STARTER", authenticationMethod: "DNS" });
      const auth = created.authenticationSummary!;
      expect(auth).toMatchObject({ method: "DNS", name: "_dnsauth.shop.example.com", status: "WAITING_FOR_CUSTOMER" });
      expect(auth.content).toMatch(/^[0-9a-f]{32}$/);

      sandbox.dns.addTxt(auth.name!, auth.content!);
      const { error, response } = await dcvReady(created.id!, auth.id!);
      expect(error).toBeUndefined();
      expect(response.status).toBe(204);

      const authenticated = await get(created.id!);
      expect(authenticated.status).toBe("PENDING");
      expect(authenticated.authenticationSummary?.status).toBe("AUTHENTICATED");
      expect(authenticated.certificate).toBeUndefined();

      clock.advance(59_999);
      expect((await get(created.id!)).status).toBe("PENDING");
      clock.advance(1);
      const active = await get(created.id!);
      expect(active).toMatchObject({
        status: "ACTIVE",
        validFrom: "2026-03-01T12:01:00.000Z",
        validUntil: "2027-03-01T12:01:00.000Z",
      });
      expect(active.caCertificates?.map((ca) => ca.type)).toEqual(["INTERMEDIATE", "ROOT"]);
      const verified = await sandbox.ca.verifyChain(
        `${active.certificate}\n${active.caCertificates![0]!.certificate}`,
        clock.now(),
      );
      expect(verified).toMatchObject({ ok: true, subject: "CN=shop.example.com", names: ["shop.example.com"] });
    });

    it("refuses DCV_READY until the TXT record holds the expected value", async () => {
      const created = await order();
      const auth = created.authenticationSummary!;
      sandbox.dns.addTxt(auth.name!, "some-other-value");
      const { error } = await dcvReady(created.id!, auth.id!);
      expect(error).toMatchObject({ status: 400, providerCode: "DCV_FAILED", code: "VALIDATION_FAILED" });
      expect((await get(created.id!)).authenticationSummary?.status).toBe("WAITING_FOR_CUSTOMER");
    });

    it("validates by FILE from the fake web", async () => {
      const created = await order("files.example.com", { authenticationMethod: "FILE" });
      const auth = created.authenticationSummary!;
      expect(auth.name).toBe("http://files.example.com/.well-known/pki-validation/fileauth.txt");
      expect((await dcvReady(created.id!, auth.id!)).error?.providerCode).toBe("DCV_FAILED");
      sandbox.web.publish(auth.name!, `${auth.content}\n`);
      expect((await dcvReady(created.id!, auth.id!)).error).toBeUndefined();
    });

    it("answers 404 for an unknown certificate or authentication id", async () => {
      const created = await order();
      expect((await dcvReady(created.id!, "not-the-auth-id")).error).toMatchObject({ status: 404, code: "NOT_FOUND" });
      expect((await ionos.GET("/v1/certificates/{id}", { params: { path: { id: "nope" } } })).error?.status).toBe(404);
      expect((await ionos.DELETE("/v1/certificates/{id}", { params: { path: { id: "nope" } } })).error?.status).toBe(
        404,
      );
    });

    it("draws from the quota, and unassigning frees the slot", async () => {
      const first = await order("a.example.com");
      await order("b.example.com");
      const full = await ionos.POST("/v1/certificates", {
        body: { certificateType: "SSL_STARTER", commonName: "c.example.com" },
      });
      expect(full.error).toMatchObject({ status: 404, providerCode: "NOT_FOUND" });
      expect(full.error?.message).toContain("No unused SSL items were found in your account of type SSL_STARTER.");
      const quota = (await ionos.GET("/v1/certificates/quota")).data!;
      expect(quota.quotaDetails?.find((detail) => detail.type === "SSL_STARTER")).toEqual({
        type: "SSL_STARTER",
        total: 2,
        used: 2,
      });

      const { response } = await ionos.DELETE("/v1/certificates/{id}", { params: { path: { id: first.id! } } });
      expect(response.status).toBe(204);
      await order("c.example.com");
    });

    it("lists with page and size", async () => {
      const a = await order("a.example.com");
      const b = await order("b.example.com");
      const page = async (p: number, size: number) =>
        (await ionos.GET("/v1/certificates", { params: { query: { page: p, size } } })).data!;
      expect((await page(1, 1)).certificates?.map((c) => c.id)).toEqual([a.id]);
      expect(await page(2, 1)).toMatchObject({ total: 2, certificates: [{ id: b.id }] });
      expect((await page(3, 1)).certificates).toEqual([]);
      const bad = await ionos.GET("/v1/certificates", { params: { query: { page: 0 } } });
      expect(bad.error).toMatchObject({ status: 400, providerCode: "VALIDATION_FAILED" });
    });

    it.each([
      [
        "an unknown type",
        { certificateType: "SSL_GOLD", commonName: "a.example.com" },
        /certificateType must be one of/,
      ],
      ["no commonName", { certificateType: "SSL_STARTER" }, /commonName is required/],
      [
        "a wildcard on a single-name type",
        { certificateType: "SSL_STARTER", commonName: "*.example.com" },
        /does not cover a wildcard/,
      ],
      [
        "a plain name on a wildcard type",
        { certificateType: "SSL_STARTER_WILDCARD", commonName: "example.com" },
        /needs a wildcard/,
      ],
      [
        "a CSR that is not one",
        { certificateType: "SSL_STARTER", commonName: "a.example.com", csr: "nope" },
        /could not be parsed/,
      ],
    ])("refuses %s with 400 VALIDATION_FAILED", async (_what, body, message) => {
      const { error } = await ionos.POST("/v1/certificates", { body: body as never });
      expect(error).toMatchObject({ status: 400, providerCode: "VALIDATION_FAILED" });
      expect(error?.message).toMatch(message);
    });

    it.each([
      ["an RSA key under 2048 bits", "rsa-1024"],
      ["an EC key (IONOS issues RSA only)", "ec-p256"],
    ] as const)("refuses a CSR with %s", async (_what, keyType) => {
      const { csr } = await generateCsr({ commonName: "a.example.com", keyType });
      const { error } = await ionos.POST("/v1/certificates", {
        body: { certificateType: "SSL_STARTER", commonName: "a.example.com", csr },
      });
      expect(error).toMatchObject({ status: 400, providerCode: "VALIDATION_FAILED" });
      expect(error?.message).toContain("The CSR must use RSA with key size 2048 bits.");
    });

    it("refuses a CSR for another name", async () => {
      const { csr } = await generateCsr({ commonName: "other.example.com" });
      const { error } = await ionos.POST("/v1/certificates", {
        body: { certificateType: "SSL_STARTER", commonName: "a.example.com", csr },
      });
      expect(error?.message).toMatch(/The CSR is not for a\.example\.com/);
    });

    it("enforces the API key with the gateway's 401 shape", async () => {
      const wrong = createIonosSslClient({ apiKey: "pub.wrong-key", baseUrl: sandbox.baseUrl(origin, "ionos-ssl") });
      const { error } = await wrong.GET("/v1/certificates");
      expect(error).toMatchObject({ status: 401, code: "AUTH", body: { message: "Missing or invalid API key." } });
      const missing = await fetch(`${sandbox.baseUrl(origin, "ionos-ssl")}/v1/certificates`);
      expect(missing.status).toBe(401);
      expect(await missing.json()).toEqual({ message: "Missing or invalid API key." });
    });

    it("validates by EMAIL once the approver approves the email it sent", async () => {
      const created = await order("mail.example.com", { authenticationMethod: "EMAIL" });
      const auth = created.authenticationSummary!;
      expect(auth).toMatchObject({ method: "EMAIL", name: "admin@mail.example.com", status: "WAITING_FOR_CUSTOMER" });
      expect((await dcvReady(created.id!, auth.id!)).error?.message).toContain(
        "DCV_READY applies to DNS and FILE authentication only.",
      );
      const [email] = sandbox.mail.inbox("admin@mail.example.com");
      expect(email).toMatchObject({
        subject: "Approve the SSL certificate for mail.example.com",
        sentAt: "2026-03-01T12:00:00.000Z",
      });
      expect((await get(created.id!)).authenticationSummary?.status).toBe("WAITING_FOR_CUSTOMER");

      sandbox.mail.approve(email!.code, clock.now());
      expect((await get(created.id!)).authenticationSummary?.status).toBe("AUTHENTICATED");
      clock.advance(60_000);
      const active = await get(created.id!);
      expect(active.status).toBe("ACTIVE");
      expect(
        await sandbox.ca.verifyChain(`${active.certificate}\n${active.caCertificates![0]!.certificate}`, clock.now()),
      ).toMatchObject({ ok: true });
    });

    it("seeds an ACTIVE certificate and one waiting for its DNS record", async () => {
      await sandbox.simulators["ionos-ssl"].seed();
      const { data } = await ionos.GET("/v1/certificates");
      expect(data?.certificates?.map((c) => [c.commonName, c.status, c.authenticationSummary?.status])).toEqual([
        ["shop.example.com", "ACTIVE", "AUTHENTICATED"],
        ["www.example.org", "PENDING", "WAITING_FOR_CUSTOMER"],
      ]);
      expect(data?.certificates?.[0]?.validFrom).toBe("2026-01-30T12:00:00.000Z");
    });
  });
});
