import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createSslmarketClient } from "../src/index.js";
import {
  CSR_PEM,
  decodedCertificate,
  decodedCsr,
  issuedOrder,
  ocspGood,
  ORDER_ID,
  orderRequest,
  orders,
  pendingOrder,
  PRODUCT_CODE,
  products,
  SERVER_PEM,
} from "./support/fixtures.js";
import { BASE_URL, requests, server, TOKEN } from "./support/server.js";

const sslmarket = () => createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL });

/** The one request the call sent, after checking it carried the token. */
function onlyRequest(): Request {
  expect(requests).toHaveLength(1);
  const [request] = requests;
  expect(request?.headers.get("x-auth-token")).toBe(TOKEN);
  return request!;
}

/** The request's path below the host, and whether it sent a body. */
async function sent(request: Request) {
  const url = new URL(request.url);
  return { method: request.method, path: url.pathname, query: url.search, body: await request.text() };
}

describe("products and orders", () => {
  it("listProducts reads the product list (200)", async () => {
    server.use(http.get(`${BASE_URL}/product/list`, () => HttpResponse.json(products)));
    const { data, error, response } = await sslmarket().GET("/product/list");
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(products);
    expect(data?.products[1]?.min_san_values).toBe(0);
    expect(await sent(onlyRequest())).toEqual({ method: "GET", path: "/api/product/list", query: "", body: "" });
  });

  it("listOrders reads the orders (200), keeping states the spec does not document", async () => {
    server.use(http.get(`${BASE_URL}/order/list`, () => HttpResponse.json(orders)));
    const { data, response } = await sslmarket().GET("/order/list");
    expect(response.status).toBe(200);
    expect(data).toEqual(orders);
    expect(data?.orders.map((order) => order.state)).toEqual(["published", "new"]);
    expect(await sent(onlyRequest())).toEqual({ method: "GET", path: "/api/order/list", query: "", body: "" });
  });

  it("createOrder posts every field as flat JSON and answers 201 with the order number", async () => {
    server.use(
      http.post(`${BASE_URL}/order/certificate/:productCode`, () =>
        HttpResponse.json({ order_id: ORDER_ID }, { status: 201 }),
      ),
    );
    const { data, error, response } = await sslmarket().POST("/order/certificate/{product_code}", {
      params: { path: { product_code: PRODUCT_CODE } },
      body: orderRequest,
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
    expect(data).toEqual({ order_id: ORDER_ID });
    const request = onlyRequest();
    expect(request.method).toBe("POST");
    expect(new URL(request.url).pathname).toBe(`/api/order/certificate/${PRODUCT_CODE}`);
    expect(request.headers.get("content-type")).toBe("application/json");
    const text = await request.text();
    expect(JSON.parse(text)).toEqual(orderRequest);
    // The SANs travel as a JSON array of names: not joined, not as repeated or indexed keys.
    expect(text).toContain('"dns_names":["www.shop.example.test","api.shop.example.test"]');
    // The contact blocks are composed in the spec, but flat on the wire.
    expect(Object.keys(JSON.parse(text) as object)).toEqual(
      expect.arrayContaining(["owner_name", "auth_email", "invoice_country"]),
    );
  });

  it("createOrder keeps a single SAN and an empty SAN list as arrays", async () => {
    server.use(
      http.post(`${BASE_URL}/order/certificate/:productCode`, () =>
        HttpResponse.json({ order_id: ORDER_ID }, { status: 201 }),
      ),
    );
    const client = sslmarket();
    const path = { product_code: PRODUCT_CODE };
    await client.POST("/order/certificate/{product_code}", {
      params: { path },
      body: { ...orderRequest, dns_names: ["www.shop.example.test"] },
    });
    await client.POST("/order/certificate/{product_code}", {
      params: { path },
      body: { ...orderRequest, dns_names: [] },
    });
    const withoutSans = { ...orderRequest };
    delete withoutSans.dns_names;
    await client.POST("/order/certificate/{product_code}", { params: { path }, body: withoutSans });
    const bodies = await Promise.all(
      requests.map(async (request) => (await request.json()) as Record<string, unknown>),
    );
    expect(bodies.map((body) => body.dns_names)).toEqual([["www.shop.example.test"], [], undefined]);
    expect("dns_names" in bodies[2]!).toBe(false);
  });

  it("createOrder escapes a product code that holds path characters", async () => {
    server.use(
      http.post(`${BASE_URL}/order/certificate/:productCode`, () =>
        HttpResponse.json({ order_id: 1 }, { status: 201 }),
      ),
    );
    await sslmarket().POST("/order/certificate/{product_code}", {
      params: { path: { product_code: "a/../b?c" } },
      body: orderRequest,
    });
    expect(new URL(onlyRequest().url).pathname).toBe("/api/order/certificate/a%2F..%2Fb%3Fc");
  });

  it("getOrder puts the order number in the path and reads the details (200), nulls included", async () => {
    server.use(http.get(`${BASE_URL}/order/order_id/:orderId`, () => HttpResponse.json(pendingOrder)));
    const { data, response } = await sslmarket().GET("/order/order_id/{order_id}", {
      params: { path: { order_id: ORDER_ID } },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(pendingOrder);
    expect(data?.published).toBeNull();
    expect(data?.dv_auth_content).toBe(pendingOrder.dv_auth_content);
    expect(await sent(onlyRequest())).toEqual({
      method: "GET",
      path: `/api/order/order_id/${ORDER_ID}`,
      query: "",
      body: "",
    });
  });

  it("getOrder reads an issued order with days_remaining", async () => {
    server.use(http.get(`${BASE_URL}/order/order_id/:orderId`, () => HttpResponse.json(issuedOrder)));
    const { data } = await sslmarket().GET("/order/order_id/{order_id}", { params: { path: { order_id: ORDER_ID } } });
    expect(data).toMatchObject({
      state: "published",
      days_remaining: 366,
      certificate_serial_number: issuedOrder.certificate_serial_number,
    });
  });

  it("updateOrder sends only the fields given, and its 200 has no data", async () => {
    server.use(http.put(`${BASE_URL}/order/order_id/:orderId`, () => new HttpResponse(null, { status: 200 })));
    const { data, error, response } = await sslmarket().PUT("/order/order_id/{order_id}", {
      params: { path: { order_id: ORDER_ID } },
      body: { dv_auth_method: "FILE", tech_email: "admin@shop.example.test" },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toBeUndefined();
    const request = onlyRequest();
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(await sent(request)).toEqual({
      method: "PUT",
      path: `/api/order/order_id/${ORDER_ID}`,
      query: "",
      body: '{"dv_auth_method":"FILE","tech_email":"admin@shop.example.test"}',
    });
  });
});

describe("certificate actions", () => {
  it.each([
    ["resendDcvEmail", "/certificate/order_id/{order_id}/resend", "resend"],
    ["cancelReissue", "/certificate/order_id/{order_id}/cancel-reissue", "cancel-reissue"],
    ["revokeCertificate", "/certificate/order_id/{order_id}/revoke", "revoke"],
  ] as const)("%s is a PUT without a body, answered 202 with no data", async (_operation, path, action) => {
    server.use(
      http.put(`${BASE_URL}/certificate/order_id/:orderId/${action}`, () => new HttpResponse(null, { status: 202 })),
    );
    const { data, error, response } = await sslmarket().PUT(path, { params: { path: { order_id: ORDER_ID } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(202);
    expect(data).toBeUndefined();
    const request = onlyRequest();
    expect(request.headers.get("content-type")).toBeNull();
    expect(await sent(request)).toEqual({
      method: "PUT",
      path: `/api/certificate/order_id/${ORDER_ID}/${action}`,
      query: "",
      body: "",
    });
  });

  it("reissueCertificate posts the new CSR and answers 202", async () => {
    server.use(
      http.post(`${BASE_URL}/certificate/order_id/:orderId/reissue`, () => new HttpResponse(null, { status: 202 })),
    );
    const { data, error, response } = await sslmarket().POST("/certificate/order_id/{order_id}/reissue", {
      params: { path: { order_id: ORDER_ID } },
      body: { csr: CSR_PEM },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(202);
    expect(data).toBeUndefined();
    const request = onlyRequest();
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(await sent(request)).toEqual({
      method: "POST",
      path: `/api/certificate/order_id/${ORDER_ID}/reissue`,
      query: "",
      body: JSON.stringify({ csr: CSR_PEM }),
    });
  });

  it("an undocumented JSON body on a bodiless answer is kept, not an error", async () => {
    server.use(
      http.post(`${BASE_URL}/certificate/order_id/:orderId/reissue`, () =>
        HttpResponse.json({ ok: true }, { status: 202 }),
      ),
    );
    const { data, error } = await sslmarket().POST("/certificate/order_id/{order_id}/reissue", {
      params: { path: { order_id: ORDER_ID } },
      body: { csr: CSR_PEM },
    });
    expect(error).toBeUndefined();
    expect(data).toEqual({ ok: true });
  });

  it("parseAs text reads any undocumented body of a write, so plain text cannot fail a write that worked", async () => {
    server.use(
      http.put(`${BASE_URL}/certificate/order_id/:orderId/revoke`, () =>
        HttpResponse.text("Revocation queued", { status: 202 }),
      ),
    );
    const client = sslmarket();
    const read = { params: { path: { order_id: ORDER_ID } } };
    const { data, error } = await client.PUT("/certificate/order_id/{order_id}/revoke", { ...read, parseAs: "text" });
    expect(error).toBeUndefined();
    expect(data).toBe("Revocation queued");
    // Read as JSON (the default), the same answer cannot be parsed, and the write's outcome is reported unknown.
    await expect(client.PUT("/certificate/order_id/{order_id}/revoke", read)).rejects.toMatchObject({
      code: "PROVIDER",
      status: 202,
      effectUnknown: true,
      message: expect.stringContaining("not valid JSON"),
    });
  });
});

describe("tools", () => {
  it("decodeCsr posts the CSR and reads subject, key and SANs (200)", async () => {
    server.use(http.post(`${BASE_URL}/tool/decoder/csr`, () => HttpResponse.json(decodedCsr)));
    const { data, response } = await sslmarket().POST("/tool/decoder/csr", { body: { csr: CSR_PEM } });
    expect(response.status).toBe(200);
    expect(data).toEqual(decodedCsr);
    expect(data?.csr?.sans).toEqual(["shop.example.test", "www.shop.example.test"]);
    expect(await sent(onlyRequest())).toEqual({
      method: "POST",
      path: "/api/tool/decoder/csr",
      query: "",
      body: JSON.stringify({ csr: CSR_PEM }),
    });
  });

  it("decodeCertificate posts the certificate and reads owner, SANs, validity and serial (200)", async () => {
    server.use(http.post(`${BASE_URL}/tool/decoder/certificate`, () => HttpResponse.json(decodedCertificate)));
    const { data, response } = await sslmarket().POST("/tool/decoder/certificate", {
      body: { certificate: SERVER_PEM },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(decodedCertificate);
    expect(data?.certificate?.pkey).toEqual({ bits: 2048, type: 0 });
    expect(await sent(onlyRequest())).toEqual({
      method: "POST",
      path: "/api/tool/decoder/certificate",
      query: "",
      body: JSON.stringify({ certificate: SERVER_PEM }),
    });
  });

  it("checkOcsp posts the certificate and reads the status (200)", async () => {
    server.use(http.post(`${BASE_URL}/tool/ocsp`, () => HttpResponse.json(ocspGood)));
    const { data, response } = await sslmarket().POST("/tool/ocsp", { body: { certificate: SERVER_PEM } });
    expect(response.status).toBe(200);
    expect(data).toEqual(ocspGood);
    expect(await sent(onlyRequest())).toEqual({
      method: "POST",
      path: "/api/tool/ocsp",
      query: "",
      body: JSON.stringify({ certificate: SERVER_PEM }),
    });
  });

  it("checkOcsp keeps a status the spec does not list", async () => {
    server.use(http.post(`${BASE_URL}/tool/ocsp`, () => HttpResponse.json({ status: "unknown" })));
    const { data } = await sslmarket().POST("/tool/ocsp", { body: { certificate: SERVER_PEM } });
    expect(data).toEqual({ status: "unknown" });
  });
});
