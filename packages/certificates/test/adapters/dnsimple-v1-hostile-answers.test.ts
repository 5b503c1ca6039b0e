import { collect, useMswServer } from "@certkit/test-kit";
import { http, HttpResponse, type JsonBodyType } from "msw";
import { describe, expect, it } from "vitest";
import { dnsimpleV1 } from "../../src/providers/dnsimple-v1/index.js";
import { createCertificateClient, type OrderRecovery } from "../../src/index.js";

// DNSimple v1 answers 2xx whose JSON is not the documented shape: a list that is no array, items that are null or
// hold no certificate, a domain without a name, a certificate answer that is null. Each is the provider's error
// (PROVIDER), never a TypeError.

const API = "https://api.dnsimple-v1.example.test/v1";
const { server } = useMswServer();

const certificates = (domains?: string[]) =>
  createCertificateClient(
    dnsimpleV1({
      email: "owner@example.com",
      token: "dnsimple-v1-token-0123456789",
      contactId: 1,
      baseUrl: API,
      retry: false,
      ...(domains === undefined ? {} : { domains }),
    }),
  );

const ISSUED = { id: 7, domain_id: 1, contact_id: 1, name: "www", state: "issued" };

const RECOVERY: OrderRecovery = {
  provider: "dnsimple-v1",
  commonName: "www.example.com",
  altNames: [],
  parent: "example.com",
  sentAt: "2015-01-01T00:00:00.000Z",
};

describe("dnsimple-v1 adapter: a domain list it cannot read", () => {
  it.each([
    ["an object", { domain: { name: "example.com" } }],
    ["a list holding null", [null]],
    ["a domain without a name", [{ domain: { id: 1 } }]],
    ["a domain whose name is a number", [{ domain: { name: 5 } }]],
    ["a domain whose name holds a slash", [{ domain: { name: "a/b.example.com" } }]],
  ])("list() refuses %s with PROVIDER", async (_, body) => {
    server.use(http.get(`${API}/domains`, () => HttpResponse.json(body as JsonBodyType)));
    await expect(collect(certificates().list())).rejects.toMatchObject({ name: "CertkitError", code: "PROVIDER" });
  });
});

describe("dnsimple-v1 adapter: a certificate list it cannot read", () => {
  it.each([
    ["an object", { certificate: ISSUED }],
    ["a list holding null", [null]],
    ["an item without a certificate", [{ certificate: null }]],
  ])("list() and findOrders() refuse %s with PROVIDER", async (_, body) => {
    server.use(http.get(`${API}/domains/example.com/certificates`, () => HttpResponse.json(body as JsonBodyType)));
    await expect(collect(certificates(["example.com"]).list())).rejects.toMatchObject({
      name: "CertkitError",
      code: "PROVIDER",
    });
    await expect(certificates().findOrders(RECOVERY, { maxWaitMs: 0 })).rejects.toMatchObject({
      name: "CertkitError",
      code: "PROVIDER",
    });
  });
});

describe("dnsimple-v1 adapter: a certificate answer that is no certificate", () => {
  it.each([
    ["null", null],
    ["text", "issued"],
    ["an envelope holding null", { certificate: null }],
  ])("get(), validation() and download() refuse %s with PROVIDER", async (_, body) => {
    server.use(http.get(`${API}/domains/example.com/certificates/7`, () => HttpResponse.json(body)));
    const client = certificates();
    for (const read of [client.get, client.validation, client.download]) {
      await expect(read("example.com/7")).rejects.toMatchObject({ name: "CertkitError", code: "PROVIDER" });
    }
  });
});
