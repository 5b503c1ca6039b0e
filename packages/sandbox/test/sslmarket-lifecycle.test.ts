import "reflect-metadata";
import { createSslmarketClient, type CreateOrderRequest, type SslmarketClient } from "@certkit/sslmarket";
import * as x509 from "@peculiar/x509";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateCsr } from "../src/ca/generate-csr.js";
import { SANDBOX_CREDENTIALS } from "../src/credentials.js";
import { SANDBOX_MOUNTS } from "../src/providers.js";
import type { SimulatorWorld } from "../src/simulator.js";
import { SslmarketSimulator } from "../src/providers/sslmarket/sslmarket-simulator.js";
import { createTestWorld, serveOver, TRANSPORTS } from "./support/transports.js";
import { SSLMARKET_DEMO_CONTACTS } from "../src/providers/sslmarket/sslmarket-demo-contacts.js";

const MINUTE = 60_000;

const COMPANY = SSLMARKET_DEMO_CONTACTS;

describe.each(TRANSPORTS)("SSLmarket simulator over %s", (transport) => {
  let world: SimulatorWorld;
  let close: () => Promise<void>;
  let sslmarket: SslmarketClient;

  beforeEach(async () => {
    world = await createTestWorld();
    const simulator = new SslmarketSimulator(world, {
      ...SANDBOX_CREDENTIALS.sslmarket,
      issuanceDelayMs: 2 * MINUTE,
      reissueDelayMs: MINUTE,
    });
    const served = await serveOver(transport, (origin) => simulator.handlers(`${origin}${SANDBOX_MOUNTS.sslmarket}`));
    close = served.close;
    sslmarket = createSslmarketClient({
      ...SANDBOX_CREDENTIALS.sslmarket,
      baseUrl: `${served.origin}${SANDBOX_MOUNTS.sslmarket}`,
    });
  });
  afterEach(() => close());

  const inOrder = (order_id: number) => ({ params: { path: { order_id } } });

  async function placeOrder(
    productCode: string,
    body: Omit<CreateOrderRequest, keyof typeof COMPANY>,
  ): Promise<number> {
    const { data, error, response } = await sslmarket.POST("/order/certificate/{product_code}", {
      params: { path: { product_code: productCode } },
      body: { ...COMPANY, ...body },
    });
    if (error) throw error;
    expect(response.status).toBe(201);
    return data.order_id;
  }

  async function getOrder(orderId: number) {
    const { data, error } = await sslmarket.GET("/order/order_id/{order_id}", inOrder(orderId));
    if (error) throw error;
    return data;
  }

  async function download(orderId: number, format: "pem_server" | "pem_intermediate") {
    const { data, error } = await sslmarket.GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: orderId, format } },
      parseAs: "text",
    });
    if (error) throw error;
    return data;
  }

  it("orders, validates over DNS, issues, downloads, reissues and cancels a reissue", async () => {
    const products = await sslmarket.GET("/product/list");
    expect(
      products.data?.products.map((product) => [product.product_code, product.validate_type, product.max_san_values]),
    ).toEqual([
      ["rapidssl-rapidssl-dv", "dv", "0"],
      ["rapidssl-rapidssl-wildcard-dv", "dv", "0"],
      ["geotrust-geotrust-standard-dv-ssl", "dv", "250"],
      ["digicert-client-premium-class-1", "ov", "0"],
    ]);
    expect(Object.keys(products.data!.products[0]!)).not.toContain("wildcard");

    const { csr } = await generateCsr({ commonName: "www.example.com", keyType: "rsa-2048" });
    const orderId = await placeOrder("geotrust-geotrust-standard-dv-ssl", {
      domain: "www.example.com",
      dns_names: ["example.com", "shop.example.com", "www.example.com"],
      years: 2,
      csr,
      dv_auth_method: "DNS",
    });
    expect(orderId).toBe(100001);

    const waiting = await getOrder(orderId);
    expect(waiting).toMatchObject({
      product_type: "ssl_certificate",
      product_code: "geotrust-geotrust-standard-dv-ssl",
      domain: "www.example.com",
      dns_names: ["example.com", "shop.example.com"],
      sans_order_count: 2,
      years: 2,
      csr,
      certificate_serial_number: null,
      owner_name: "Example Shop Ltd",
      tech_email: "hostmaster@example.com",
      inserted: "2026-03-01 12:00:00",
      published: null,
      expired: null,
      dv_auth_method: "DNS",
      state: "pending_validation",
      auto_reissue: true,
    });
    expect(waiting).not.toHaveProperty("invoice_name");
    expect(waiting).not.toHaveProperty("days_remaining");
    const token = waiting.dv_auth_content!;
    expect(token).toMatch(/^[0-9a-f]{32}$/);

    // The CA needs the value at every name: two of three records are not enough.
    world.dns.addTxt("www.example.com", token);
    world.dns.addTxt("_dnsauth.example.com", token);
    world.dns.addTxt("shop.example.com", "someone-else's-value");
    clock().advance(10 * MINUTE);
    expect((await getOrder(orderId)).state).toBe("pending_validation");
    world.dns.addTxt("shop.example.com", token);
    expect((await getOrder(orderId)).state).toBe("processing");
    const notYet = await sslmarket.GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: orderId, format: "pem_server" } },
      parseAs: "text",
    });
    expect(notYet.error).toMatchObject({ status: 409, code: "CONFLICT", providerCode: "invalid_state" });

    clock().advance(2 * MINUTE - 1);
    expect((await getOrder(orderId)).state).toBe("processing");
    clock().advance(1);
    const issued = await getOrder(orderId);
    expect(issued).toMatchObject({
      state: "published",
      published: "2026-03-01 12:12:00",
      expired: "2027-03-01",
      days_remaining: 365,
    });
    expect(issued.certificate_serial_number).toMatch(/^[0-9A-F]+$/);

    const listed = await sslmarket.GET("/order/list");
    expect(listed.data?.orders).toEqual([
      {
        order_id: orderId,
        product_type: "ssl_certificate",
        product_code: "geotrust-geotrust-standard-dv-ssl",
        domain: "www.example.com",
        dns_names: ["example.com", "shop.example.com"],
        sans_order_count: 2,
        years: 2,
        inserted: "2026-03-01 12:00:00",
        published: "2026-03-01 12:12:00",
        expired: "2027-03-01",
        state: "published",
      },
    ]);

    const leaf = await download(orderId, "pem_server");
    expect(leaf.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(1);
    const fullchain = await download(orderId, "pem_intermediate");
    expect(fullchain.startsWith(leaf)).toBe(true);
    expect(fullchain.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    expect(await world.ca.verifyChain(fullchain, clock().now())).toMatchObject({
      ok: true,
      subject: "CN=www.example.com",
      names: ["www.example.com", "example.com", "shop.example.com"],
    });
    const p7b = await sslmarket.GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: orderId, format: "p7b" } },
      parseAs: "arrayBuffer",
    });
    const bundle = new x509.X509Certificates(new Uint8Array(p7b.data!));
    expect(bundle.map((certificate) => certificate.subject)).toEqual([
      "CN=www.example.com",
      "CN=certkit Sandbox Issuing CA, O=certkit sandbox",
      "CN=certkit Sandbox Root CA, O=certkit sandbox",
    ]);
    expect(bundle[0]!.serialNumber.toUpperCase()).toBe(issued.certificate_serial_number);

    const decoded = await sslmarket.POST("/tool/decoder/certificate", { body: { certificate: leaf } });
    expect(decoded.data?.certificate).toMatchObject({
      owner: { domain: "www.example.com" },
      length: "2048",
      alghoritm: 0,
      sans: ["www.example.com", "example.com", "shop.example.com"],
      valid_from: "2026-03-01 12:12:00",
      valid_to: "2027-03-01 12:12:00",
      serial_number_hex: issued.certificate_serial_number,
      serial_number: BigInt(`0x${issued.certificate_serial_number}`).toString(),
    });
    const ocsp = await sslmarket.POST("/tool/ocsp", { body: { certificate: leaf } });
    expect(ocsp.data).toEqual({
      status: "good",
      this_update: "2026-03-01 12:12:00",
      next_update: "2026-03-08 12:12:00",
    });

    // Reissue with a new key: same names and expiry, a new serial, after the reissue delay.
    clock().advance(30 * 86_400_000);
    const { csr: newCsr } = await generateCsr({ commonName: "www.example.com", keyType: "ec-p256" });
    const reissue = await sslmarket.POST("/certificate/order_id/{order_id}/reissue", {
      ...inOrder(orderId),
      body: { csr: newCsr },
      parseAs: "text",
    });
    expect(reissue.error).toBeUndefined();
    expect(reissue.response.status).toBe(202);
    expect((await getOrder(orderId)).state).toBe("reissuing");
    expect(await download(orderId, "pem_server")).toBe(leaf);
    clock().advance(MINUTE);
    const reissued = await getOrder(orderId);
    expect(reissued).toMatchObject({
      state: "published",
      csr: newCsr,
      published: "2026-03-31 12:13:00",
      expired: "2027-03-01",
      days_remaining: 334,
    });
    expect(reissued.certificate_serial_number).not.toBe(issued.certificate_serial_number);
    const newChain = await download(orderId, "pem_intermediate");
    expect(await world.ca.verifyChain(newChain, clock().now())).toMatchObject({
      ok: true,
      notAfter: new Date("2027-03-01T12:12:00Z"),
    });
    expect(new x509.X509Certificate(newChain).publicKey.algorithm.name).toBe("ECDSA");

    // A second reissue, cancelled before it finishes: the certificate stays as it was.
    const { csr: thirdCsr } = await generateCsr({ commonName: "www.example.com", keyType: "ec-p256" });
    await sslmarket.POST("/certificate/order_id/{order_id}/reissue", {
      ...inOrder(orderId),
      body: { csr: thirdCsr },
      parseAs: "text",
    });
    const cancelled = await sslmarket.PUT("/certificate/order_id/{order_id}/cancel-reissue", inOrder(orderId));
    expect(cancelled.response.status).toBe(202);
    clock().advance(10 * MINUTE);
    expect(await getOrder(orderId)).toMatchObject({
      state: "published",
      csr: newCsr,
      certificate_serial_number: reissued.certificate_serial_number,
    });
    const again = await sslmarket.PUT("/certificate/order_id/{order_id}/cancel-reissue", inOrder(orderId));
    expect(again.error).toMatchObject({ status: 409, providerCode: "invalid_state" });

    // Revocation is for the client-certificate products only.
    const refused = await sslmarket.PUT("/certificate/order_id/{order_id}/revoke", {
      ...inOrder(orderId),
      parseAs: "text",
    });
    expect(refused.error).toMatchObject({ status: 400, providerCode: "revocation_not_available" });
    expect(refused.error?.message).toContain("DV SSL certificates cannot be revoked through the API.");

    // The certificate runs out: the order shows expired, still downloadable, no longer reissuable.
    clock().advance(400 * 86_400_000);
    expect(await getOrder(orderId)).toMatchObject({ state: "expired", expired: "2027-03-01" });
    expect(await download(orderId, "pem_server")).toContain("-----BEGIN CERTIFICATE-----");
    const late = await sslmarket.POST("/certificate/order_id/{order_id}/reissue", {
      ...inOrder(orderId),
      body: { csr: thirdCsr },
      parseAs: "text",
    });
    expect(late.error).toMatchObject({ status: 409, providerCode: "invalid_state" });
  });

  it("issues a client certificate without DCV, then revokes it, and OCSP says revoked", async () => {
    const { csr } = await generateCsr({ commonName: "jane.doe@example.com", keyType: "ec-p256" });
    const orderId = await placeOrder("digicert-client-premium-class-1", {
      domain: "jane.doe@example.com",
      years: 1,
      csr,
      dv_auth_method: "DNS",
    });
    const ordered = await getOrder(orderId);
    expect(ordered).toMatchObject({ product_type: "client_certificate", state: "processing" });
    expect(ordered).not.toHaveProperty("dv_auth_method");
    expect(ordered).not.toHaveProperty("dv_auth_content");
    expect(ordered).not.toHaveProperty("auto_reissue");
    clock().advance(2 * MINUTE);
    expect((await getOrder(orderId)).state).toBe("published");
    const leaf = await download(orderId, "pem_server");

    const revoked = await sslmarket.PUT("/certificate/order_id/{order_id}/revoke", {
      ...inOrder(orderId),
      parseAs: "text",
    });
    expect(revoked.error).toBeUndefined();
    expect(revoked.response.status).toBe(202);
    const after = await getOrder(orderId);
    expect(after).toMatchObject({ state: "revoked", published: "2026-03-01 12:02:00" });
    expect(after).not.toHaveProperty("days_remaining");
    expect(world.ca.revokedAt(new x509.X509Certificate(leaf).serialNumber)).toBe("2026-03-01T12:02:00.000Z");
    expect((await sslmarket.POST("/tool/ocsp", { body: { certificate: leaf } })).data?.status).toBe("revoked");

    const twice = await sslmarket.PUT("/certificate/order_id/{order_id}/revoke", {
      ...inOrder(orderId),
      parseAs: "text",
    });
    expect(twice.error).toMatchObject({
      status: 409,
      providerCode: "invalid_state",
      message: expect.stringContaining("revoked"),
    });
    const gone = await sslmarket.GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: orderId, format: "pem_server" } },
      parseAs: "text",
    });
    expect(gone.error).toMatchObject({ status: 409, providerCode: "invalid_state" });
  });

  it("validates by file, over http or https, only once every name serves the value", async () => {
    const { csr } = await generateCsr({ commonName: "files.example.com", keyType: "ec-p256" });
    const orderId = await placeOrder("geotrust-geotrust-standard-dv-ssl", {
      domain: "files.example.com",
      dns_names: ["static.example.com"],
      years: 1,
      csr,
      dv_auth_method: "FILE",
    });
    const { dv_auth_method, dv_auth_content } = await getOrder(orderId);
    expect(dv_auth_method).toBe("FILE");
    world.web.publish("http://files.example.com/.well-known/pki-validation/fileauth.txt", `${dv_auth_content}\n`);
    world.web.publish("https://static.example.com/.well-known/pki-validation/fileauth.txt", "wrong");
    expect((await getOrder(orderId)).state).toBe("pending_validation");
    world.web.publish("https://static.example.com/.well-known/pki-validation/fileauth.txt", ` ${dv_auth_content} `);
    expect((await getOrder(orderId)).state).toBe("processing");
    clock().advance(2 * MINUTE);
    expect((await getOrder(orderId)).state).toBe("published");
  });

  it("validates by e-mail once an approver approves, and resends the e-mail", async () => {
    const { csr } = await generateCsr({ commonName: "*.example.net", keyType: "ec-p256" });
    const orderId = await placeOrder("rapidssl-rapidssl-wildcard-dv", { domain: "*.example.net", years: 1, csr });
    const order = await getOrder(orderId);
    expect(order).toMatchObject({ dv_auth_method: "Email", state: "pending_validation", domain: "*.example.net" });
    expect(order).not.toHaveProperty("dv_auth_content");
    const sent = world.mail.inbox();
    expect(sent.map((mail) => mail.to)).toEqual([
      "admin@example.net",
      "administrator@example.net",
      "hostmaster@example.net",
      "postmaster@example.net",
      "webmaster@example.net",
    ]);
    expect(sent[0]!.subject).toBe(`Domain control validation for example.net (SSLmarket order ${orderId})`);

    const resent = await sslmarket.PUT("/certificate/order_id/{order_id}/resend", inOrder(orderId));
    expect(resent.error).toBeUndefined();
    expect(resent.response.status).toBe(202);
    expect(world.mail.inbox("hostmaster@example.net")).toHaveLength(2);
    clock().advance(5 * MINUTE);
    expect((await getOrder(orderId)).state).toBe("pending_validation");

    world.mail.approve(world.mail.inbox("webmaster@example.net")[1]!.code, clock().now());
    expect((await getOrder(orderId)).state).toBe("processing");
    const tooLate = await sslmarket.PUT("/certificate/order_id/{order_id}/resend", inOrder(orderId));
    expect(tooLate.error).toMatchObject({ status: 409, providerCode: "invalid_state" });
    clock().advance(2 * MINUTE);
    const chain = await download(orderId, "pem_intermediate");
    expect(await world.ca.verifyChain(chain, clock().now())).toMatchObject({ ok: true, names: ["*.example.net"] });
  });

  function clock() {
    return world.clock;
  }
});
