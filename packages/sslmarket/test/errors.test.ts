import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CertkitError, createSslmarketClient, type SslmarketClient } from "../src/index.js";
import { CSR_PEM, ORDER_ID, orderRequest, PRODUCT_CODE, SERVER_PEM } from "./support/fixtures.js";
import { BASE_URL, requests, server, TOKEN } from "./support/server.js";

// Sent once: these tests are about how each error reads, not about retries.
const sslmarket = () => createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL, retry: false });

type Call = (client: SslmarketClient) => Promise<{ error?: CertkitError | undefined; response: Response }>;
const order = { params: { path: { order_id: ORDER_ID } } };

/** One valid call per operation of the spec, by operationId, with the msw route that answers it. */
const calls: Record<string, { method: "get" | "post" | "put"; route: string; call: Call }> = {
  listProducts: { method: "get", route: "/product/list", call: (c) => c.GET("/product/list") },
  listOrders: { method: "get", route: "/order/list", call: (c) => c.GET("/order/list") },
  createOrder: {
    method: "post",
    route: "/order/certificate/:productCode",
    call: (c) =>
      c.POST("/order/certificate/{product_code}", {
        params: { path: { product_code: PRODUCT_CODE } },
        body: orderRequest,
      }),
  },
  getOrder: {
    method: "get",
    route: "/order/order_id/:orderId",
    call: (c) => c.GET("/order/order_id/{order_id}", order),
  },
  updateOrder: {
    method: "put",
    route: "/order/order_id/:orderId",
    call: (c) => c.PUT("/order/order_id/{order_id}", { ...order, body: { tech_email: "admin@shop.example.test" } }),
  },
  resendDcvEmail: {
    method: "put",
    route: "/certificate/order_id/:orderId/resend",
    call: (c) => c.PUT("/certificate/order_id/{order_id}/resend", order),
  },
  reissueCertificate: {
    method: "post",
    route: "/certificate/order_id/:orderId/reissue",
    call: (c) => c.POST("/certificate/order_id/{order_id}/reissue", { ...order, body: { csr: CSR_PEM } }),
  },
  cancelReissue: {
    method: "put",
    route: "/certificate/order_id/:orderId/cancel-reissue",
    call: (c) => c.PUT("/certificate/order_id/{order_id}/cancel-reissue", order),
  },
  revokeCertificate: {
    method: "put",
    route: "/certificate/order_id/:orderId/revoke",
    call: (c) => c.PUT("/certificate/order_id/{order_id}/revoke", order),
  },
  downloadCertificate: {
    method: "get",
    route: "/certificate/order_id/:orderId/format/:format",
    call: (c) =>
      c.GET("/certificate/order_id/{order_id}/format/{format}", {
        params: { path: { order_id: ORDER_ID, format: "p7b" } },
        parseAs: "arrayBuffer",
      }),
  },
  decodeCsr: {
    method: "post",
    route: "/tool/decoder/csr",
    call: (c) => c.POST("/tool/decoder/csr", { body: { csr: CSR_PEM } }),
  },
  decodeCertificate: {
    method: "post",
    route: "/tool/decoder/certificate",
    call: (c) => c.POST("/tool/decoder/certificate", { body: { certificate: SERVER_PEM } }),
  },
  checkOcsp: {
    method: "post",
    route: "/tool/ocsp",
    call: (c) => c.POST("/tool/ocsp", { body: { certificate: SERVER_PEM } }),
  },
};

// The spec documents 401 and the 4XX range; these are the statuses of that range a client must tell apart.
const STATUSES_OF_4XX = [400, 402, 403, 404, 409, 410, 422, 429];
const expectedCode: Record<number, string> = {
  400: "VALIDATION_FAILED",
  401: "AUTH",
  402: "PROVIDER",
  403: "AUTH",
  404: "NOT_FOUND",
  409: "CONFLICT",
  410: "NOT_FOUND",
  422: "VALIDATION_FAILED",
  429: "RATE_LIMITED",
};

interface Example {
  operationId: string;
  status: number;
  name: string;
  value: { error: string; message: string };
}

/** Every documented error example of the spec, resolved through `$ref`s, with the 4XX range spread over its statuses. */
function documentedErrorExamples(): Example[] {
  const spec = parse(readFileSync(new URL("../../../specs/sslmarket/openapi.yaml", import.meta.url), "utf8"));
  const resolve = (node: { $ref?: string }) =>
    node.$ref
      ? node.$ref
          .split("/")
          .slice(1)
          .reduce((at: any, key: string) => at[key], spec)
      : node;
  const examples: Example[] = [];
  for (const item of Object.values<Record<string, any>>(spec.paths)) {
    for (const operation of Object.values<any>(item)) {
      for (const [status, ref] of Object.entries<any>(operation.responses)) {
        const statuses = status === "4XX" ? STATUSES_OF_4XX : Number(status) >= 400 ? [Number(status)] : [];
        const response = resolve(ref);
        for (const [name, example] of Object.entries<any>(response.content?.["application/json"]?.examples ?? {})) {
          for (const each of statuses)
            examples.push({ operationId: operation.operationId, status: each, name, value: example.value });
        }
      }
    }
  }
  return examples;
}

describe("documented SSLmarket errors", () => {
  const examples = documentedErrorExamples();

  it("cover every operation of the spec, each with 401 and the 4XX range", () => {
    expect(new Set(examples.map((e) => e.operationId))).toEqual(new Set(Object.keys(calls)));
    expect(examples).toHaveLength(Object.keys(calls).length * (1 + STATUSES_OF_4XX.length));
  });

  it.each(examples.map((e) => [e.operationId, e.status, e.name, e] as const))(
    "%s %d (%s) becomes a typed CertkitError",
    async (operationId, status, _name, example) => {
      const operation = calls[operationId]!;
      server.use(
        http[operation.method](`${BASE_URL}${operation.route}`, () => HttpResponse.json(example.value, { status })),
      );
      const { error, response } = await operation.call(sslmarket());
      expect(requests).toHaveLength(1);
      expect(requests[0]?.headers.get("x-auth-token")).toBe(TOKEN);
      expect(response.status).toBe(status);
      expect(error).toBeInstanceOf(CertkitError);
      expect(error).toMatchObject({
        code: expectedCode[status],
        provider: "sslmarket",
        status,
        providerCode: example.value.error,
        fieldErrors: undefined,
        body: example.value,
        retryable: status === 429,
        effectUnknown: false,
      });
      expect(error?.message).toBe(
        `SSLmarket API: ${operation.method.toUpperCase()} ${pathTemplate(operationId)} failed with HTTP ${status}${response.statusText ? ` ${response.statusText}` : ""}` +
          ` (${example.value.error}): ${example.value.message}`,
      );
    },
  );
});

/** The path template an operation's errors name (never the order number or other values). */
function pathTemplate(operationId: string): string {
  return calls[operationId]!.route.replace(":orderId", "{order_id}")
    .replace(":productCode", "{product_code}")
    .replace(":format", "{format}");
}

describe("errors with field details", () => {
  it("reads per-field messages of a rejected order into fieldErrors", async () => {
    server.use(
      http.post(`${BASE_URL}/order/certificate/:productCode`, () =>
        HttpResponse.json(
          {
            error: "validation_error",
            message: "The order is not valid.",
            errors: {
              owner_tel: ["is not in the form +44.123456789"],
              dns_names: ["too many SANs for this product", "duplicate name"],
            },
          },
          { status: 422 },
        ),
      ),
    );
    const { error } = await calls.createOrder!.call(sslmarket());
    expect(error).toMatchObject({
      code: "VALIDATION_FAILED",
      status: 422,
      providerCode: "validation_error",
      fieldErrors: {
        owner_tel: ["is not in the form +44.123456789"],
        dns_names: ["too many SANs for this product", "duplicate name"],
      },
    });
    expect(error?.message).toContain("The order is not valid.");
  });

  it("reads a list of {field, message} as fieldErrors too", async () => {
    server.use(
      http.put(`${BASE_URL}/order/order_id/:orderId`, () =>
        HttpResponse.json(
          {
            type: "invalid_input",
            description: "Invalid fields",
            errors: [{ field: "tech_email", message: "not an e-mail address" }],
          },
          { status: 400 },
        ),
      ),
    );
    const { error } = await calls.updateOrder!.call(sslmarket());
    expect(error).toMatchObject({
      providerCode: "invalid_input",
      fieldErrors: { tech_email: ["not an e-mail address"] },
    });
    expect(error?.message).toMatch(/\(invalid_input\): Invalid fields$/);
  });
});

describe("answers outside the spec", () => {
  it("keeps a non-JSON error body as truncated text, with no provider details", async () => {
    const page = `<html><body><h1>502 Bad Gateway</h1>${"x".repeat(5000)}</body></html>`;
    server.use(http.get(`${BASE_URL}/order/list`, () => HttpResponse.html(page, { status: 502 })));
    const { error } = await sslmarket().GET("/order/list");
    expect(error).toMatchObject({
      code: "PROVIDER",
      status: 502,
      providerCode: undefined,
      fieldErrors: undefined,
      retryable: true,
    });
    const text = error?.body as string;
    expect(text).toMatch(/^<html><body><h1>502 Bad Gateway/);
    expect(text.length).toBeLessThan(2100);
    expect(text).toMatch(/\[truncated\]$/);
  });

  it("keeps a plain-text 4xx body as text", async () => {
    server.use(
      http.get(`${BASE_URL}/order/order_id/:orderId`, () => HttpResponse.text("Order not found", { status: 404 })),
    );
    const { error } = await calls.getOrder!.call(sslmarket());
    expect(error).toMatchObject({ code: "NOT_FOUND", status: 404, body: "Order not found", providerCode: undefined });
  });

  it("reads an empty JSON array body (what a PHP backend may send) as no details", async () => {
    server.use(http.get(`${BASE_URL}/order/list`, () => HttpResponse.json([], { status: 400 })));
    const { error } = await sslmarket().GET("/order/list");
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", status: 400, providerCode: undefined, body: [] });
    expect(error?.message).toBe("SSLmarket API: GET /order/list failed with HTTP 400 Bad Request");
  });

  it("still reports an error whose body is empty", async () => {
    server.use(http.get(`${BASE_URL}/order/order_id/:orderId`, () => new HttpResponse(null, { status: 500 })));
    const { error } = await calls.getOrder!.call(sslmarket());
    expect(error).toMatchObject({ code: "PROVIDER", status: 500, body: undefined, retryable: true });
    expect(error?.message).toBe(
      "SSLmarket API: GET /order/order_id/{order_id} failed with HTTP 500 Internal Server Error",
    );
  });

  it("keeps the provider's request id", async () => {
    server.use(
      http.get(`${BASE_URL}/product/list`, () =>
        HttpResponse.json(
          { error: "forbidden", message: "API access is off" },
          { status: 403, headers: { "X-Request-Id": "req-51c2" } },
        ),
      ),
    );
    const { error } = await sslmarket().GET("/product/list");
    expect(error).toMatchObject({ code: "AUTH", requestId: "req-51c2" });
  });
});

describe("network behaviour", () => {
  it("retries a read that meets 503, and succeeds", async () => {
    let count = 0;
    server.use(
      http.get(`${BASE_URL}/order/list`, () =>
        ++count < 3
          ? HttpResponse.json({ error: "unavailable", message: "busy" }, { status: 503 })
          : HttpResponse.json({ orders: [] }),
      ),
    );
    const { data } = await createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL, retry: { baseDelayMs: 1 } }).GET(
      "/order/list",
    );
    expect(data).toEqual({ orders: [] });
    expect(count).toBe(3);
  });

  it("never repeats an order that met a 500: effectUnknown, so look before ordering again", async () => {
    server.use(
      http.post(`${BASE_URL}/order/certificate/:productCode`, () =>
        HttpResponse.json({ error: "internal", message: "Internal error" }, { status: 500 }),
      ),
    );
    const { error } = await calls.createOrder!.call(
      createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL, retry: { baseDelayMs: 1 } }),
    );
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({
      code: "PROVIDER",
      status: 500,
      retryable: false,
      effectUnknown: true,
      providerCode: "internal",
    });
    expect(error?.message).toMatch(/may exist/);
  });

  it("sends a write again after a 429, which was refused before it did anything", async () => {
    let count = 0;
    server.use(
      http.post(`${BASE_URL}/certificate/order_id/:orderId/reissue`, () =>
        ++count === 1
          ? HttpResponse.json(
              { error: "rate_limited", message: "Slow down" },
              { status: 429, headers: { "Retry-After": "0" } },
            )
          : new HttpResponse(null, { status: 202 }),
      ),
    );
    const { error, response } = await calls.reissueCertificate!.call(
      createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL, retry: { baseDelayMs: 1 } }),
    );
    expect(error).toBeUndefined();
    expect(response.status).toBe(202);
    expect(requests).toHaveLength(2);
    expect(await requests[1]!.json()).toEqual({ csr: CSR_PEM });
  });

  it("throws NETWORK when no answer arrives; a read may be retried, a write may not", async () => {
    server.use(
      http.get(`${BASE_URL}/order/list`, () => HttpResponse.error()),
      http.put(`${BASE_URL}/certificate/order_id/:orderId/revoke`, () => HttpResponse.error()),
    );
    await expect(sslmarket().GET("/order/list")).rejects.toMatchObject({
      code: "NETWORK",
      retryable: true,
      provider: "sslmarket",
    });
    const write = calls.revokeCertificate!.call(sslmarket());
    await expect(write).rejects.toMatchObject({ code: "NETWORK", retryable: false, effectUnknown: true });
  });

  it("throws TIMEOUT when the server never answers", async () => {
    server.use(http.get(`${BASE_URL}/product/list`, () => new Promise<never>(() => undefined)));
    const call = createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL, timeoutMs: 50 }).GET("/product/list");
    await expect(call).rejects.toMatchObject({ code: "TIMEOUT", provider: "sslmarket" });
  });

  it("throws ABORTED when the caller aborts", async () => {
    server.use(http.get(`${BASE_URL}/order/list`, () => new Promise<never>(() => undefined)));
    const controller = new AbortController();
    const call = sslmarket().GET("/order/list", { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: "ABORTED", provider: "sslmarket" });
    await expect(call).rejects.toBeInstanceOf(CertkitError);
  });
});

describe("the token never leaks", () => {
  it("is removed from a 401 body and message that echo it", async () => {
    server.use(
      http.get(`${BASE_URL}/order/list`, ({ request }) =>
        HttpResponse.json(
          {
            error: "unauthorized",
            message: `Invalid authentication token ${request.headers.get("x-auth-token")}`,
            token: request.headers.get("x-auth-token"),
          },
          { status: 401 },
        ),
      ),
    );
    const { error } = await sslmarket().GET("/order/list");
    expect(requests[0]?.headers.get("x-auth-token")).toBe(TOKEN);
    expect(error).toMatchObject({ code: "AUTH", status: 401, providerCode: "unauthorized" });
    for (const shown of [error?.message, JSON.stringify(error), inspect(error, { depth: 10 }), String(error?.stack)]) {
      expect(shown).not.toContain(TOKEN);
    }
    expect(error?.message).toContain("Invalid authentication token [REDACTED]");
    expect(error?.body).toMatchObject({ token: "[REDACTED]" });
  });

  it("is removed from an HTML page and from field errors that echo it", async () => {
    server.use(
      http.get(`${BASE_URL}/order/list`, () => HttpResponse.html(`<pre>X-Auth-Token: ${TOKEN}</pre>`, { status: 502 })),
      http.put(`${BASE_URL}/order/order_id/:orderId`, () =>
        HttpResponse.json({ error: "invalid", errors: { csr: [`bad CSR for ${TOKEN}`] } }, { status: 400 }),
      ),
    );
    const page = await sslmarket().GET("/order/list");
    const fields = await calls.updateOrder!.call(sslmarket());
    expect(page.error?.body).toBe("<pre>X-Auth-Token: [REDACTED]</pre>");
    expect(fields.error?.fieldErrors).toEqual({ csr: ["bad CSR for [REDACTED]"] });
    expect(JSON.stringify([page.error, fields.error])).not.toContain(TOKEN);
  });

  it("is absent from a thrown network error and its cause", async () => {
    server.use(http.get(`${BASE_URL}/order/list`, () => HttpResponse.error()));
    const error = await sslmarket()
      .GET("/order/list")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CertkitError);
    expect(inspect(error, { depth: 10 })).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });
});
