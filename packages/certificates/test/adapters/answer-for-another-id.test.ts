import { useMswServer } from "@certkit/test-kit";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { dnsimpleV1 } from "../../src/providers/dnsimple-v1/index.js";
import { resello } from "../../src/providers/resello/index.js";
import { createCertificateClient } from "../../src/index.js";

// A provider answers a read of one certificate with another (a cache or routing fault): the order must not come back
// under the other certificate's id, where the caller's next cancel() or renew() would act on the wrong one. It is
// the provider's error.

const RESELLO = "https://api.resello.example.test/api/v1";
const V1 = "https://api.dnsimple-v1.example.test/v1";
const { server } = useMswServer();

describe("an answer about another certificate than the one asked for", () => {
  it("resello: get(), validation() and cancel() refuse it with PROVIDER, and nothing is deleted", async () => {
    let deletes = 0;
    server.use(
      http.get(`${RESELLO}/ssl-certificate/cert-0001`, () => HttpResponse.json({ id: "cert-0002", status: "active" })),
      http.get(`${RESELLO}/ssl-certificate/cert-0001/validation-details`, () => HttpResponse.json({ domains: [] })),
      http.delete(`${RESELLO}/ssl-certificate/cert-0001`, () => {
        deletes += 1;
        return HttpResponse.json({});
      }),
    );
    const certs = createCertificateClient(
      resello({ resellerReference: "reseller-1", apiKey: "resello-api-key-0123456789abcdef", baseUrl: RESELLO }),
    );
    for (const read of [certs.get, certs.validation, certs.cancel]) {
      await expect(read("cert-0001")).rejects.toMatchObject({ name: "CertkitError", code: "PROVIDER" });
    }
    expect(deletes).toBe(0);
  });

  it("dnsimple-v1: get() refuses it with PROVIDER", async () => {
    server.use(
      http.get(`${V1}/domains/example.com/certificates/7`, () =>
        HttpResponse.json({ certificate: { id: 8, domain_id: 1, contact_id: 1, name: "www", state: "issued" } }),
      ),
    );
    const certs = createCertificateClient(
      dnsimpleV1({ email: "owner@example.com", token: "dnsimple-v1-token-0123456789", contactId: 1, baseUrl: V1 }),
    );
    await expect(certs.get("example.com/7")).rejects.toMatchObject({ name: "CertkitError", code: "PROVIDER" });
  });
});
