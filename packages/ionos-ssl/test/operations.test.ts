import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createIonosSslClient } from "../src/index.js";
import { AUTHENTICATION_ID, CERTIFICATE_ID, pendingCertificate, quota } from "./support/fixtures.js";
import { API_KEY, BASE_URL, requests, server } from "./support/server.js";

const ionos = () => createIonosSslClient({ apiKey: API_KEY, baseUrl: BASE_URL });

function onlyRequest(): Request {
  expect(requests).toHaveLength(1);
  const [request] = requests;
  expect(request?.headers.get("x-api-key")).toBe(API_KEY);
  return request!;
}

describe("every IONOS SSL operation", () => {
  it("getCertificates sends page and size and returns the list", async () => {
    server.use(
      http.get(`${BASE_URL}/v1/certificates`, () =>
        HttpResponse.json({ total: 1, certificates: [pendingCertificate] }),
      ),
    );
    const { data, error } = await ionos().GET("/v1/certificates", { params: { query: { page: 2, size: 25 } } });
    expect(error).toBeUndefined();
    expect(data).toEqual({ total: 1, certificates: [pendingCertificate] });
    const url = new URL(onlyRequest().url);
    expect(url.pathname).toBe("/ssl/v1/certificates");
    expect(url.searchParams.get("page")).toBe("2");
    expect(url.searchParams.get("size")).toBe("25");
  });

  it("createCertificate posts the enrol request as JSON and returns the accepted certificate (202)", async () => {
    server.use(http.post(`${BASE_URL}/v1/certificates`, () => HttpResponse.json(pendingCertificate, { status: 202 })));
    const { data, error, response } = await ionos().POST("/v1/certificates", {
      body: {
        certificateType: "SSL_STARTER",
        commonName: "shop.example.test",
        authenticationMethod: "DNS",
        csr: "-----BEGIN CERTIFICATE REQUEST-----\nMIIC\n-----END CERTIFICATE REQUEST-----",
      },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(202);
    expect(data?.authenticationSummary?.status).toBe("WAITING_FOR_CUSTOMER");
    const request = onlyRequest();
    expect(request.method).toBe("POST");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(await request.json()).toEqual({
      certificateType: "SSL_STARTER",
      commonName: "shop.example.test",
      authenticationMethod: "DNS",
      csr: "-----BEGIN CERTIFICATE REQUEST-----\nMIIC\n-----END CERTIFICATE REQUEST-----",
    });
  });

  it("getCertificateDetails puts the id in the path", async () => {
    server.use(
      http.get(`${BASE_URL}/v1/certificates/:id`, ({ params }) =>
        HttpResponse.json({ ...pendingCertificate, id: String(params.id) }),
      ),
    );
    const { data } = await ionos().GET("/v1/certificates/{id}", { params: { path: { id: CERTIFICATE_ID } } });
    expect(data?.id).toBe(CERTIFICATE_ID);
    expect(new URL(onlyRequest().url).pathname).toBe(`/ssl/v1/certificates/${CERTIFICATE_ID}`);
  });

  it("getCertificateDetails escapes an id that holds path characters", async () => {
    server.use(http.get(`${BASE_URL}/v1/certificates/:id`, () => HttpResponse.json(pendingCertificate)));
    await ionos().GET("/v1/certificates/{id}", { params: { path: { id: "a/../b?c" } } });
    expect(new URL(onlyRequest().url).pathname).toBe("/ssl/v1/certificates/a%2F..%2Fb%3Fc");
  });

  it("unassignCertificate answers 204 with no data", async () => {
    server.use(http.delete(`${BASE_URL}/v1/certificates/:id`, () => new HttpResponse(null, { status: 204 })));
    const { data, error, response } = await ionos().DELETE("/v1/certificates/{id}", {
      params: { path: { id: CERTIFICATE_ID } },
    });
    expect(error).toBeUndefined();
    expect(data).toBeUndefined();
    expect(response.status).toBe(204);
    expect(onlyRequest().method).toBe("DELETE");
  });

  it("getCertificatesQuota returns the quota", async () => {
    server.use(http.get(`${BASE_URL}/v1/certificates/quota`, () => HttpResponse.json(quota)));
    const { data } = await ionos().GET("/v1/certificates/quota");
    expect(data).toEqual(quota);
    expect(new URL(onlyRequest().url).pathname).toBe("/ssl/v1/certificates/quota");
  });

  it("performAuthenticationAction sends both ids and action=DCV_READY", async () => {
    server.use(
      http.post(
        `${BASE_URL}/v1/certificates/:id/authentications/:authenticationId`,
        () => new HttpResponse(null, { status: 204 }),
      ),
    );
    const { error, response } = await ionos().POST("/v1/certificates/{id}/authentications/{authenticationId}", {
      params: { path: { id: CERTIFICATE_ID, authenticationId: AUTHENTICATION_ID }, query: { action: "DCV_READY" } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(204);
    const url = new URL(onlyRequest().url);
    expect(url.pathname).toBe(`/ssl/v1/certificates/${CERTIFICATE_ID}/authentications/${AUTHENTICATION_ID}`);
    expect(url.searchParams.get("action")).toBe("DCV_READY");
  });
});
