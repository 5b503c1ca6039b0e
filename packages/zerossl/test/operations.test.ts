import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createZerosslClient } from "../src/index.js";
import { CERTIFICATE_ID, CSR, draftCertificate, PEM } from "./support/fixtures.js";
import { ACCESS_KEY, BASE_URL, requests, server } from "./support/server.js";

const zerossl = () => createZerosslClient({ accessKey: ACCESS_KEY, baseUrl: BASE_URL });
const AT = `${BASE_URL}/certificates/${CERTIFICATE_ID}`;

/**
 * Answers `answer` and keeps the JSON body received. The body is read inside the handler: the access key step sends
 * it as a stream, which a copy taken for later can no longer read once the answer is sent.
 */
function receiving(answer: unknown) {
  const bodies: unknown[] = [];
  const resolver = async ({ request }: { request: Request }) => {
    bodies.push(await request.json());
    return HttpResponse.json(answer as never);
  };
  return { bodies, resolver };
}

/** The one request sent, checked to carry the access key once, in the query string. */
function onlyRequest(): Request {
  expect(requests).toHaveLength(1);
  const [request] = requests;
  expect(new URL(request!.url).searchParams.getAll("access_key")).toEqual([ACCESS_KEY]);
  return request!;
}

describe("every ZeroSSL operation", () => {
  it("createCertificate posts domains, CSR and validity as JSON and returns the draft", async () => {
    const { bodies, resolver } = receiving(draftCertificate);
    server.use(http.post(`${BASE_URL}/certificates`, resolver));
    const { data, error } = await zerossl().POST("/certificates", {
      body: { certificate_domains: "shop.example.test", certificate_csr: CSR, certificate_validity_days: 90 },
    });
    expect(error).toBeUndefined();
    expect(data).toEqual(draftCertificate);
    onlyRequest();
    expect(bodies).toEqual([
      {
        certificate_domains: "shop.example.test",
        certificate_csr: CSR,
        certificate_validity_days: 90,
      },
    ]);
  });

  it("listCertificates sends its filters and pagination", async () => {
    const list = { total_count: 1, result_count: 1, page: "2", limit: 25, results: [draftCertificate] };
    server.use(http.get(`${BASE_URL}/certificates`, () => HttpResponse.json(list)));
    const { data } = await zerossl().GET("/certificates", {
      params: { query: { certificate_status: "draft,issued", search: "shop", limit: 25, page: 2 } },
    });
    expect(data).toEqual(list);
    const query = new URL(onlyRequest().url).searchParams;
    expect([query.get("certificate_status"), query.get("search"), query.get("limit"), query.get("page")]).toEqual([
      "draft,issued",
      "shop",
      "25",
      "2",
    ]);
  });

  it("getCertificate reads one certificate by id", async () => {
    server.use(http.get(AT, () => HttpResponse.json(draftCertificate)));
    const { data } = await zerossl().GET("/certificates/{id}", { params: { path: { id: CERTIFICATE_ID } } });
    expect(data).toEqual(draftCertificate);
    expect(new URL(onlyRequest().url).pathname).toBe(`/certificates/${CERTIFICATE_ID}`);
  });

  it("verifyDomains posts the method (and e-mails) and returns the certificate", async () => {
    const pending = { ...draftCertificate, status: "pending_validation", validation_type: "EMAIL" };
    const { bodies, resolver } = receiving(pending);
    server.use(http.post(`${AT}/challenges`, resolver));
    const { data } = await zerossl().POST("/certificates/{id}/challenges", {
      params: { path: { id: CERTIFICATE_ID } },
      body: { validation_method: "EMAIL", validation_email: "admin@example.test" },
    });
    expect(data).toEqual(pending);
    onlyRequest();
    expect(bodies).toEqual([{ validation_method: "EMAIL", validation_email: "admin@example.test" }]);
  });

  it("getVerificationStatus reads the e-mail validation's progress", async () => {
    const status = {
      validation_completed: 0,
      details: { "shop.example.test": { method: "EMAIL", status: "Email Sent" } },
    };
    server.use(http.get(`${AT}/status`, () => HttpResponse.json(status)));
    const { data } = await zerossl().GET("/certificates/{id}/status", { params: { path: { id: CERTIFICATE_ID } } });
    expect(data).toEqual(status);
    onlyRequest();
  });

  it("resendVerificationEmail posts and returns the acknowledgement", async () => {
    server.use(http.post(`${AT}/challenges/email`, () => HttpResponse.json({ success: 1 })));
    const { data } = await zerossl().POST("/certificates/{id}/challenges/email", {
      params: { path: { id: CERTIFICATE_ID } },
    });
    expect(data).toEqual({ success: 1 });
    expect(onlyRequest().method).toBe("POST");
  });

  it("downloadCertificateJson returns the certificate and the CA bundle", async () => {
    const bundle = { "certificate.crt": PEM, "ca_bundle.crt": PEM };
    server.use(http.get(`${AT}/download/json`, () => HttpResponse.json(bundle)));
    const { data } = await zerossl().GET("/certificates/{id}/download/json", {
      params: { path: { id: CERTIFICATE_ID } },
    });
    expect(data).toEqual(bundle);
    onlyRequest();
  });

  it("downloadCertificateInline (deprecated) returns the same bundle", async () => {
    const bundle = { "certificate.crt": PEM, "ca_bundle.crt": PEM };
    server.use(http.get(`${AT}/download/return`, () => HttpResponse.json(bundle)));
    const { data } = await zerossl().GET("/certificates/{id}/download/return", {
      params: { path: { id: CERTIFICATE_ID } },
    });
    expect(data).toEqual(bundle);
    onlyRequest();
  });

  it("downloadCertificatePem returns the PEM text", async () => {
    server.use(http.get(`${AT}/download/pem`, () => HttpResponse.text(PEM)));
    const { data } = await zerossl().GET("/certificates/{id}/download/pem", {
      params: { path: { id: CERTIFICATE_ID } },
      parseAs: "text",
    });
    expect(data).toBe(PEM);
    onlyRequest();
  });

  it("downloadCertificateZip returns the archive's bytes", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    server.use(
      http.get(`${AT}/download`, () => new HttpResponse(zip, { headers: { "Content-Type": "application/zip" } })),
    );
    const { data } = await zerossl().GET("/certificates/{id}/download", {
      params: { path: { id: CERTIFICATE_ID } },
      parseAs: "arrayBuffer",
    });
    expect(new Uint8Array(data!)).toEqual(zip);
    onlyRequest();
  });

  it("cancelCertificate and revokeCertificate post and return the acknowledgement", async () => {
    const revoke = receiving({ success: 1 });
    server.use(
      http.post(`${AT}/cancel`, () => HttpResponse.json({ success: 1 })),
      http.post(`${AT}/revoke`, revoke.resolver),
    );
    const client = zerossl();
    const cancelled = await client.POST("/certificates/{id}/cancel", { params: { path: { id: CERTIFICATE_ID } } });
    expect(cancelled.data).toEqual({ success: 1 });
    const revoked = await client.POST("/certificates/{id}/revoke", {
      params: { path: { id: CERTIFICATE_ID } },
      body: { reason: "keyCompromise" },
    });
    expect(revoked.data).toEqual({ success: 1 });
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual([
      `/certificates/${CERTIFICATE_ID}/cancel`,
      `/certificates/${CERTIFICATE_ID}/revoke`,
    ]);
    expect(revoke.bodies).toEqual([{ reason: "keyCompromise" }]);
  });

  it("validateCsr posts the CSR and returns the verdict (an unusable CSR is an answer, not an error)", async () => {
    const { bodies, resolver } = receiving({ valid: false, error: "bad CSR" });
    server.use(http.post(`${BASE_URL}/validation/csr`, resolver));
    const { data, error } = await zerossl().POST("/validation/csr", { body: { csr: CSR } });
    expect(error).toBeUndefined();
    expect(data).toEqual({ valid: false, error: "bad CSR" });
    onlyRequest();
    expect(bodies).toEqual([{ csr: CSR }]);
  });

  it("listCaCertificates and getCaCertificate read ZeroSSL's CA certificates", async () => {
    const ca = { id: 7, hash_sha1: "ab12", certificate_intermediate: PEM, bundle_full: PEM };
    server.use(
      http.get(`${BASE_URL}/ca_certificates`, () => HttpResponse.json({ data: [ca], next_cursor: null })),
      http.get(`${BASE_URL}/ca_certificates/:identifier`, () => HttpResponse.json(ca)),
    );
    const client = zerossl();
    expect((await client.GET("/ca_certificates")).data).toEqual({ data: [ca], next_cursor: null });
    const one = await client.GET("/ca_certificates/{identifier}", { params: { path: { identifier: "7" } } });
    expect(one.data).toEqual(ca);
    expect(requests.map((request) => new URL(request.url).searchParams.get("access_key"))).toEqual([
      ACCESS_KEY,
      ACCESS_KEY,
    ]);
  });
});
