import "reflect-metadata";
import { createReselloClient, unwrapResello, type ReselloClient } from "@certkit/resello";
import * as x509 from "@peculiar/x509";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateCsr, type GeneratedCsr } from "../src/ca/generate-csr.js";
import { SANDBOX_CREDENTIALS } from "../src/credentials.js";
import { SANDBOX_MOUNTS } from "../src/providers.js";
import { DEFAULT_RESELLO_PLANS } from "../src/providers/resello/resello-plans.js";
import { ReselloSimulator } from "../src/providers/resello/resello-simulator.js";
import type { SimulatorWorld } from "../src/simulator.js";
import { createTestWorld, serveOver, TRANSPORTS } from "./support/transports.js";

const [DV, DV_2Y, WILDCARD] = DEFAULT_RESELLO_PLANS.map((plan) => plan.id) as [string, string, string, string];
const DAY_MS = 86_400_000;

let shopCsr: GeneratedCsr;
let shopCsrAgain: GeneratedCsr;
beforeAll(async () => {
  shopCsr = await generateCsr({ commonName: "shop.example.com" });
  shopCsrAgain = await generateCsr({ commonName: "shop.example.com", keyType: "ec-p256" });
});

describe.each(TRANSPORTS)("Resello simulator lifecycle over %s", (transport) => {
  let world: SimulatorWorld;
  let resello: ReselloClient;
  let close: () => Promise<void>;

  beforeEach(async () => {
    world = await createTestWorld();
    const simulator = new ReselloSimulator(world, { ...SANDBOX_CREDENTIALS.resello, issuanceDelayMs: 60_000 });
    const served = await serveOver(transport, (origin) => simulator.handlers(`${origin}${SANDBOX_MOUNTS.resello}`));
    close = served.close;
    resello = createReselloClient({
      ...SANDBOX_CREDENTIALS.resello,
      baseUrl: `${served.origin}${SANDBOX_MOUNTS.resello}`,
    });
  });
  afterEach(() => close());

  const byId = (id: string) => ({ params: { path: { id } } });
  async function get(id: string) {
    const { data, error } = await resello.GET("/ssl-certificate/{id}", byId(id));
    if (error) throw error;
    return unwrapResello(data);
  }
  async function details(id: string) {
    const { data, error } = await resello.GET("/ssl-certificate/{id}/validation-details", byId(id));
    if (error) throw error;
    return unwrapResello(data) as any;
  }
  async function order(body: {
    csr: string;
    dcv_type: "DNS" | "FILE" | "EMAIL";
    plan?: string;
    approver_email_address?: string;
  }) {
    const { data, error } = await resello.POST("/ssl-certificate", { body: { plan: DV, ...body } });
    if (error) throw error;
    return unwrapResello(data);
  }
  const validate = (
    id: string,
    body: { dcv_type?: "DNS" | "FILE" | "EMAIL"; email_address?: string; domain?: string } = {},
  ) => resello.POST("/ssl-certificate/{id}/validate", { ...byId(id), body });
  const text = async (id: string, format: "crt" | "ca" | "csr") => {
    const { data, error, response } = await resello.GET(`/ssl-certificate/{id}/download-${format}`, {
      ...byId(id),
      parseAs: "text",
    });
    if (error) throw error;
    return { pem: data, disposition: response.headers.get("content-disposition") };
  };

  it("finds plans by partial name and by a comma list of ids", async () => {
    const byName = await resello.GET("/ssl-certificate-plan", { params: { query: { name: "dv ssl" } } });
    expect(unwrapResello(byName.data!).map((plan) => [plan.name, plan.interval])).toEqual([
      ["Sandbox DV SSL", 12],
      ["Sandbox DV SSL 2 years", 24],
    ]);
    const byIds = await resello.GET("/ssl-certificate-plan", { params: { query: { id: `${WILDCARD},${DV_2Y}` } } });
    expect(unwrapResello(byIds.data!).map((plan) => plan.id)).toEqual([DV_2Y, WILDCARD]);
    expect(byIds.data).toMatchObject({ success: true, total: 2 });
    const all = await resello.GET("/ssl-certificate-plan");
    expect(unwrapResello(all.data!)[0]).toEqual({
      id: DV,
      name: "Sandbox DV SSL",
      description: "Domain validated certificate for one hostname, one year",
      brand: "Example Trust",
      renew_days_before_expiration: 30,
      interval: 12,
      validation: "DV",
      wildcard: false,
    });
  });

  it("orders, validates by DNS, provisions, downloads, reissues, renews and deletes", async () => {
    // Order: pending, with the TXT record to publish.
    const created = await order({ csr: shopCsr.csr, dcv_type: "DNS" });
    expect(created).toMatchObject({
      status: "pending",
      plan: DV,
      client_reference: null,
      common_name: "shop.example.com",
      domains: ["shop.example.com"],
      dcv_type: "DNS",
      created_at: "2026-03-01T12:00:00.000Z",
    });
    const id = created.id!;
    const pending = await details(id);
    expect(pending).toMatchObject({ certificate_id: id, status: "pending", dcv_type: "DNS" });
    expect(pending.steps).toEqual([
      { step: "order_received", done: true },
      { step: "domain_control_validation", done: false },
      { step: "certificate_issued", done: false },
    ]);
    const record = pending.domains[0].dns_record;
    expect(record).toMatchObject({ type: "TXT", name: "_dnsauth.shop.example.com" });
    expect(record.value).toMatch(/^[0-9a-f]{32}$/);
    expect(pending.domains[0].approver_email_addresses).toContain("admin@example.com");

    // Nothing to download yet, and validation is refused until the record is there.
    const early = await resello.GET("/ssl-certificate/{id}/download-crt", { ...byId(id), parseAs: "text" });
    expect(early.error).toMatchObject({ status: 409, code: "CONFLICT", providerCode: "certificate_not_active" });
    world.dns.addTxt(record.name, "some-other-value");
    const refused = await validate(id);
    expect(refused.error).toMatchObject({
      status: 400,
      code: "VALIDATION_FAILED",
      providerCode: "domain_validation_failed",
    });
    expect(refused.error?.message).toContain(`The TXT record _dnsauth.shop.example.com does not hold ${record.value}.`);
    expect((await details(id)).status).toBe("pending");

    // Validated: provisioning takes the delay, then the certificate is active for the plan's 12 months.
    world.dns.addTxt(record.name, record.value);
    const validated = await validate(id, { dcv_type: "DNS" });
    expect(validated.error).toBeUndefined();
    expect(validated.data).toMatchObject({
      success: true,
      result: { status: "validated", domains: [{ status: "validated", validated_at: "2026-03-01T12:00:00.000Z" }] },
    });
    expect((await validate(id)).error).toBeUndefined();
    world.clock.advance(59_999);
    expect((await get(id)).status).toBe("pending");
    world.clock.advance(1);
    const active = await get(id);
    expect(active).toMatchObject({
      status: "active",
      valid_from: "2026-03-01T12:01:00.000Z",
      valid_until: "2027-03-01T12:01:00.000Z",
    });
    expect((await details(id)).steps.map((step: { done: boolean }) => step.done)).toEqual([true, true, true]);

    // Downloads: PEM files, PKCS#7 (DER) and a zip, all holding the same chain.
    const crt = await text(id, "crt");
    expect(crt.disposition).toBe('attachment; filename="shop.example.com.crt"');
    const ca = await text(id, "ca");
    expect(ca.pem.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect((await text(id, "csr")).pem.trim()).toBe(shopCsr.csr.trim());
    const verified = await world.ca.verifyChain(`${crt.pem}${ca.pem}`, world.clock.now());
    expect(verified).toMatchObject({ ok: true, subject: "CN=shop.example.com", names: ["shop.example.com"] });
    expect(new x509.X509Certificate(crt.pem).serialNumber).toBe(active.serial_number);

    const pkcs7 = await resello.GET("/ssl-certificate/{id}/download-pkcs7", { ...byId(id), parseAs: "arrayBuffer" });
    const bundle = new x509.X509Certificates(new Uint8Array(pkcs7.data!));
    expect(bundle.map((certificate) => certificate.subject)).toEqual([
      "CN=shop.example.com",
      "CN=certkit Sandbox Issuing CA, O=certkit sandbox",
      "CN=certkit Sandbox Root CA, O=certkit sandbox",
    ]);
    const zip = await resello.GET("/ssl-certificate/{id}/download-zip", { ...byId(id), parseAs: "arrayBuffer" });
    expect(zip.response.headers.get("content-disposition")).toBe('attachment; filename="shop.example.com.zip"');
    const files = unzipSync(new Uint8Array(zip.data!));
    expect(Object.keys(files)).toEqual(["shop.example.com.crt", "shop.example.com.ca-bundle", "shop.example.com.csr"]);
    expect(strFromU8(files["shop.example.com.crt"]!)).toBe(crt.pem);
    expect(strFromU8(files["shop.example.com.ca-bundle"]!)).toBe(ca.pem);

    // Reissue: a new key, in force at once for the rest of the term; the old certificate is revoked.
    world.clock.advance(10 * DAY_MS);
    const wrongName = await generateCsr({ commonName: "other.example.com", keyType: "ec-p256" });
    const refusedReissue = await resello.POST("/ssl-certificate/{id}/reissue", {
      ...byId(id),
      body: { csr: wrongName.csr },
    });
    expect(refusedReissue.error?.fieldErrors).toEqual({ csr: ["The CSR must be for shop.example.com."] });
    const reissued = await resello.POST("/ssl-certificate/{id}/reissue", {
      ...byId(id),
      body: { csr: shopCsrAgain.csr, client_reference: "shop-reissue" },
    });
    expect(reissued.error).toBeUndefined();
    const afterReissue = unwrapResello(reissued.data!);
    expect(afterReissue).toMatchObject({
      status: "active",
      client_reference: "shop-reissue",
      valid_from: "2026-03-11T12:01:00.000Z",
      valid_until: "2027-03-01T12:01:00.000Z",
    });
    expect(afterReissue.serial_number).not.toBe(active.serial_number);
    expect(world.ca.revokedAt(active.serial_number as string)).toBe("2026-03-11T12:01:00.000Z");
    expect((await text(id, "csr")).pem.trim()).toBe(shopCsrAgain.csr.trim());
    const newLeaf = new x509.X509Certificate((await text(id, "crt")).pem);
    expect(newLeaf.serialNumber).toBe(afterReissue.serial_number);
    expect(newLeaf.publicKey.toString("pem")).toBe(
      new x509.Pkcs10CertificateRequest(shopCsrAgain.csr).publicKey.toString("pem"),
    );

    // Renew: only in the plan's window (30 days before expiry); then pending with a new validation, by FILE now.
    const tooEarly = await resello.POST("/ssl-certificate/{id}/renew", { ...byId(id), body: {} });
    expect(tooEarly.error).toMatchObject({ status: 400, providerCode: "renewal_not_yet_possible" });
    expect(tooEarly.error?.message).toContain("The certificate can be renewed from 2027-01-30T12:01:00.000Z");
    world.clock.advance(Date.parse("2027-02-15T00:00:00Z") - world.clock.now().getTime());
    const renewal = await resello.POST("/ssl-certificate/{id}/renew", {
      ...byId(id),
      body: { dcv_type: "FILE", client_reference: "shop-renewal" },
    });
    expect(renewal.error).toBeUndefined();
    expect(unwrapResello(renewal.data!)).toMatchObject({
      status: "pending",
      dcv_type: "FILE",
      client_reference: "shop-renewal",
    });
    expect(
      (await resello.GET("/ssl-certificate/{id}/download-ca", { ...byId(id), parseAs: "text" })).error?.status,
    ).toBe(409);
    const file = (await details(id)).domains[0].file;
    expect(file.url).toMatch(/^http:\/\/shop\.example\.com\/\.well-known\/pki-validation\/[0-9A-F]{32}\.txt$/);
    expect((await validate(id)).error?.message).toContain(`The file ${file.url} does not hold the expected content.`);
    world.web.publish(file.url, `${file.content}\n`);
    expect((await validate(id)).error).toBeUndefined();
    world.clock.advance(60_000);
    const renewed = await get(id);
    expect(renewed).toMatchObject({
      status: "active",
      valid_from: "2027-02-15T00:01:00.000Z",
      valid_until: "2028-02-15T00:01:00.000Z",
    });
    expect(
      await world.ca.verifyChain(`${(await text(id, "crt")).pem}${(await text(id, "ca")).pem}`, world.clock.now()),
    ).toMatchObject({ ok: true });

    // Delete: disabled at once, revoked, and no action is left.
    const deleted = await resello.DELETE("/ssl-certificate/{id}", byId(id));
    expect(deleted.data).toMatchObject({
      success: true,
      result: { status: "disabled", disabled_at: "2027-02-15T00:01:00.000Z" },
    });
    expect(world.ca.revokedAt(renewed.serial_number as string)).toBe("2027-02-15T00:01:00.000Z");
    expect((await get(id)).status).toBe("disabled");
    expect((await resello.DELETE("/ssl-certificate/{id}", byId(id))).error).toMatchObject({
      status: 409,
      providerCode: "certificate_disabled",
    });
    expect(
      (await resello.GET("/ssl-certificate/{id}/download-zip", { ...byId(id), parseAs: "arrayBuffer" })).error?.status,
    ).toBe(409);
    expect((await resello.POST("/ssl-certificate/{id}/renew", { ...byId(id), body: {} })).error?.providerCode).toBe(
      "certificate_not_active",
    );
    expect(
      (await resello.POST("/ssl-certificate/{id}/reissue", { ...byId(id), body: { csr: shopCsr.csr } })).error
        ?.providerCode,
    ).toBe("certificate_not_active");
    expect((await validate(id)).error?.providerCode).toBe("certificate_not_pending");
  });

  it("validates by EMAIL once the approver approves, from the moment of approval", async () => {
    const { csr } = await generateCsr({ commonName: "mail.example.com", keyType: "ec-p256" });
    const created = await order({ csr, dcv_type: "EMAIL", approver_email_address: "Admin@example.com" });
    expect(created).toMatchObject({
      status: "pending",
      dcv_type: "EMAIL",
      approver_email_address: "admin@example.com",
    });
    const [email] = world.mail.inbox("admin@example.com");
    expect(email).toMatchObject({
      subject: "Approve the SSL certificate for mail.example.com",
      sentAt: "2026-03-01T12:00:00.000Z",
    });
    expect((await details(created.id!)).domains[0].email).toEqual({
      to: "admin@example.com",
      sent_at: "2026-03-01T12:00:00.000Z",
    });
    const notYet = await validate(created.id!);
    expect(notYet.error?.message).toContain("The approval email to admin@example.com has not been approved.");

    world.clock.advance(5 * 60_000);
    world.mail.approve(email!.code, world.clock.now());
    world.clock.advance(30_000);
    expect(await details(created.id!)).toMatchObject({
      status: "validated",
      domains: [{ validated_at: "2026-03-01T12:05:00.000Z" }],
    });
    expect((await get(created.id!)).status).toBe("pending");
    world.clock.advance(30_000);
    expect(await get(created.id!)).toMatchObject({ status: "active", valid_from: "2026-03-01T12:06:00.000Z" });
  });

  it("switches a DNS validation to EMAIL with validate, which sends the email", async () => {
    const { csr } = await generateCsr({ commonName: "switch.example.com", keyType: "ec-p256" });
    const created = await order({ csr, dcv_type: "DNS" });
    const bad = await validate(created.id!, { dcv_type: "EMAIL", email_address: "someone@example.net" });
    expect(bad.error?.fieldErrors?.email_address?.[0]).toMatch(
      /^Not an approver address of switch\.example\.com: use one of admin@switch\.example\.com/,
    );
    const unknownDomain = await validate(created.id!, { domain: "elsewhere.example.com" });
    expect(unknownDomain.error?.fieldErrors).toEqual({
      domain: ["The certificate has no domain elsewhere.example.com."],
    });

    const restarted = await validate(created.id!, {
      dcv_type: "EMAIL",
      email_address: "webmaster@example.com",
      domain: "switch.example.com",
    });
    expect(restarted.error).toBeUndefined();
    expect(restarted.data).toMatchObject({
      result: { status: "pending", domains: [{ dcv_type: "EMAIL", email: { to: "webmaster@example.com" } }] },
    });
    const [email] = world.mail.inbox("webmaster@example.com");
    world.mail.approve(email!.code, world.clock.now());
    world.clock.advance(60_000);
    expect((await get(created.id!)).status).toBe("active");
  });

  it("covers a wildcard under the wildcard plan, proven at the base domain, with STAR file names", async () => {
    const { csr } = await generateCsr({ commonName: "*.example.com", keyType: "ec-p256" });
    const created = await order({ csr, dcv_type: "DNS", plan: WILDCARD });
    const record = (await details(created.id!)).domains[0].dns_record;
    expect(record.name).toBe("_dnsauth.example.com");
    world.dns.addTxt(record.name, record.value);
    expect((await validate(created.id!)).error).toBeUndefined();
    world.clock.advance(60_000);
    const zip = await resello.GET("/ssl-certificate/{id}/download-zip", {
      ...byId(created.id!),
      parseAs: "arrayBuffer",
    });
    expect(Object.keys(unzipSync(new Uint8Array(zip.data!)))).toEqual([
      "STAR.example.com.crt",
      "STAR.example.com.ca-bundle",
      "STAR.example.com.csr",
    ]);
    const fullchain = `${(await text(created.id!, "crt")).pem}${(await text(created.id!, "ca")).pem}`;
    expect(await world.ca.verifyChain(fullchain, world.clock.now())).toMatchObject({
      ok: true,
      names: ["*.example.com"],
    });
  });

  it("validates each name of a CSR with its www twin, one `domain` at a time", async () => {
    const { csr } = await generateCsr({
      commonName: "twin.example.com",
      altNames: ["www.twin.example.com"],
      keyType: "ec-p256",
    });
    const created = await order({ csr, dcv_type: "DNS" });
    expect(created.domains).toEqual(["twin.example.com", "www.twin.example.com"]);
    const [bare, www] = (await details(created.id!)).domains.map(
      (domain: { dns_record: { name: string; value: string } }) => domain.dns_record,
    );
    expect([bare.name, www.name]).toEqual(["_dnsauth.twin.example.com", "_dnsauth.www.twin.example.com"]);
    world.dns.addTxt(www.name, www.value);
    const one = await validate(created.id!, { domain: "www.twin.example.com" });
    expect(one.data).toMatchObject({
      result: { status: "pending", domains: [{ status: "pending" }, { status: "validated" }] },
    });
    const rest = await validate(created.id!);
    expect(rest.error?.message).toContain("The TXT record _dnsauth.twin.example.com does not hold");
    expect(rest.error?.message).not.toContain("_dnsauth.www.twin.example.com");
    world.dns.addTxt(bare.name, bare.value);
    expect((await validate(created.id!)).error).toBeUndefined();
    world.clock.advance(60_000);
    const fullchain = `${(await text(created.id!, "crt")).pem}${(await text(created.id!, "ca")).pem}`;
    expect(await world.ca.verifyChain(fullchain, world.clock.now())).toMatchObject({
      ok: true,
      subject: "CN=twin.example.com",
      names: ["twin.example.com", "www.twin.example.com"],
    });
  });

  it("runs a 2-year plan's term for 24 months", async () => {
    const { csr } = await generateCsr({ commonName: "long.example.com", keyType: "ec-p256" });
    const created = await order({ csr, dcv_type: "DNS", plan: DV_2Y });
    const record = (await details(created.id!)).domains[0].dns_record;
    world.dns.addTxt(record.name, record.value);
    await validate(created.id!);
    world.clock.advance(60_000);
    expect(await get(created.id!)).toMatchObject({ status: "active", valid_until: "2028-03-01T12:01:00.000Z" });
  });
});
