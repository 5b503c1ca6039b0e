import { createZerosslClient, type Certificate, type ZerosslClient } from "@certkit/zerossl";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, generateCsr, SandboxClock, type Sandbox } from "../src/index.js";
import { serveOver, TRANSPORTS } from "./support/transports.js";

describe.each(TRANSPORTS)("ZeroSSL simulator over %s", (transport) => {
  let clock: SandboxClock;
  let sandbox: Sandbox;
  let zerossl: ZerosslClient;
  let origin: string;
  let close: () => Promise<void>;

  beforeEach(async () => {
    clock = new SandboxClock({ frozenAt: new Date("2026-03-01T12:00:00Z") });
    sandbox = await createSandbox({ clock, zerossl: { issuanceDelayMs: 60_000 } });
    ({ origin, close } = await serveOver(transport, (at) => sandbox.handlers(at)));
    zerossl = createZerosslClient({ ...sandbox.clientOptions(origin, "zerossl"), retry: false });
  });
  afterEach(() => close());

  async function create(names = ["shop.example.net"]): Promise<Certificate> {
    const { csr } = await generateCsr({ commonName: names[0]!, altNames: names.slice(1) });
    const { data, error } = await zerossl.POST("/certificates", {
      body: { certificate_domains: names.join(","), certificate_csr: csr, strict_domains: 1 },
    });
    if (error) throw error;
    return data as Certificate;
  }
  const get = async (id: string) =>
    (await zerossl.GET("/certificates/{id}", { params: { path: { id } } })).data as Certificate;
  const verify = (id: string, validation_method: "EMAIL" | "CNAME_CSR_HASH" | "HTTP_CSR_HASH", email?: string) =>
    zerossl.POST("/certificates/{id}/challenges", {
      params: { path: { id } },
      body: { validation_method, ...(email === undefined ? {} : { validation_email: email }) },
    });

  it("issues for the CSR's key once the CNAME records are in the sandbox's DNS, after the issuance delay", async () => {
    const draft = await create(["shop.example.net", "www.shop.example.net"]);
    expect(draft).toMatchObject({
      status: "draft",
      common_name: "shop.example.net",
      additional_domains: "www.shop.example.net",
    });
    const failed = await verify(draft.id, "CNAME_CSR_HASH");
    expect(failed.error).toMatchObject({ providerCode: "domain_control_validation_failed", status: 400 });
    for (const targets of Object.values(draft.validation!.other_methods!))
      sandbox.dns.add("CNAME", targets.cname_validation_p1!, targets.cname_validation_p2!);
    expect((await verify(draft.id, "CNAME_CSR_HASH")).data).toMatchObject({
      status: "pending_validation",
      validation_type: "CNAME_CSR_HASH",
    });
    const early = await zerossl.GET("/certificates/{id}/download/json", { params: { path: { id: draft.id } } });
    expect(early.error).toMatchObject({ providerCode: "certificate_not_issued" });
    clock.advance(60_000);
    expect(await get(draft.id)).toMatchObject({ status: "issued" });
    const pem = await zerossl.GET("/certificates/{id}/download/pem", {
      params: { path: { id: draft.id } },
      parseAs: "text",
    });
    const verified = await sandbox.ca.verifyChain(pem.data!, clock.now());
    expect(verified).toMatchObject({ ok: true, names: ["shop.example.net", "www.shop.example.net"] });
  });

  it("serves the download as a ZIP archive holding the same files as the inline JSON, and its JSON error before", async () => {
    const draft = await create();
    for (const targets of Object.values(draft.validation!.other_methods!))
      sandbox.dns.add("CNAME", targets.cname_validation_p1!, targets.cname_validation_p2!);
    await verify(draft.id, "CNAME_CSR_HASH");
    const zip = (parseAs?: "arrayBuffer") =>
      zerossl.GET("/certificates/{id}/download", {
        params: { path: { id: draft.id } },
        ...(parseAs ? { parseAs } : {}),
      });
    const early = await zip();
    expect(early.response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(early.error).toMatchObject({ providerCode: "certificate_not_issued" });
    clock.advance(60_000);
    const archive = await zip("arrayBuffer");
    expect(archive.response.headers.get("content-type")).toBe("application/zip");
    // The spec types the archive as a binary string; read as an ArrayBuffer, it is one.
    const files = unzipSync(new Uint8Array(archive.data as unknown as ArrayBuffer));
    const inline = await zerossl.GET("/certificates/{id}/download/json", { params: { path: { id: draft.id } } });
    const json = inline.data as Record<string, string>;
    expect(Object.keys(files).sort()).toEqual(["ca_bundle.crt", "certificate.crt"]);
    expect(strFromU8(files["certificate.crt"]!)).toBe(json["certificate.crt"]);
    expect(strFromU8(files["ca_bundle.crt"]!)).toBe(json["ca_bundle.crt"]);
    const verified = await sandbox.ca.verifyChain(
      `${strFromU8(files["certificate.crt"]!)}${strFromU8(files["ca_bundle.crt"]!)}`,
      clock.now(),
    );
    expect(verified).toMatchObject({ ok: true, names: ["shop.example.net"] });
  });

  it("mails one approver per name for EMAIL, and refuses an address ZeroSSL does not offer", async () => {
    const draft = await create();
    expect((await verify(draft.id, "EMAIL", "someone@elsewhere.example")).error).toMatchObject({
      providerCode: "invalid_validation_email",
    });
    expect((await verify(draft.id, "EMAIL", "admin@shop.example.net")).data).toMatchObject({
      status: "pending_validation",
    });
    const [email] = sandbox.mail.inbox("admin@shop.example.net");
    const status = await zerossl.GET("/certificates/{id}/status", { params: { path: { id: draft.id } } });
    expect(status.data).toMatchObject({
      validation_completed: 0,
      details: { "shop.example.net": { status: "Email Sent" } },
    });
    const resent = await zerossl.POST("/certificates/{id}/challenges/email", { params: { path: { id: draft.id } } });
    expect(resent.data).toEqual({ success: 1 });
    sandbox.mail.approve(sandbox.mail.inbox("admin@shop.example.net").at(-1)!.code, clock.now());
    expect(email).toBeDefined();
    clock.advance(60_000);
    expect(await get(draft.id)).toMatchObject({ status: "issued" });
  });

  it("answers errors with HTTP 200 as ZeroSSL does, and a wrong key with 401", async () => {
    const response = await fetch(
      `${sandbox.clientOptions(origin, "zerossl").baseUrl}/certificates/nope?access_key=${encodeURIComponent(sandbox.clientOptions(origin, "zerossl").accessKey)}`,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: false, error: { code: 2803, type: "certificate_not_found" } });
    const wrong = createZerosslClient({ ...sandbox.clientOptions(origin, "zerossl"), accessKey: "not-the-key" });
    expect((await wrong.GET("/certificates")).error).toMatchObject({ status: 401, code: "AUTH" });
  });

  it.each([
    ["shop.example.net", undefined, "www.shop.example.net"],
    ["shop.example.net", 0, "www.shop.example.net"],
    ["www.shop.example.net", undefined, "shop.example.net"],
    ["shop.example.net", 1, ""],
    ["*.example.net", undefined, ""],
  ] as const)("a create of %s with strict_domains %s adds %j", async (name, strict, added) => {
    const { csr } = await generateCsr({ commonName: name });
    const { data, error } = await zerossl.POST("/certificates", {
      body: {
        certificate_domains: name,
        certificate_csr: csr,
        ...(strict === undefined ? {} : { strict_domains: strict }),
      },
    });
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ common_name: name, additional_domains: added });
  });

  it.each([
    ["no names", { certificate_domains: "", certificate_csr: "x" }, "missing_certificate_domains"],
    [
      "a wildcard among several names",
      { certificate_domains: "*.a.example.net,b.example.net", certificate_csr: "x" },
      "wildcard_domains_not_allowed_in_multidomain_certificate",
    ],
    [
      "a bad validity",
      { certificate_domains: "a.example.net", certificate_csr: "x", certificate_validity_days: 30 },
      "invalid_certificate_validity",
    ],
    [
      "a CSR that does not parse",
      { certificate_domains: "a.example.net", certificate_csr: "junk" },
      "invalid_certificate_csr",
    ],
  ])("refuses a create with %s", async (_, body, type) => {
    const { error } = await zerossl.POST("/certificates", { body: body as never });
    expect(error).toMatchObject({ providerCode: type });
  });

  it("refuses a CSR for another name, cancels a draft but not twice, revokes only what is issued", async () => {
    const { csr } = await generateCsr({ commonName: "other.example.net" });
    const { error } = await zerossl.POST("/certificates", {
      body: { certificate_domains: "shop.example.net", certificate_csr: csr },
    });
    expect(error).toMatchObject({ providerCode: "csr_cn_is_invalid" });
    const draft = await create();
    const revoke = await zerossl.POST("/certificates/{id}/revoke", { params: { path: { id: draft.id } }, body: {} });
    expect(revoke.error).toMatchObject({ providerCode: "certificate_not_in_revocable_state" });
    expect((await zerossl.POST("/certificates/{id}/cancel", { params: { path: { id: draft.id } } })).data).toEqual({
      success: 1,
    });
    const again = await zerossl.POST("/certificates/{id}/cancel", { params: { path: { id: draft.id } } });
    expect(again.error).toMatchObject({ providerCode: "certificate_cannot_be_cancelled" });
    expect((await get(draft.id)).status).toBe("cancelled");
  });

  it("lists with status and search filters, and pages; keeps everything across a snapshot", async () => {
    const a = await create(["a.example.net"]);
    await create(["b.example.net"]);
    const drafts = await zerossl.GET("/certificates", {
      params: { query: { certificate_status: "draft", search: "a.example" } },
    });
    expect(drafts.data).toMatchObject({ total_count: 1, results: [{ id: a.id }] });
    const paged = await zerossl.GET("/certificates", { params: { query: { limit: 1, page: 2 } } });
    expect(paged.data).toMatchObject({ total_count: 2, result_count: 1, page: 2 });
    const snapshot = await sandbox.snapshot();
    const restored = await createSandbox({ clock });
    await restored.restore(snapshot);
    expect((await restored.snapshot()).providers.zerossl).toEqual(snapshot.providers.zerossl);
  });

  it("checks a CSR", async () => {
    const { csr } = await generateCsr({ commonName: "shop.example.net" });
    expect((await zerossl.POST("/validation/csr", { body: { csr } })).data).toEqual({ valid: true });
    expect((await zerossl.POST("/validation/csr", { body: { csr: "junk" } })).data).toMatchObject({ valid: false });
  });
});
