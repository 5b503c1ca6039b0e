import { createSslmarketClient, type CreateOrderRequest, type SslmarketClient } from "@certkit/sslmarket";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateCsr } from "../src/ca/generate-csr.js";
import { SANDBOX_CREDENTIALS } from "../src/credentials.js";
import { SANDBOX_MOUNTS } from "../src/providers.js";
import type { SimulatorWorld } from "../src/simulator.js";
import { SslmarketSimulator } from "../src/providers/sslmarket/sslmarket-simulator.js";
import { createTestWorld, serveOver } from "./support/transports.js";
import { SSLMARKET_DEMO_CONTACTS } from "../src/providers/sslmarket/sslmarket-demo-contacts.js";

const COMPANY = SSLMARKET_DEMO_CONTACTS;

let world: SimulatorWorld;
let origin: string;
let close: () => Promise<void>;
let sslmarket: SslmarketClient;
let csr: string;

const baseUrl = () => `${origin}${SANDBOX_MOUNTS.sslmarket}`;
const inOrder = (order_id: number) => ({ params: { path: { order_id } } });

beforeEach(async () => {
  world = await createTestWorld();
  const simulator = new SslmarketSimulator(world, { ...SANDBOX_CREDENTIALS.sslmarket, issuanceDelayMs: 60_000 });
  ({ origin, close } = await serveOver("msw", (at) => simulator.handlers(`${at}${SANDBOX_MOUNTS.sslmarket}`)));
  sslmarket = createSslmarketClient({
    ...SANDBOX_CREDENTIALS.sslmarket,
    baseUrl: baseUrl(),
    retry: { baseDelayMs: 1 },
  });
  ({ csr } = await generateCsr({ commonName: "shop.example.com", keyType: "ec-p256" }));
});
afterEach(() => close());

function order(productCode: string, body: Partial<CreateOrderRequest>) {
  return sslmarket.POST("/order/certificate/{product_code}", {
    params: { path: { product_code: productCode } },
    body: { ...COMPANY, domain: "shop.example.com", years: 1, csr, dv_auth_method: "DNS", ...body },
  });
}

async function placed(productCode: string, body: Partial<CreateOrderRequest> = {}): Promise<number> {
  const { data, error } = await order(productCode, body);
  if (error) throw error;
  return data.order_id;
}

async function getOrder(orderId: number) {
  const { data, error } = await sslmarket.GET("/order/order_id/{order_id}", inOrder(orderId));
  if (error) throw error;
  return data;
}

describe("SSLmarket simulator: authentication", () => {
  it("answers a wrong token with 401 and its error body", async () => {
    const wrong = createSslmarketClient({ token: "not-the-token", baseUrl: baseUrl() });
    const { error } = await wrong.GET("/order/list");
    expect(error).toMatchObject({
      status: 401,
      code: "AUTH",
      providerCode: "unauthorized",
      body: { error: "unauthorized", message: "The X-Auth-Token header is missing or holds no valid API key." },
    });
  });

  it("answers a request without X-Auth-Token with the same 401", async () => {
    const withoutToken: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      request.headers.delete("x-auth-token");
      return fetch(request);
    };
    const bare = createSslmarketClient({ ...SANDBOX_CREDENTIALS.sslmarket, baseUrl: baseUrl(), fetch: withoutToken });
    const { error } = await bare.GET("/product/list");
    expect(error).toMatchObject({ status: 401, code: "AUTH", providerCode: "unauthorized" });
  });
});

describe("SSLmarket simulator: unknown orders and products", () => {
  it("answers 404 for an order number the account does not have, on every order operation", async () => {
    const missing = 999_999;
    const notFound = {
      status: 404,
      code: "NOT_FOUND",
      providerCode: "order_not_found",
      message: expect.stringContaining("There is no order 999999"),
    };
    expect((await sslmarket.GET("/order/order_id/{order_id}", inOrder(missing))).error).toMatchObject(notFound);
    expect(
      (await sslmarket.PUT("/order/order_id/{order_id}", { ...inOrder(missing), body: {}, parseAs: "text" })).error,
    ).toMatchObject(notFound);
    expect((await sslmarket.PUT("/certificate/order_id/{order_id}/resend", inOrder(missing))).error).toMatchObject(
      notFound,
    );
    expect(
      (await sslmarket.POST("/certificate/order_id/{order_id}/reissue", { ...inOrder(missing), body: { csr } })).error,
    ).toMatchObject(notFound);
    expect(
      (await sslmarket.PUT("/certificate/order_id/{order_id}/cancel-reissue", inOrder(missing))).error,
    ).toMatchObject(notFound);
    expect((await sslmarket.PUT("/certificate/order_id/{order_id}/revoke", inOrder(missing))).error).toMatchObject(
      notFound,
    );
    const download = await sslmarket.GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: missing, format: "pem_server" } },
      parseAs: "text",
    });
    expect(download.error).toMatchObject(notFound);
    const word = await sslmarket.GET("/order/order_id/{order_id}", inOrder("latest" as never));
    expect(word.error).toMatchObject({ status: 404, message: expect.stringContaining("There is no order latest") });
  });

  it("answers 404 for a product the account cannot order", async () => {
    const { error } = await order("digicert-ev-ssl", {});
    expect(error).toMatchObject({
      status: 404,
      providerCode: "product_not_found",
      message: expect.stringContaining("digicert-ev-ssl"),
    });
  });
});

describe("SSLmarket simulator: bad orders", () => {
  it("names every missing or malformed field", async () => {
    const { error } = await sslmarket.POST("/order/certificate/{product_code}", {
      params: { path: { product_code: "rapidssl-rapidssl-dv" } },
      body: {
        ...COMPANY,
        domain: "shop.example.com",
        years: 1,
        csr,
        owner_name: undefined,
        owner_country: "GBR",
        auth_email: "ada",
      } as never,
    });
    expect(error).toMatchObject({ status: 400, code: "VALIDATION_FAILED", providerCode: "validation_error" });
    expect(error?.fieldErrors).toEqual({
      owner_name: ["is required"],
      owner_country: ["must be a two-letter country code"],
      auth_email: ["must be an e-mail address"],
    });
  });

  it.each([
    [
      "more SANs than the product takes",
      "rapidssl-rapidssl-dv",
      { dns_names: ["www.shop.example.com"] },
      "dns_names",
      "RapidSSL DV takes at most 0 SANs; 1 were given",
    ],
    [
      "251 SANs on a 250-SAN product",
      "geotrust-geotrust-standard-dv-ssl",
      { dns_names: Array.from({ length: 251 }, (_, i) => `n${i}.example.com`) },
      "dns_names",
      "DV SSL takes at most 250 SANs; 251 were given",
    ],
    [
      "a wildcard on a single-name product",
      "rapidssl-rapidssl-dv",
      { domain: "*.example.com" },
      "domain",
      "RapidSSL DV does not cover a wildcard name (*.example.com)",
    ],
    [
      "a plain name on a wildcard product",
      "rapidssl-rapidssl-wildcard-dv",
      { domain: "example.com" },
      "domain",
      "RapidSSL Wildcard DV needs a wildcard name (*.example.com)",
    ],
    [
      "file validation of a wildcard",
      "rapidssl-rapidssl-wildcard-dv",
      { domain: "*.example.com", dv_auth_method: "FILE" },
      "dv_auth_method",
      "FILE cannot validate a wildcard name; use DNS or Email",
    ],
    [
      "an unknown DCV method",
      "rapidssl-rapidssl-dv",
      { dv_auth_method: "dns" },
      "dv_auth_method",
      "must be one of Email, FILE, DNS",
    ],
    [
      "more years than the product allows",
      "rapidssl-rapidssl-dv",
      { years: 7 },
      "years",
      "must be a whole number of years from 1 to 6",
    ],
    [
      "no CSR for a product that needs one",
      "rapidssl-rapidssl-dv",
      { csr: undefined },
      "csr",
      "is required for RapidSSL DV",
    ],
    [
      "a domain that is not a domain name",
      "rapidssl-rapidssl-dv",
      { domain: "shop example" },
      "domain",
      "shop example is not a domain name",
    ],
  ])("refuses %s with 400", async (_what, product, body, field, message) => {
    const { error } = await order(product, body as Partial<CreateOrderRequest>);
    expect(error).toMatchObject({ status: 400, code: "VALIDATION_FAILED", providerCode: "validation_error" });
    expect(error?.fieldErrors?.[field]).toEqual([message]);
    expect((await sslmarket.GET("/order/list")).data?.orders).toEqual([]);
  });

  it("refuses a CSR that does not parse, and an RSA key under 2048 bits", async () => {
    const garbage = await order("rapidssl-rapidssl-dv", {
      csr: "-----BEGIN CERTIFICATE REQUEST-----\nnope\n-----END CERTIFICATE REQUEST-----",
    });
    expect(garbage.error).toMatchObject({
      status: 400,
      providerCode: "invalid_csr",
      message: expect.stringContaining("The CSR could not be parsed."),
    });
    const { csr: weak } = await generateCsr({ commonName: "shop.example.com", keyType: "rsa-1024" });
    const short = await order("rapidssl-rapidssl-dv", { csr: weak });
    expect(short.error).toMatchObject({ status: 400, providerCode: "invalid_csr" });
    expect(short.error?.message).toContain("The CSR's RSA key has 1024 bits; at least 2048 are required.");
  });

  it("refuses a body that is not an object", async () => {
    const response = await fetch(`${baseUrl()}/order/certificate/rapidssl-rapidssl-dv`, {
      method: "POST",
      headers: { "x-auth-token": SANDBOX_CREDENTIALS.sslmarket.token, "content-type": "application/json" },
      body: "[1, 2]",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: "validation_error",
      errors: { body: ["must be a JSON object"] },
    });
  });
});

describe("SSLmarket simulator: editing an order and DCV e-mails", () => {
  it("changes contacts, the CSR and the DCV method before validation, and refuses after", async () => {
    const orderId = await placed("rapidssl-rapidssl-dv");
    const { csr: newCsr } = await generateCsr({ commonName: "shop.example.com", keyType: "ec-p384" });
    const edited = await sslmarket.PUT("/order/order_id/{order_id}", {
      ...inOrder(orderId),
      body: { tech_email: "it@example.com", csr: newCsr, dv_auth_method: "Email", invoice_ic: "12345678" },
      parseAs: "text",
    });
    expect(edited.error).toBeUndefined();
    expect(edited.response.status).toBe(200);
    const order = await getOrder(orderId);
    expect(order).toMatchObject({
      tech_email: "it@example.com",
      tech_firstname: "Alan",
      csr: newCsr,
      dv_auth_method: "Email",
    });
    expect(order).not.toHaveProperty("dv_auth_content");
    expect(world.mail.inbox().map((mail) => mail.to)).toContain("admin@shop.example.com");

    const bad = await sslmarket.PUT("/order/order_id/{order_id}", {
      ...inOrder(orderId),
      body: { owner_country: "United Kingdom" },
      parseAs: "text",
    });
    expect(bad.error).toMatchObject({
      status: 400,
      fieldErrors: { owner_country: ["must be a two-letter country code"] },
    });

    world.mail.approve(world.mail.inbox("postmaster@shop.example.com")[0]!.code, world.clock.now());
    expect((await getOrder(orderId)).state).toBe("processing");
    const late = await sslmarket.PUT("/order/order_id/{order_id}", {
      ...inOrder(orderId),
      body: { tech_email: "x@example.com" },
      parseAs: "text",
    });
    expect(late.error).toMatchObject({ status: 409, code: "CONFLICT", providerCode: "invalid_state" });
    expect(late.error?.message).toContain("Editing the order is not possible while the order is processing.");
  });

  it("resends the DCV e-mail only for e-mail validation", async () => {
    const orderId = await placed("rapidssl-rapidssl-dv", { dv_auth_method: "DNS" });
    const { error } = await sslmarket.PUT("/certificate/order_id/{order_id}/resend", inOrder(orderId));
    expect(error).toMatchObject({ status: 400, providerCode: "invalid_dcv_method" });
    expect(world.mail.inbox()).toEqual([]);
  });
});

describe("SSLmarket simulator: actions in the wrong state and bad input", () => {
  it("refuses a reissue before issuance, a bad reissue CSR, a cancel with no reissue, and an unknown format", async () => {
    const orderId = await placed("rapidssl-rapidssl-dv");
    const early = await sslmarket.POST("/certificate/order_id/{order_id}/reissue", {
      ...inOrder(orderId),
      body: { csr },
      parseAs: "text",
    });
    expect(early.error).toMatchObject({
      status: 409,
      message: expect.stringContaining("A reissue is not possible while the order is pending_validation."),
    });

    world.dns.addTxt("shop.example.com", (await getOrder(orderId)).dv_auth_content!);
    await getOrder(orderId);
    world.clock.advance(60_000);
    expect((await getOrder(orderId)).state).toBe("published");
    const badCsr = await sslmarket.POST("/certificate/order_id/{order_id}/reissue", {
      ...inOrder(orderId),
      body: { csr: "nope" },
      parseAs: "text",
    });
    expect(badCsr.error).toMatchObject({ status: 400, providerCode: "invalid_csr" });
    const noCsr = await sslmarket.POST("/certificate/order_id/{order_id}/reissue", {
      ...inOrder(orderId),
      body: {} as never,
      parseAs: "text",
    });
    expect(noCsr.error).toMatchObject({ status: 400, fieldErrors: { csr: ["is required"] } });
    const cancel = await sslmarket.PUT("/certificate/order_id/{order_id}/cancel-reissue", inOrder(orderId));
    expect(cancel.error).toMatchObject({
      status: 409,
      message: expect.stringContaining("Cancelling a reissue is not possible while the order is published."),
    });
    const format = await sslmarket.GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: orderId, format: "der" as never } },
      parseAs: "text",
    });
    expect(format.error).toMatchObject({ status: 400, providerCode: "invalid_format" });
  });

  it("refuses tool input that is missing or does not parse", async () => {
    const noCsr = await sslmarket.POST("/tool/decoder/csr", { body: {} as never });
    expect(noCsr.error).toMatchObject({ status: 400, fieldErrors: { csr: ["is required"] } });
    const badCsr = await sslmarket.POST("/tool/decoder/csr", { body: { csr: "nope" } });
    expect(badCsr.error).toMatchObject({ status: 400, providerCode: "invalid_csr" });
    const badCertificate = await sslmarket.POST("/tool/decoder/certificate", { body: { certificate: "nope" } });
    expect(badCertificate.error).toMatchObject({ status: 400, providerCode: "invalid_certificate" });
    const noCertificate = await sslmarket.POST("/tool/ocsp", { body: {} as never });
    expect(noCertificate.error).toMatchObject({ status: 400, fieldErrors: { certificate: ["is required"] } });
  });
});

describe("SSLmarket simulator: faults", () => {
  it("a 503 on a read is retried by the client; a 500 on an order surfaces with effectUnknown", async () => {
    const orderId = await placed("rapidssl-rapidssl-dv");
    world.faults.add({ provider: "sslmarket", method: "GET", route: "/order/list", from: 1, times: 1, status: 503 });
    const listed = await sslmarket.GET("/order/list");
    expect(listed.error).toBeUndefined();
    expect(listed.data?.orders.map((listedOrder) => listedOrder.order_id)).toEqual([orderId]);
    expect(world.faults.list()[0]).toMatchObject({ seen: 2, hits: 1 });

    world.faults.add({
      provider: "sslmarket",
      method: "POST",
      route: "/order/certificate/{product_code}",
      status: 500,
    });
    const failed = await order("rapidssl-rapidssl-dv", { domain: "other.example.com" });
    expect(failed.error).toMatchObject({ status: 500, code: "PROVIDER", effectUnknown: true });
    expect((await sslmarket.GET("/order/list")).data?.orders).toHaveLength(1);
  });
});
