import { useMswServer } from "@certkit/test-kit";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { resello } from "../../src/providers/resello/index.js";
import { createCertificateClient, type OrderRecovery } from "../../src/index.js";

// Resello's list answers items that are not certificates (null, text) next to the lost order: findOrders() still
// finds the order by its client_reference, rather than failing with a TypeError.

const API = "https://api.resello.example.test/api/v1";
const { server } = useMswServer();

const RECOVERY: OrderRecovery = {
  provider: "resello",
  clientReference: "order-1001",
  commonName: "shop.example.com",
  altNames: [],
  sentAt: "2026-01-01T00:00:00.000Z",
};

describe("resello adapter: findOrders() over a list holding items that are not certificates", () => {
  it("finds the order by its client_reference", async () => {
    server.use(
      http.get(`${API}/ssl-certificate`, () =>
        HttpResponse.json([
          null,
          "cert-0000",
          { id: "cert-0001", status: "active", client_reference: "order-1001", common_name: "shop.example.com" },
        ]),
      ),
    );
    const certs = createCertificateClient(
      resello({ resellerReference: "reseller-1", apiKey: "resello-api-key-0123456789abcdef", baseUrl: API }),
    );
    expect(await certs.findOrders(RECOVERY, { maxWaitMs: 0 })).toMatchObject([
      { id: "cert-0001", status: "issued", commonName: "shop.example.com" },
    ]);
  });
});
