import { SSLMARKET_DEMO_CONTACTS } from "@certkit/sandbox";
import { collect, useMswServer } from "@certkit/test-kit";
import { http, HttpResponse, type JsonBodyType } from "msw";
import { describe, expect, it } from "vitest";
import { sslmarket } from "../../src/providers/sslmarket/index.js";
import { createCertificateClient, type OrderRecovery } from "../../src/index.js";

// SSLmarket answers 2xx whose JSON is not the documented shape: an order that is not an object, a list item that is
// null or names no order number. Each is the provider's error (PROVIDER), never a TypeError, and never an order whose
// id is "undefined" (or any text no later call takes).

const API = "https://api.sslmarket.example.test/api";
const { server } = useMswServer();

const certificates = () =>
  createCertificateClient(
    sslmarket({
      token: "sslmarket-token-0123456789abcdef",
      baseUrl: API,
      retry: false,
      contacts: SSLMARKET_DEMO_CONTACTS,
    }),
  );

/** Every GET answered with `body`. */
const answering = (body: JsonBodyType) => server.use(http.get(`${API}/*`, () => HttpResponse.json(body)));

const RECOVERY: OrderRecovery = {
  provider: "sslmarket",
  commonName: "shop.example.com",
  altNames: [],
  product: "geotrust-geotrust-standard-dv-ssl",
  sentAt: "2026-01-01T00:00:00.000Z",
};

const published = { domain: "shop.example.com", product_code: RECOVERY.product, state: "published" };

describe("sslmarket adapter: an order list with unreadable items", () => {
  it.each([
    ["null", null],
    ["text", "100234"],
    ["without an order_id", published],
    ["with an order_id that is text", { ...published, order_id: "../100234" }],
    ["with an order_id that is no whole number", { ...published, order_id: 1.5 }],
  ])("list() refuses an item that is %s with PROVIDER", async (_, item) => {
    answering({ orders: [item] });
    await expect(collect(certificates().list())).rejects.toMatchObject({
      name: "CertkitError",
      code: "PROVIDER",
      provider: "sslmarket",
    });
  });

  it("findOrders() refuses a null item with PROVIDER", async () => {
    answering({ orders: [null] });
    await expect(certificates().findOrders(RECOVERY, { maxWaitMs: 0 })).rejects.toMatchObject({
      name: "CertkitError",
      code: "PROVIDER",
    });
  });
});

describe("sslmarket adapter: an order answer that is not an object", () => {
  it.each([
    ["null", null],
    ["text", "published"],
    ["a list", [published]],
  ])("get() and validation() refuse %s with PROVIDER", async (_, body) => {
    answering(body);
    await expect(certificates().get("100234")).rejects.toMatchObject({ name: "CertkitError", code: "PROVIDER" });
    await expect(certificates().validation("100234")).rejects.toMatchObject({
      name: "CertkitError",
      code: "PROVIDER",
    });
  });
});
