import { describe, expect, it } from "vitest";
import { dnsimple } from "../../src/providers/dnsimple/index.js";
import { dnsimpleV1 } from "../../src/providers/dnsimple-v1/index.js";
import { createCertificateClient } from "../../src/index.js";

// DNSimple answers (v2 and v1) whose fields hold JSON of the wrong type: an object with a `toString` member cannot be
// turned into text, so a view that did so threw a TypeError. A missing or unreadable id is a PROVIDER error (no later
// call could address the order); an unreadable optional field is left out, as the other views do.

const HOSTILE = { toString: 1 };

/** A fetch that answers every request with `body` as JSON. */
const answering = (body: unknown) => (): Promise<Response> =>
  Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } }));

const v2 = (certificate: unknown) =>
  createCertificateClient(
    dnsimple({
      token: "dnsimple-token-0123456789abcdef",
      accountId: 1010,
      baseUrl: "https://api.dnsimple.example.test",
      retry: false,
      fetch: answering({ data: certificate }),
    }),
  );

const v1 = (certificate: unknown) =>
  createCertificateClient(
    dnsimpleV1({
      email: "owner@example.com",
      token: "dnsimple-v1-token-0123456789",
      contactId: 1,
      baseUrl: "https://api.dnsimple-v1.example.test",
      retry: false,
      fetch: answering({ certificate }),
    }),
  );

describe("dnsimple adapter: an answer with fields of the wrong type", () => {
  it.each([
    ["an object", HOSTILE],
    ["null", null],
    ["text", "1"],
    ["missing", undefined],
  ])("refuses a certificate whose id is %s with PROVIDER", async (_, id) => {
    await expect(
      v2({ id, state: "issued", common_name: "shop.example.com" }).get("1010/example.com/1"),
    ).rejects.toMatchObject({ name: "CertkitError", code: "PROVIDER", provider: "dnsimple" });
  });

  it("refuses an answer that is no certificate with PROVIDER", async () => {
    await expect(v2(null).get("1010/example.com/1")).rejects.toMatchObject({ code: "PROVIDER" });
  });

  it("leaves out names, dates and the product that are not text", async () => {
    const order = await v2({
      id: 1,
      state: "issued",
      authority_identifier: HOSTILE,
      common_name: HOSTILE,
      alternate_names: [HOSTILE, "www.example.com", 7],
      expires_on: HOSTILE,
      created_at: HOSTILE,
      updated_at: HOSTILE,
    }).get("1010/example.com/1");
    expect(order).toMatchObject({ id: "1010/example.com/1", commonName: "", altNames: ["www.example.com"] });
    for (const field of ["product", "validUntil", "createdAt", "updatedAt"]) expect(order).not.toHaveProperty(field);
  });

  it("reads expires_on as the start of that day, when it is text", async () => {
    const order = await v2({ id: 1, state: "issued", common_name: "a.example.com", expires_on: "2026-09-01" }).get(
      "1010/example.com/1",
    );
    expect(order.validUntil).toBe("2026-09-01T00:00:00Z");
  });
});

describe("dnsimpleV1 adapter: an answer with fields of the wrong type", () => {
  it.each([
    ["an object", HOSTILE],
    ["null", null],
    ["text", "7"],
    ["missing", undefined],
    ["zero", 0],
  ])("refuses a certificate whose id is %s with PROVIDER", async (_, id) => {
    await expect(v1({ id, name: "www", state: "issued" }).get("example.com/7")).rejects.toMatchObject({
      name: "CertkitError",
      code: "PROVIDER",
      provider: "dnsimple-v1",
    });
  });
});

describe("dnsimple adapter: a renewal answered 2xx without its ids", () => {
  it.each([
    ["null data", { data: null }],
    ["no new certificate id", { data: { id: 7 } }],
    ["an object for an id", { data: { id: HOSTILE, new_certificate_id: 8 } }],
  ])("says the renewal is bought and not to renew again (%s), having sent it once", async (_, answer) => {
    const posts: string[] = [];
    const client = createCertificateClient(
      dnsimple({
        token: "dnsimple-token-0123456789abcdef",
        accountId: 1010,
        baseUrl: "https://api.dnsimple.example.test",
        autoRenew: false,
        retry: false,
        fetch: (input: RequestInfo | URL, init?: RequestInit) => {
          const request = new Request(input, init);
          if (request.method === "POST") posts.push(new URL(request.url).pathname);
          return answering(answer)();
        },
      }),
    );
    const renewal = client.renew("1010/example.com/1");
    await expect(renewal).rejects.toMatchObject({
      name: "CertkitError",
      code: "PROVIDER",
      effectUnknown: true,
      retryable: false,
      message: expect.stringContaining("the renewal is bought. Do not renew again"),
    });
    expect(posts).toEqual(["/1010/domains/example.com/certificates/letsencrypt/1/renewals"]);
  });
});
