import "reflect-metadata";
import { createSslmarketClient, type SslmarketClient } from "@certkit/sslmarket";
import * as x509 from "@peculiar/x509";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateCsr } from "../src/ca/generate-csr.js";
import { SANDBOX_CREDENTIALS } from "../src/credentials.js";
import { SANDBOX_MOUNTS } from "../src/providers.js";
import type { SimulatorWorld } from "../src/simulator.js";
import { SslmarketSimulator } from "../src/providers/sslmarket/sslmarket-simulator.js";
import type { SslmarketState } from "../src/providers/sslmarket/sslmarket-state.js";
import { createTestWorld, serveOver } from "./support/transports.js";

let world: SimulatorWorld;
let simulator: SslmarketSimulator;
let close: (() => Promise<void>) | undefined;
let origin: string;
let sslmarket: SslmarketClient;

/** Serves `serving` in place of whatever was served, and points the client at it. */
async function serve(serving: SslmarketSimulator): Promise<void> {
  await close?.();
  ({ origin, close } = await serveOver("msw", (at) => serving.handlers(`${at}${SANDBOX_MOUNTS.sslmarket}`)));
  sslmarket = createSslmarketClient({
    ...SANDBOX_CREDENTIALS.sslmarket,
    baseUrl: `${origin}${SANDBOX_MOUNTS.sslmarket}`,
  });
}

beforeEach(async () => {
  world = await createTestWorld();
  simulator = new SslmarketSimulator(world, { ...SANDBOX_CREDENTIALS.sslmarket });
  await serve(simulator);
});
afterEach(() => close?.());

const inOrder = (order_id: number) => ({ params: { path: { order_id } } });
const orders = async () => (await sslmarket.GET("/order/list")).data!.orders;

describe("SSLmarket simulator: seed, snapshot, restore, reset", () => {
  it("seeds a certificate issued 200 days ago, an order waiting for DNS, and a revoked client certificate", async () => {
    await simulator.seed();
    expect(await orders()).toEqual([
      {
        order_id: 100001,
        product_type: "ssl_certificate",
        product_code: "rapidssl-rapidssl-dv",
        domain: "shop.example.com",
        dns_names: [],
        sans_order_count: 0,
        years: 1,
        inserted: "2025-08-12 12:00:00",
        published: "2025-08-13 12:00:00",
        expired: "2026-08-13",
        state: "published",
      },
      expect.objectContaining({
        order_id: 100002,
        domain: "www.example.org",
        dns_names: ["example.org"],
        state: "pending_validation",
        published: null,
      }),
      expect.objectContaining({
        order_id: 100003,
        product_type: "client_certificate",
        domain: "jane.doe@example.net",
        state: "revoked",
      }),
    ]);
    expect((await sslmarket.GET("/order/order_id/{order_id}", inOrder(100001))).data).toMatchObject({
      days_remaining: 165,
      dv_auth_method: "DNS",
    });
    const waiting = (await sslmarket.GET("/order/order_id/{order_id}", inOrder(100002))).data!;
    expect(waiting).toMatchObject({ dv_auth_method: "DNS", state: "pending_validation" });
    expect(waiting.dv_auth_content).toMatch(/^[0-9a-f]{32}$/);

    const leaf = await sslmarket.GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: 100001, format: "pem_intermediate" } },
      parseAs: "text",
    });
    expect(await world.ca.verifyChain(leaf.data!, world.clock.now())).toMatchObject({
      ok: true,
      subject: "CN=shop.example.com",
    });
    const revoked = simulator.snapshot().orders[2]!.certificate!;
    expect(world.ca.revokedAt(revoked.serialNumber)).toBe("2026-02-19T12:00:00.000Z");
    expect((await sslmarket.POST("/tool/ocsp", { body: { certificate: revoked.certificate } })).data?.status).toBe(
      "revoked",
    );
  });

  it("restores a snapshot into a new simulator that answers the same", async () => {
    await simulator.seed();
    world.clock.advance(1_000);
    const snapshot = JSON.parse(JSON.stringify(simulator.snapshot())) as SslmarketState;
    const before = {
      list: await orders(),
      detail: (await sslmarket.GET("/order/order_id/{order_id}", inOrder(100002))).data,
    };

    const restored = new SslmarketSimulator(world, { ...SANDBOX_CREDENTIALS.sslmarket });
    restored.restore(snapshot);
    await serve(restored);
    expect(await orders()).toEqual(before.list);
    expect((await sslmarket.GET("/order/order_id/{order_id}", inOrder(100002))).data).toEqual(before.detail);
    expect(restored.snapshot()).toEqual(snapshot);

    // The order numbers go on from where the snapshot left them.
    const { csr } = await generateCsr({ commonName: "jane@example.com", keyType: "ec-p256" });
    const placed = await sslmarket.POST("/order/certificate/{product_code}", {
      params: { path: { product_code: "digicert-client-premium-class-1" } },
      body: { ...companyOf(snapshot), domain: "jane@example.com", years: 1, csr },
    });
    expect(placed.data).toEqual({ order_id: 100004 });
  });

  it.each([
    ["not an object", null, /must be \{nextOrderId, orders/],
    ["no order number", { orders: [] }, /nextOrderId must be an integer/],
    ["orders that are not a list", { nextOrderId: 5, orders: {} }, /orders must be an array/],
    [
      "an order with an unknown status",
      { nextOrderId: 5, orders: [{ orderId: 1, status: "shipped", dnsNames: [], contacts: {}, approvalCodes: {} }] },
      /orders\[0\]\.status must be one of/,
    ],
    [
      "an order without contacts",
      { nextOrderId: 5, orders: [{ orderId: 1, status: "published", dnsNames: [], approvalCodes: {} }] },
      /orders\[0\]\.contacts must be an object/,
    ],
  ])("refuses to restore %s, and changes nothing", async (_what, state, message) => {
    await simulator.seed();
    const before = simulator.snapshot();
    expect(() => simulator.restore(state as never)).toThrow(TypeError);
    expect(() => simulator.restore(state as never)).toThrow(message);
    expect(simulator.snapshot()).toEqual(before);
  });

  it("reset forgets every order and numbers from the start again, keeping the options", async () => {
    const custom = new SslmarketSimulator(world, { token: "custom-token", products: [] });
    custom.reset();
    await simulator.seed();
    simulator.reset();
    expect(simulator.snapshot()).toEqual({ nextOrderId: 100001, orders: [] });
    expect(await orders()).toEqual([]);
    expect((await sslmarket.GET("/product/list")).data?.products).toHaveLength(4);
    expect(custom.snapshot()).toEqual({ nextOrderId: 100001, orders: [] });
  });
});

describe("SSLmarket simulator: tools", () => {
  it("decodes a CSR's subject, key and SANs", async () => {
    const { csr } = await generateCsr({
      commonName: "www.example.com",
      altNames: ["example.com"],
      keyType: "rsa-2048",
    });
    const { data } = await sslmarket.POST("/tool/decoder/csr", { body: { csr } });
    expect(data?.csr).toMatchObject({
      subject: { CN: "www.example.com" },
      pkey: { length: "2048", alghoritm: "RSA", pkey: expect.stringContaining("-----BEGIN PUBLIC KEY-----") },
      sans: ["www.example.com", "example.com"],
    });
    const { csr: ec } = await generateCsr({ commonName: "ec.example.com", keyType: "ec-p384" });
    expect((await sslmarket.POST("/tool/decoder/csr", { body: { csr: ec } })).data?.csr?.pkey).toMatchObject({
      length: "384",
      alghoritm: "EC",
    });
  });

  it("decodes any certificate, and OCSP answers unknown for one the sandbox CA did not sign", async () => {
    const keys = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
    const foreign = await x509.X509CertificateGenerator.createSelfSigned({
      name: "CN=other.example.com, O=Other Ltd, L=Leeds, ST=West Yorkshire, C=GB",
      keys,
      serialNumber: "0a1b2c",
      notBefore: new Date("2026-01-01T00:00:00Z"),
      notAfter: new Date("2026-12-31T23:59:59Z"),
      signingAlgorithm: { name: "ECDSA", hash: "SHA-256" },
      extensions: [new x509.SubjectAlternativeNameExtension([{ type: "dns", value: "other.example.com" }])],
    });
    const certificate = foreign.toString("pem");
    const decoded = await sslmarket.POST("/tool/decoder/certificate", { body: { certificate } });
    expect(decoded.data?.certificate).toEqual({
      owner: {
        domain: "other.example.com",
        organization: "Other Ltd",
        city: "Leeds",
        locality: "West Yorkshire",
        country: "GB",
      },
      length: "256",
      alghoritm: 3,
      pkey: { bits: 256, key: foreign.publicKey.toString("pem"), type: 3 },
      sans: ["other.example.com"],
      valid_from: "2026-01-01 00:00:00",
      valid_to: "2026-12-31 23:59:59",
      serial_number: "662316",
      serial_number_hex: "0A1B2C",
    });
    const ocsp = await sslmarket.POST("/tool/ocsp", { body: { certificate } });
    expect(ocsp.data as unknown).toEqual({
      status: "unknown",
      this_update: "2026-03-01 12:00:00",
      next_update: "2026-03-08 12:00:00",
    });
  });
});

/** The company fields of the first order of a snapshot, to place another order for the same company. */
function companyOf(state: SslmarketState) {
  return state.orders[0]!.contacts as Required<SslmarketState["orders"][number]["contacts"]>;
}
