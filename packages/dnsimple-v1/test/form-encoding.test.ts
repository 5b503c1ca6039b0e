import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { CertkitError, createDnsimpleV1Client, encodeFormBody } from "../src/index.js";
import { CERTIFICATE_ID, CSR_PEM, DOMAIN, purchased, submitted, wrap } from "./support/fixtures.js";
import { BASE_URL, EMAIL, requests, server, TOKEN, TOKEN_HEADER } from "./support/server.js";

const dnsimple = () => createDnsimpleV1Client({ email: EMAIL, token: TOKEN, baseUrl: BASE_URL });
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

describe("encodeFormBody", () => {
  it("nests fields in brackets, as v1's form fields are named", () => {
    const encoded = encodeFormBody({ certificate: { name: "www", contact_id: 1001 } });
    expect(encoded).toBe("certificate%5Bname%5D=www&certificate%5Bcontact_id%5D=1001");
    expect(decodeURIComponent(encoded)).toBe("certificate[name]=www&certificate[contact_id]=1001");
  });

  it("escapes what form decoding would otherwise change: + / = @ & line breaks", () => {
    const encoded = encodeFormBody({ certificate: { csr: CSR_PEM, approver_email: "a+b@example.test&x=1" } });
    // A literal "+" would decode as a space, a raw "&" or "=" would split the field: all are percent-encoded.
    expect(encoded).toContain("certificate%5Bapprover_email%5D=a%2Bb%40example.test%26x%3D1");
    expect(encoded).toContain("RkFLRS1DU1I%2BZm9y%2FdGVzdHM%2Bb25seQ%3D%3D%0A");
    expect(encoded).not.toMatch(/\n|\[/);
    const fields = new URLSearchParams(encoded);
    expect(fields.get("certificate[csr]")).toBe(CSR_PEM);
    expect(fields.get("certificate[approver_email]")).toBe("a+b@example.test&x=1");
    expect([...fields.keys()]).toEqual(["certificate[csr]", "certificate[approver_email]"]);
  });

  it("leaves out undefined, null and function fields, names arrays with [], and keeps deeper nesting", () => {
    const encoded = encodeFormBody({
      certificate: { name: "", csr: undefined, note: null, toString: () => "x", tags: ["a", "b"], x: { y: true } },
    });
    expect([...new URLSearchParams(encoded)]).toEqual([
      ["certificate[name]", ""],
      ["certificate[tags][]", "a"],
      ["certificate[tags][]", "b"],
      ["certificate[x][y]", "true"],
    ]);
  });
});

describe("form-encoded bodies through openapi-fetch's bodySerializer", () => {
  it("purchaseCertificate sends certificate[name], certificate[contact_id] and certificate[csr]", async () => {
    server.use(
      http.post(`${BASE_URL}/domains/:domain/certificates`, () => HttpResponse.json(wrap(purchased), { status: 201 })),
    );
    const { data, error } = await dnsimple().POST("/domains/{domain}/certificates", {
      params: { path: { domain: DOMAIN } },
      body: { certificate: { name: "www", contact_id: 1001, csr: CSR_PEM } },
      headers: FORM,
      bodySerializer: encodeFormBody,
    });
    expect(error).toBeUndefined();
    expect(data?.certificate.id).toBe(CERTIFICATE_ID);
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(request.headers.get("x-dnsimple-token")).toBe(TOKEN_HEADER);
    const text = await request.text();
    expect(text).toBe(
      `certificate%5Bname%5D=www&certificate%5Bcontact_id%5D=1001&certificate%5Bcsr%5D=${encodeURIComponent(CSR_PEM).replaceAll("%20", "+")}`,
    );
    // Read back as a server parses a form: the CSR arrives byte for byte.
    expect(Object.fromEntries(new URLSearchParams(text))).toEqual({
      "certificate[name]": "www",
      "certificate[contact_id]": "1001",
      "certificate[csr]": CSR_PEM,
    });
  });

  it("submitCertificate sends certificate[approver_email]", async () => {
    server.use(
      http.put(`${BASE_URL}/domains/:domain/certificates/:id/submit`, () => HttpResponse.json(wrap(submitted))),
    );
    const { data } = await dnsimple().PUT("/domains/{domain}/certificates/{id}/submit", {
      params: { path: { domain: DOMAIN, id: CERTIFICATE_ID } },
      body: { certificate: { approver_email: "admin@example.test" } },
      headers: FORM,
      bodySerializer: encodeFormBody,
    });
    expect(data?.certificate.state).toBe("submitted");
    expect(requests[0]?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(await requests[0]?.text()).toBe("certificate%5Bapprover_email%5D=admin%40example.test");
  });

  it("refuses, unsent, a form body without the form Content-Type", async () => {
    const call = dnsimple().PUT("/domains/{domain}/certificates/{id}/submit", {
      params: { path: { domain: DOMAIN, id: CERTIFICATE_ID } },
      body: { certificate: { approver_email: "admin@example.test" } },
      bodySerializer: encodeFormBody,
    });
    await expect(call).rejects.toBeInstanceOf(CertkitError);
    await expect(call).rejects.toMatchObject({
      code: "INVALID_INPUT",
      provider: "dnsimple-v1",
      message: expect.stringContaining("Content-Type: application/x-www-form-urlencoded"),
    });
    expect(requests).toHaveLength(0);
  });

  it("accepts a Content-Type with a charset parameter", async () => {
    server.use(
      http.put(`${BASE_URL}/domains/:domain/certificates/:id/submit`, () => HttpResponse.json(wrap(submitted))),
    );
    const { error } = await dnsimple().PUT("/domains/{domain}/certificates/{id}/submit", {
      params: { path: { domain: DOMAIN, id: CERTIFICATE_ID } },
      body: { certificate: { approver_email: "admin@example.test" } },
      headers: { "content-type": "Application/X-WWW-Form-Urlencoded; charset=utf-8" },
      bodySerializer: encodeFormBody,
    });
    expect(error).toBeUndefined();
    expect(await requests[0]?.text()).toBe("certificate%5Bapprover_email%5D=admin%40example.test");
  });
});
