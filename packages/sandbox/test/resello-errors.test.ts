import "reflect-metadata";
import { createReselloClient, unwrapResello, type ReselloClient } from "@certkit/resello";
import * as x509 from "@peculiar/x509";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateCsr } from "../src/ca/generate-csr.js";
import { SANDBOX_CREDENTIALS } from "../src/credentials.js";
import { SANDBOX_MOUNTS } from "../src/providers.js";
import { DEFAULT_RESELLO_PLANS } from "../src/providers/resello/resello-plans.js";
import { ReselloSimulator } from "../src/providers/resello/resello-simulator.js";
import type { SimulatorWorld } from "../src/simulator.js";
import { createTestWorld, serveOver, TRANSPORTS } from "./support/transports.js";

const [DV, , WILDCARD, OV] = DEFAULT_RESELLO_PLANS.map((plan) => plan.id) as [string, string, string, string];
const UNKNOWN_PLAN = "99999999-9999-4999-8999-999999999999";

let csr: string;
beforeAll(async () => {
  ({ csr } = await generateCsr({ commonName: "shop.example.com", keyType: "ec-p256" }));
});

describe.each(TRANSPORTS)("Resello simulator errors over %s", (transport) => {
  let world: SimulatorWorld;
  let base: string;
  let resello: ReselloClient;
  let close: () => Promise<void>;

  beforeEach(async () => {
    world = await createTestWorld();
    const simulator = new ReselloSimulator(world, SANDBOX_CREDENTIALS.resello);
    const served = await serveOver(transport, (origin) => simulator.handlers(`${origin}${SANDBOX_MOUNTS.resello}`));
    close = served.close;
    base = `${served.origin}${SANDBOX_MOUNTS.resello}`;
    resello = createReselloClient({ ...SANDBOX_CREDENTIALS.resello, baseUrl: base, retry: { baseDelayMs: 1 } });
  });
  afterEach(() => close());

  async function order(body: Record<string, unknown>) {
    const { data, error } = await resello.POST("/ssl-certificate", {
      body: { csr, dcv_type: "DNS", plan: DV, ...body },
    });
    if (error) throw error;
    return unwrapResello(data);
  }

  it("answers 404 in the error envelope for an unknown id, on every operation that takes one", async () => {
    const id = { params: { path: { id: "no-such-id" } } };
    const answers = await Promise.all([
      resello.GET("/ssl-certificate/{id}", id),
      resello.DELETE("/ssl-certificate/{id}", id),
      resello.POST("/ssl-certificate/{id}/renew", { ...id, body: {} }),
      resello.POST("/ssl-certificate/{id}/validate", { ...id, body: {} }),
      resello.POST("/ssl-certificate/{id}/reissue", { ...id, body: { csr } }),
      resello.GET("/ssl-certificate/{id}/validation-details", id),
      resello.GET("/ssl-certificate/{id}/download-zip", { ...id, parseAs: "arrayBuffer" }),
      resello.GET("/ssl-certificate/{id}/download-pkcs7", { ...id, parseAs: "arrayBuffer" }),
      resello.GET("/ssl-certificate/{id}/download-crt", { ...id, parseAs: "text" }),
      resello.GET("/ssl-certificate/{id}/download-csr", { ...id, parseAs: "text" }),
      resello.GET("/ssl-certificate/{id}/download-ca", { ...id, parseAs: "text" }),
    ]);
    for (const { error } of answers) {
      expect(error).toMatchObject({
        status: 404,
        code: "NOT_FOUND",
        providerCode: "not_found",
        message: expect.stringContaining("Not found."),
      });
    }
  });

  it("names every missing field of an order", async () => {
    const { error } = await resello.POST("/ssl-certificate", { body: {} as never });
    expect(error).toMatchObject({ status: 400, code: "VALIDATION_FAILED", providerCode: "request_validation_failed" });
    expect(error?.fieldErrors).toEqual({
      csr: ["This field is required."],
      dcv_type: ["This field is required."],
      plan: ["This field is required."],
    });
    expect(error?.body).toEqual({
      success: false,
      error: { code: "request_validation_failed", message: error?.fieldErrors },
    });
  });

  it.each([
    ["an unknown method", { dcv_type: "PHONE" }, { dcv_type: ["Must be one of EMAIL, FILE, DNS."] }],
    ["an unknown plan", { plan: UNKNOWN_PLAN }, { plan: ["No plan with this id is available."] }],
    ["a plan that is not a UUID", { plan: "dv" }, { plan: ["Must be a UUID."] }],
    [
      "a CSR that is not one",
      { csr: "-----BEGIN CERTIFICATE REQUEST-----\nnope\n-----END CERTIFICATE REQUEST-----" },
      { csr: ["The CSR could not be parsed."] },
    ],
    [
      "a wildcard plan for a plain name",
      { plan: WILDCARD },
      { csr: ['The plan "Sandbox DV Wildcard SSL" is for a wildcard name (*.domain).'] },
    ],
    [
      "EMAIL without an approver",
      { dcv_type: "EMAIL" },
      { approver_email_address: ["Required for EMAIL domain control validation."] },
    ],
    [
      "a malformed approver address",
      { dcv_type: "EMAIL", approver_email_address: "admin" },
      { approver_email_address: ["Must be an email address."] },
    ],
    [
      "an OV plan without its organisation fields",
      { plan: OV, chamber_of_commerce: "00000000" },
      {
        department: ["Required for OV and EV plans."],
        approver_first_name: ["Required for OV and EV plans."],
        approver_last_name: ["Required for OV and EV plans."],
      },
    ],
  ])("refuses an order with %s", async (_what, body, fieldErrors) => {
    const { error } = await resello.POST("/ssl-certificate", {
      body: { csr, dcv_type: "DNS", plan: DV, ...body } as never,
    });
    expect(error).toMatchObject({ status: 400, providerCode: "request_validation_failed" });
    expect(error?.fieldErrors).toEqual(fieldErrors);
  });

  it("refuses a CSR with an RSA key under 2048 bits, and names beyond the plan's one hostname", async () => {
    const weak = await generateCsr({ commonName: "shop.example.com", keyType: "rsa-1024" });
    expect(
      (await resello.POST("/ssl-certificate", { body: { csr: weak.csr, dcv_type: "DNS", plan: DV } })).error
        ?.fieldErrors,
    ).toEqual({
      csr: ["The CSR must be generated using a key of at least 2048 bits."],
    });
    const many = await generateCsr({
      commonName: "shop.example.com",
      altNames: ["www.shop.example.com", "blog.example.com"],
      keyType: "ec-p256",
    });
    expect(
      (await resello.POST("/ssl-certificate", { body: { csr: many.csr, dcv_type: "DNS", plan: DV } })).error
        ?.fieldErrors,
    ).toEqual({
      csr: ['The plan "Sandbox DV SSL" covers one hostname; the CSR also names blog.example.com.'],
    });
    const wildcard = await generateCsr({ commonName: "*.example.com", keyType: "ec-p256" });
    expect(
      (await resello.POST("/ssl-certificate", { body: { csr: wildcard.csr, dcv_type: "DNS", plan: DV } })).error
        ?.fieldErrors,
    ).toEqual({
      csr: ['The plan "Sandbox DV SSL" does not cover a wildcard name.'],
    });
  });

  it("accepts an OV order with its fields, and takes the company name from the CSR", async () => {
    const algorithm = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
    const keys = await crypto.subtle.generateKey(algorithm, true, ["sign", "verify"]);
    const withOrganization = await x509.Pkcs10CertificateRequestGenerator.create({
      name: "CN=ov.example.com, O=Example Ltd",
      keys,
      signingAlgorithm: algorithm,
    });
    const created = await order({
      csr: withOrganization.toString("pem"),
      plan: OV,
      chamber_of_commerce: "00000000",
      department: "IT",
      approver_first_name: "Jane",
      approver_last_name: "Doe",
      city: "Exampleton",
    });
    expect(created).toMatchObject({
      status: "pending",
      plan: OV,
      common_name: "ov.example.com",
      company_name: "Example Ltd",
      department: "IT",
      city: "Exampleton",
    });
  });

  it("lists with the plan and client_reference filters, and refuses a plan filter that is not a UUID", async () => {
    const a = await order({ client_reference: "order-a" });
    const b = await order({ client_reference: "order-b" });
    const list = async (query: { plan?: string; client_reference?: string }) => {
      const { data, error } = await resello.GET("/ssl-certificate", { params: { query } });
      if (error) throw error;
      return data;
    };
    expect(await list({})).toMatchObject({ success: true, total: 2, offset: 0, result: [{ id: a.id }, { id: b.id }] });
    expect(unwrapResello(await list({ client_reference: "order-b" })).map((c) => c.id)).toEqual([b.id]);
    expect(unwrapResello(await list({ client_reference: "order" }))).toEqual([]);
    expect(unwrapResello(await list({ plan: DV, client_reference: "order-a" })).map((c) => c.id)).toEqual([a.id]);
    expect(unwrapResello(await list({ plan: WILDCARD }))).toEqual([]);
    const bad = await resello.GET("/ssl-certificate", { params: { query: { plan: "not-a-uuid" } } });
    expect(bad.error).toMatchObject({ status: 400, fieldErrors: { plan: ["Must be a UUID."] } });
    const badPlans = await resello.GET("/ssl-certificate-plan", { params: { query: { id: `${DV},nope` } } });
    expect(badPlans.error).toMatchObject({ status: 400, fieldErrors: { id: ["Not a UUID: nope."] } });
  });

  it("refuses a renewal or reissue of a pending certificate, and validate input it cannot use", async () => {
    const created = await order({});
    const id = { params: { path: { id: created.id! } } };
    expect((await resello.POST("/ssl-certificate/{id}/renew", { ...id, body: {} })).error).toMatchObject({
      status: 400,
      providerCode: "certificate_not_active",
      message: expect.stringContaining("Only an active certificate can be renewed; this one is pending."),
    });
    expect((await resello.POST("/ssl-certificate/{id}/reissue", { ...id, body: { csr } })).error?.providerCode).toBe(
      "certificate_not_active",
    );
    const badMethod = await resello.POST("/ssl-certificate/{id}/validate", {
      ...id,
      body: { dcv_type: "FAX" as never },
    });
    expect(badMethod.error?.fieldErrors).toEqual({ dcv_type: ["Must be one of EMAIL, FILE, DNS."] });
    const noApprover = await resello.POST("/ssl-certificate/{id}/validate", { ...id, body: { dcv_type: "EMAIL" } });
    expect(noApprover.error?.fieldErrors).toEqual({ email_address: ["Required for EMAIL domain control validation."] });
  });

  it("refuses wrong and missing credentials with the platform's 401 envelope", async () => {
    const wrong = createReselloClient({
      resellerReference: SANDBOX_CREDENTIALS.resello.resellerReference,
      apiKey: "wrong-key",
      baseUrl: base,
    });
    const { error } = await wrong.GET("/ssl-certificate");
    expect(error).toMatchObject({
      status: 401,
      code: "AUTH",
      message: expect.stringContaining("Authentication failed."),
    });
    expect(error?.body).toEqual({ success: false, error: { message: "Authentication failed." } });
    const otherReseller = createReselloClient({
      resellerReference: "someone-else",
      apiKey: SANDBOX_CREDENTIALS.resello.apiKey,
      baseUrl: base,
    });
    expect((await otherReseller.GET("/ssl-certificate-plan")).error?.code).toBe("AUTH");
    const unknownToken = createReselloClient({ accessToken: "sandbox-access-made-up", baseUrl: base });
    expect((await unknownToken.GET("/ssl-certificate-plan")).error?.code).toBe("AUTH");

    const missing = await fetch(`${base}/ssl-certificate`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Basic realm="Reseller Platform"');
    expect(await missing.json()).toEqual({ success: false, error: { message: "Authentication failed." } });
  });

  it("lets a read retry through an injected 503, and surfaces an injected 500 on a write", async () => {
    const created = await order({});
    const id = { params: { path: { id: created.id! } } };
    const fault = world.faults.add({
      provider: "resello",
      method: "GET",
      route: "/ssl-certificate/{id}",
      from: 1,
      times: 1,
      status: 503,
    });
    const read = await resello.GET("/ssl-certificate/{id}", id);
    expect(read.error).toBeUndefined();
    expect(unwrapResello(read.data!).id).toBe(created.id);
    expect(world.faults.list().find((active) => active.id === fault)).toMatchObject({ seen: 2, hits: 1 });

    world.faults.add({
      provider: "resello",
      method: "POST",
      route: "/ssl-certificate/{id}/validate",
      times: 1,
      status: 500,
    });
    const write = await resello.POST("/ssl-certificate/{id}/validate", { ...id, body: {} });
    expect(write.error).toMatchObject({ status: 500, code: "PROVIDER", effectUnknown: true });
    expect((await resello.POST("/ssl-certificate/{id}/validate", { ...id, body: {} })).error?.providerCode).toBe(
      "domain_validation_failed",
    );
  });
});
