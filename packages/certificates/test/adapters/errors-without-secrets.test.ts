import { generateCsr } from "@certkit/sandbox";
import { collect, expectNoSecret, failureOf } from "@certkit/test-kit";
import { describe, expect, it } from "vitest";
import { ionosSsl } from "../../src/providers/ionos-ssl/index.js";
import { sslmarket } from "../../src/providers/sslmarket/index.js";
import { zerossl } from "../../src/providers/zerossl/index.js";
import { createCertificateClient, OrderNotConfirmedError } from "../../src/index.js";

// A 2xx answer the facade cannot read (no certificate id, no order list) that echoes the caller's credential, as a
// provider echoing the request URL would (`?access_key=...`): the facade's error, and every error in its cause chain,
// must not show the credential, nor any 8-character piece of it, however it is rendered.

const SECRET = "planted-credential-4f9c2a7e1b";

/** A fetch that answers every request 200 with JSON echoing the credential in a URL. */
const echoing = (): Promise<Response> =>
  Promise.resolve(
    new Response(JSON.stringify({ note: `see https://api.example.test/certificates?access_key=${SECRET}` }), {
      status: 200,
      headers: { "content-type": "application/json" },
    }),
  );

describe("facade errors about an unreadable 2xx answer hold no credential it echoes", () => {
  it("ZeroSSL: a purchase answered without a certificate id (OrderNotConfirmedError and its cause)", async () => {
    const { csr } = await generateCsr({ commonName: "shop.example.com", keyType: "ec-p256" });
    const certs = createCertificateClient(
      zerossl({ accessKey: SECRET, baseUrl: "https://zerossl.example.test", retry: false, fetch: echoing }),
    );
    const error = await failureOf(certs.order({ commonName: "shop.example.com", csr }));
    expect(error).toBeInstanceOf(OrderNotConfirmedError);
    expect(error.cause).toMatchObject({ code: "PROVIDER" });
    expectNoSecret(SECRET, error, error.cause);
  });

  it("IONOS: a certificate read without an id", async () => {
    const certs = createCertificateClient(
      ionosSsl({ apiKey: SECRET, baseUrl: "https://ionos.example.test", retry: false, fetch: echoing }),
    );
    const error = await failureOf(certs.get("8c1f2a3b-0000-4000-8000-000000000001"));
    expect(error).toMatchObject({ code: "PROVIDER", provider: "ionos-ssl" });
    expectNoSecret(SECRET, error);
  });

  it("SSLmarket: an order list without orders", async () => {
    const certs = createCertificateClient(
      sslmarket({ token: SECRET, baseUrl: "https://sslmarket.example.test", retry: false, fetch: echoing }),
    );
    const error = await failureOf(collect(certs.list()));
    expect(error).toMatchObject({ code: "PROVIDER", provider: "sslmarket" });
    expectNoSecret(SECRET, error);
  });
});
