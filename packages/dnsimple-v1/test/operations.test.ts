import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createDnsimpleV1Client } from "../src/index.js";
import {
  CERTIFICATE_ID,
  CERTIFICATE_PEM,
  configured,
  CSR_PEM,
  DOMAIN,
  DOMAIN_ID,
  domains,
  issued,
  legacy,
  PRIVATE_KEY_PEM,
  purchased,
  submitted,
  wrap,
} from "./support/fixtures.js";
import { BASE_URL, EMAIL, requests, server, TOKEN, TOKEN_HEADER } from "./support/server.js";

const dnsimple = () => createDnsimpleV1Client({ email: EMAIL, token: TOKEN, baseUrl: BASE_URL });

/** The one request the call sent, after checking it carried v1's credentials and asked for JSON. */
function onlyRequest(): Request {
  expect(requests).toHaveLength(1);
  const [request] = requests;
  expect(request?.headers.get("x-dnsimple-token")).toBe(TOKEN_HEADER);
  expect(request?.headers.get("accept")).toBe("application/json");
  return request!;
}

const certificatePath = `/v1/domains/${DOMAIN}/certificates/${CERTIFICATE_ID}`;

describe("every DNSimple API v1 operation", () => {
  it("listDomains returns the wrapped domains, as sent", async () => {
    server.use(http.get(`${BASE_URL}/domains`, () => HttpResponse.json(domains)));
    const { data, error } = await dnsimple().GET("/domains");
    expect(error).toBeUndefined();
    expect(data).toEqual(domains);
    expect(data?.map((item) => item.domain.name)).toEqual([DOMAIN, "hosted.example.test"]);
    const request = onlyRequest();
    expect(request.method).toBe("GET");
    expect(new URL(request.url).pathname).toBe("/v1/domains");
  });

  it("listCertificates returns an array of {certificate} items, unpaginated", async () => {
    const list = [wrap(issued), wrap({ ...purchased, id: 105, name: "*" })];
    server.use(http.get(`${BASE_URL}/domains/:domain/certificates`, () => HttpResponse.json(list)));
    const { data, error } = await dnsimple().GET("/domains/{domain}/certificates", {
      params: { path: { domain: DOMAIN } },
    });
    expect(error).toBeUndefined();
    expect(data).toEqual(list);
    expect(data?.map(({ certificate }) => [certificate.id, certificate.name, certificate.state])).toEqual([
      [CERTIFICATE_ID, "www", "issued"],
      [105, "*", "purchased"],
    ]);
    const url = new URL(onlyRequest().url);
    expect(url.pathname).toBe(`/v1/domains/${DOMAIN}/certificates`);
    expect(url.search).toBe("");
  });

  it("listCertificates takes the domain's numeric id as well as its name", async () => {
    server.use(http.get(`${BASE_URL}/domains/:domain/certificates`, () => HttpResponse.json([])));
    const { data } = await dnsimple().GET("/domains/{domain}/certificates", {
      params: { path: { domain: DOMAIN_ID } },
    });
    expect(data).toEqual([]);
    expect(new URL(onlyRequest().url).pathname).toBe(`/v1/domains/${DOMAIN_ID}/certificates`);
  });

  it("listCertificates escapes a domain that holds path characters", async () => {
    server.use(http.get(`${BASE_URL}/domains/:domain/certificates`, () => HttpResponse.json([])));
    await dnsimple().GET("/domains/{domain}/certificates", { params: { path: { domain: "a/../b?c" } } });
    expect(new URL(onlyRequest().url).pathname).toBe("/v1/domains/a%2F..%2Fb%3Fc/certificates");
  });

  it("purchaseCertificate posts {certificate: {name, contact_id, csr}} as JSON and reads the 201", async () => {
    server.use(
      http.post(`${BASE_URL}/domains/:domain/certificates`, () => HttpResponse.json(wrap(purchased), { status: 201 })),
    );
    const { data, error, response } = await dnsimple().POST("/domains/{domain}/certificates", {
      params: { path: { domain: DOMAIN } },
      body: { certificate: { name: "www", contact_id: 1001, csr: CSR_PEM } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
    expect(data).toEqual({ certificate: purchased });
    const request = onlyRequest();
    expect(request.method).toBe("POST");
    expect(new URL(request.url).pathname).toBe(`/v1/domains/${DOMAIN}/certificates`);
    expect(request.headers.get("content-type")).toBe("application/json");
    // The exact text on the wire: the attributes nested under "certificate", the CSR's line breaks escaped.
    expect(await request.text()).toBe(
      `{"certificate":{"name":"www","contact_id":1001,"csr":${JSON.stringify(CSR_PEM)}}}`,
    );
  });

  it("purchaseCertificate reads the recorded 200 answer the same way, and sends an empty name for the domain itself", async () => {
    server.use(
      http.post(`${BASE_URL}/domains/:domain/certificates`, () => HttpResponse.json(wrap({ ...purchased, name: "" }))),
    );
    const { data, response } = await dnsimple().POST("/domains/{domain}/certificates", {
      params: { path: { domain: DOMAIN } },
      body: { certificate: { name: "", contact_id: 1001 } },
    });
    expect(response.status).toBe(200);
    expect(data?.certificate.state).toBe("purchased");
    expect(data?.certificate.name).toBe("");
    expect(await onlyRequest().json()).toEqual({ certificate: { name: "", contact_id: 1001 } });
  });

  it("getCertificate unwraps nothing: data is {certificate}, PEM fields byte for byte", async () => {
    server.use(http.get(`${BASE_URL}/domains/:domain/certificates/:id`, () => HttpResponse.json(wrap(issued))));
    const { data, error } = await dnsimple().GET("/domains/{domain}/certificates/{id}", {
      params: { path: { domain: DOMAIN, id: CERTIFICATE_ID } },
    });
    expect(error).toBeUndefined();
    expect(Object.keys(data!)).toEqual(["certificate"]);
    expect(data?.certificate.ssl_certificate).toBe(CERTIFICATE_PEM);
    expect(data?.certificate.csr).toBe(CSR_PEM);
    // A success answer is the caller's data: the private key DNSimple generated is returned untouched.
    expect(data?.certificate.private_key).toBe(PRIVATE_KEY_PEM);
    expect(new URL(onlyRequest().url).pathname).toBe(certificatePath);
  });

  it("getCertificate reads the earliest shape, with its deprecated fields and no state", async () => {
    server.use(http.get(`${BASE_URL}/domains/:domain/certificates/:id`, () => HttpResponse.json(wrap(legacy))));
    const { data } = await dnsimple().GET("/domains/{domain}/certificates/{id}", {
      params: { path: { domain: DOMAIN_ID, id: legacy.id } },
    });
    expect(data?.certificate).toEqual(legacy);
    expect(data?.certificate.state).toBeUndefined();
    expect(data?.certificate.certificate_status).toBeNull();
    expect(data?.certificate.available_approver_emails?.split(",")).toEqual([
      "admin@example.test",
      "hostmaster@example.test",
      "webmaster@example.test",
    ]);
    expect(new URL(onlyRequest().url).pathname).toBe(`/v1/domains/${DOMAIN_ID}/certificates/7`);
  });

  it("configureCertificate sends a PUT with no body and returns approver_emails", async () => {
    server.use(
      http.put(`${BASE_URL}/domains/:domain/certificates/:id/configure`, () => HttpResponse.json(wrap(configured))),
    );
    const { data, error } = await dnsimple().PUT("/domains/{domain}/certificates/{id}/configure", {
      params: { path: { domain: DOMAIN, id: CERTIFICATE_ID } },
    });
    expect(error).toBeUndefined();
    expect(data?.certificate.state).toBe("configured");
    expect(data?.certificate.approver_emails).toEqual([
      "admin@example.test",
      "hostmaster@example.test",
      "admin@www.example.test",
    ]);
    const request = onlyRequest();
    expect(request.method).toBe("PUT");
    expect(new URL(request.url).pathname).toBe(`${certificatePath}/configure`);
    expect(request.headers.get("content-type")).toBeNull();
    expect(await request.text()).toBe("");
  });

  it("submitCertificate puts {certificate: {approver_email}} as JSON", async () => {
    server.use(
      http.put(`${BASE_URL}/domains/:domain/certificates/:id/submit`, () => HttpResponse.json(wrap(submitted))),
    );
    const { data, error } = await dnsimple().PUT("/domains/{domain}/certificates/{id}/submit", {
      params: { path: { domain: DOMAIN, id: CERTIFICATE_ID } },
      body: { certificate: { approver_email: "admin@example.test" } },
    });
    expect(error).toBeUndefined();
    expect(data?.certificate).toMatchObject({ state: "submitted", approver_email: "admin@example.test" });
    const request = onlyRequest();
    expect(request.method).toBe("PUT");
    expect(new URL(request.url).pathname).toBe(`${certificatePath}/submit`);
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(await request.text()).toBe('{"certificate":{"approver_email":"admin@example.test"}}');
  });
});
