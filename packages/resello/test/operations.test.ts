import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createReselloClient, unwrapResello } from "../src/index.js";
import {
  activeCertificate,
  CERTIFICATE_ID,
  CLIENT_REFERENCE,
  CSR_PEM,
  envelope,
  OTHER_PLAN_ID,
  PLAN_ID,
  pendingCertificate,
  plans,
} from "./support/fixtures.js";
import { OPERATIONS } from "./support/operations.js";
import { operationIds, readSpec } from "./support/spec.js";
import {
  ACCESS_TOKEN,
  API_KEY,
  BASE_URL,
  BASIC_AUTHORIZATION,
  RESELLER_REFERENCE,
  requests,
  server,
} from "./support/server.js";

const resello = () =>
  createReselloClient({ resellerReference: RESELLER_REFERENCE, apiKey: API_KEY, baseUrl: BASE_URL });

function onlyRequest(): Request {
  expect(requests).toHaveLength(1);
  const [request] = requests;
  expect(request?.headers.get("authorization")).toBe(BASIC_AUTHORIZATION);
  return request!;
}

describe("every Resello operation", () => {
  it("listCertificates sends both filters and returns the enveloped list with its paging fields", async () => {
    const answer = envelope([pendingCertificate], { total: 1, limit: 100, offset: 0 });
    server.use(http.get(`${BASE_URL}/ssl-certificate`, () => HttpResponse.json(answer)));
    const { data, error } = await resello().GET("/ssl-certificate", {
      params: { query: { plan: PLAN_ID, client_reference: "order #7/a&b" } },
    });
    expect(error).toBeUndefined();
    expect(data).toEqual(answer);
    expect(unwrapResello(data!)).toEqual([pendingCertificate]);
    const url = new URL(onlyRequest().url);
    expect(url.pathname).toBe("/api/v1/ssl-certificate");
    expect(url.search).toBe(`?plan=${PLAN_ID}&client_reference=order%20%237%2Fa%26b`);
    expect(url.searchParams.get("client_reference")).toBe("order #7/a&b");
  });

  it("listCertificates sends no query string without filters and accepts a bare array", async () => {
    server.use(
      http.get(`${BASE_URL}/ssl-certificate`, () => HttpResponse.json([pendingCertificate, activeCertificate])),
    );
    const { data } = await resello().GET("/ssl-certificate");
    expect(unwrapResello(data!)).toEqual([pendingCertificate, activeCertificate]);
    expect(new URL(onlyRequest().url).search).toBe("");
  });

  it("createCertificate posts the order as JSON and returns the pending certificate, unknown fields kept", async () => {
    server.use(http.post(`${BASE_URL}/ssl-certificate`, () => HttpResponse.json(envelope(pendingCertificate))));
    const body = {
      csr: CSR_PEM,
      dcv_type: "EMAIL" as const,
      chamber_of_commerce: "00000000",
      company_name: "Example Ltd",
      department: "IT",
      address: "Example Street 1",
      zip_code: "1000 AA",
      city: "Exampleton",
      approver_first_name: "Jane",
      approver_last_name: "Doe",
      approver_email_address: "admin@shop.example.test",
      approver_phone_number: "+31.200000000",
      plan: PLAN_ID,
      client_reference: CLIENT_REFERENCE,
      ee_reference_order_id: "EE-42",
    };
    const { data, error } = await resello().POST("/ssl-certificate", { body });
    expect(error).toBeUndefined();
    const certificate = unwrapResello(data!);
    expect(certificate.status).toBe("pending");
    expect(certificate.common_name).toBe("shop.example.test");
    const request = onlyRequest();
    expect(request.method).toBe("POST");
    expect(new URL(request.url).pathname).toBe("/api/v1/ssl-certificate");
    expect(request.headers.get("content-type")).toBe("application/json");
    const sent = await request.text();
    expect(JSON.parse(sent)).toEqual(body);
    // The CSR's line breaks travel as JSON "\n" escapes, as the provider asks.
    expect(sent).toContain(String.raw`-----BEGIN CERTIFICATE REQUEST-----\nMIIC`);
  });

  it("getCertificate puts the id in the path and accepts a bare certificate", async () => {
    server.use(
      http.get(`${BASE_URL}/ssl-certificate/:id`, ({ params }) =>
        HttpResponse.json({ ...activeCertificate, id: params.id }),
      ),
    );
    const { data } = await resello().GET("/ssl-certificate/{id}", { params: { path: { id: CERTIFICATE_ID } } });
    expect(unwrapResello(data!)).toEqual(activeCertificate);
    expect(new URL(onlyRequest().url).pathname).toBe(`/api/v1/ssl-certificate/${CERTIFICATE_ID}`);
  });

  it("getCertificate escapes an id that holds path characters", async () => {
    server.use(http.get(`${BASE_URL}/ssl-certificate/:id`, () => HttpResponse.json(activeCertificate)));
    await resello().GET("/ssl-certificate/{id}", { params: { path: { id: "a/../b?c" } } });
    expect(new URL(onlyRequest().url).pathname).toBe("/api/v1/ssl-certificate/a%2F..%2Fb%3Fc");
  });

  it("deleteCertificate sends DELETE with no body and returns the envelope", async () => {
    server.use(http.delete(`${BASE_URL}/ssl-certificate/:id`, () => HttpResponse.json({ success: true })));
    const { data, error } = await resello().DELETE("/ssl-certificate/{id}", {
      params: { path: { id: CERTIFICATE_ID } },
    });
    expect(error).toBeUndefined();
    expect(data).toEqual({ success: true });
    const request = onlyRequest();
    expect(request.method).toBe("DELETE");
    expect(new URL(request.url).pathname).toBe(`/api/v1/ssl-certificate/${CERTIFICATE_ID}`);
    expect(await request.text()).toBe("");
  });

  it("renewCertificate posts the renewal fields and returns the certificate, pending again", async () => {
    server.use(
      http.post(`${BASE_URL}/ssl-certificate/:id/renew`, () =>
        HttpResponse.json(envelope({ ...pendingCertificate, client_reference: "shop-order-1001-renewal" })),
      ),
    );
    const body = {
      csr: CSR_PEM,
      dcv_type: "EMAIL" as const,
      approver_email_address: "admin@shop.example.test",
      plan: OTHER_PLAN_ID,
      client_reference: "shop-order-1001-renewal",
    };
    const { data } = await resello().POST("/ssl-certificate/{id}/renew", {
      params: { path: { id: CERTIFICATE_ID } },
      body,
    });
    expect(unwrapResello(data!)).toMatchObject({ status: "pending", client_reference: "shop-order-1001-renewal" });
    const request = onlyRequest();
    expect(request.method).toBe("POST");
    expect(new URL(request.url).pathname).toBe(`/api/v1/ssl-certificate/${CERTIFICATE_ID}/renew`);
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(await request.json()).toEqual(body);
  });

  it("validateCertificate posts the method, the address and the domain", async () => {
    server.use(
      http.post(`${BASE_URL}/ssl-certificate/:id/validate`, () => HttpResponse.json({ success: true, result: null })),
    );
    const body = { dcv_type: "EMAIL" as const, email_address: "admin@shop.example.test", domain: "shop.example.test" };
    const { data, error } = await resello().POST("/ssl-certificate/{id}/validate", {
      params: { path: { id: CERTIFICATE_ID } },
      body,
    });
    expect(error).toBeUndefined();
    expect(data).toEqual({ success: true, result: null });
    const request = onlyRequest();
    expect(new URL(request.url).pathname).toBe(`/api/v1/ssl-certificate/${CERTIFICATE_ID}/validate`);
    expect(await request.json()).toEqual(body);
  });

  it("reissueCertificate posts the new CSR and returns the certificate, active at once", async () => {
    server.use(
      http.post(`${BASE_URL}/ssl-certificate/:id/reissue`, () => HttpResponse.json(envelope(activeCertificate))),
    );
    const body = {
      csr: CSR_PEM,
      dcv_type: "FILE" as const,
      company_name: "Example Ltd",
      client_reference: "reissue-1",
    };
    const { data } = await resello().POST("/ssl-certificate/{id}/reissue", {
      params: { path: { id: CERTIFICATE_ID } },
      body,
    });
    expect(unwrapResello(data!).status).toBe("active");
    const request = onlyRequest();
    expect(new URL(request.url).pathname).toBe(`/api/v1/ssl-certificate/${CERTIFICATE_ID}/reissue`);
    expect(await request.json()).toEqual(body);
  });

  it("getCertificateValidationDetails returns whatever JSON describes the steps, envelope or bare", async () => {
    const steps = {
      dcv_type: "DNS",
      records: [{ type: "CNAME", name: "_abc.shop.example.test", value: "xyz.dcv.example.test" }],
    };
    server.use(
      http.get(`${BASE_URL}/ssl-certificate/:id/validation-details`, ({ request }) =>
        HttpResponse.json(new URL(request.url).pathname.includes(CERTIFICATE_ID) ? envelope(steps) : [steps]),
      ),
    );
    const { data } = await resello().GET("/ssl-certificate/{id}/validation-details", {
      params: { path: { id: CERTIFICATE_ID } },
    });
    expect(unwrapResello(data!)).toEqual(steps);
    expect(new URL(onlyRequest().url).pathname).toBe(`/api/v1/ssl-certificate/${CERTIFICATE_ID}/validation-details`);
    const bare = await resello().GET("/ssl-certificate/{id}/validation-details", { params: { path: { id: "other" } } });
    expect(unwrapResello(bare.data!)).toEqual([steps]);
  });

  it("listCertificatePlans sends several ids as one comma-separated value, and the name filter", async () => {
    server.use(http.get(`${BASE_URL}/ssl-certificate-plan`, () => HttpResponse.json(envelope(plans, { total: 2 }))));
    const { data } = await resello().GET("/ssl-certificate-plan", {
      params: { query: { id: `${PLAN_ID},${OTHER_PLAN_ID}`, name: "Test SSL" } },
    });
    expect(unwrapResello(data!)).toEqual(plans);
    const url = new URL(onlyRequest().url);
    expect(url.pathname).toBe("/api/v1/ssl-certificate-plan");
    expect(url.searchParams.getAll("id")).toEqual([`${PLAN_ID},${OTHER_PLAN_ID}`]);
    expect(url.search).toBe(`?id=${PLAN_ID}%2C${OTHER_PLAN_ID}&name=Test%20SSL`);
  });
});

describe("authentication on every operation", () => {
  const answerAnything = () =>
    server.use(
      http.all(`${BASE_URL}/*`, ({ request }) =>
        request.url.includes("/download-")
          ? new HttpResponse(new Uint8Array([0x30, 0x82]), { headers: { "Content-Type": "application/octet-stream" } })
          : HttpResponse.json(envelope(pendingCertificate)),
      ),
    );
  const operations = Object.entries(OPERATIONS);

  it.each(operations)("%s sends HTTP Basic with the reseller reference and API key", async (_, operation) => {
    answerAnything();
    const { error } = await operation.call(resello());
    expect(error).toBeUndefined();
    const request = onlyRequest();
    expect(request.method).toBe(operation.method.toUpperCase());
    const encoded = request.headers.get("authorization")!.replace(/^Basic /, "");
    expect(Buffer.from(encoded, "base64").toString("utf8")).toBe(`${RESELLER_REFERENCE}:${API_KEY}`);
  });

  it.each(operations)("%s sends the bearer access token instead, when given one", async (_, operation) => {
    answerAnything();
    const { error } = await operation.call(createReselloClient({ accessToken: ACCESS_TOKEN, baseUrl: BASE_URL }));
    expect(error).toBeUndefined();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${ACCESS_TOKEN}`);
  });

  it("covers every operation of the spec", () => {
    const ids = operationIds(readSpec());
    expect(ids).toHaveLength(14);
    expect(new Set(Object.keys(OPERATIONS))).toEqual(new Set(ids));
  });
});
