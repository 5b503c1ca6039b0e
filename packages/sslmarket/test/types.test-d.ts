import { describe, expectTypeOf, it } from "vitest";
import {
  createSslmarketClient,
  SSLMARKET_SITE_BASE_URLS,
  type ApiError,
  type CertificateFormat,
  type CertkitError,
  type components,
  type CreateOrderRequest,
  type CreateOrderResult,
  type HttpError,
  type OcspCheckResult,
  type operations,
  type Order,
  type OrderList,
  type OrderState,
  type paths,
  type Product,
  type ProductList,
  type RateLimitState,
  type SslmarketClientOptions,
  type SslmarketSite,
  type UpdateOrderRequest,
} from "../src/index.js";

const sslmarket = createSslmarketClient({ token: "t0ken" });
const order = { params: { path: { order_id: 100234 } } };
const contacts = {
  owner_name: "Example Ltd",
  owner_street: "1 Street",
  owner_city: "London",
  owner_zip: "EC1A 1AA",
  owner_country: "GB",
  owner_tel: "+44.1",
  auth_title: "Director",
  auth_firstname: "Jane",
  auth_lastname: "Doe",
  auth_tel: "+44.1",
  auth_email: "jane@example.test",
  tech_title: "Admin",
  tech_firstname: "John",
  tech_lastname: "Roe",
  tech_email: "john@example.test",
  tech_tel: "+44.2",
  invoice_name: "Example Ltd",
  invoice_street: "1 Street",
  invoice_city: "London",
  invoice_zip: "EC1A 1AA",
  invoice_country: "GB",
  invoice_email: "billing@example.test",
} as const;

describe("SSLmarket client types", () => {
  it("exports the generated types and named schema aliases", () => {
    expectTypeOf<Product>().toEqualTypeOf<components["schemas"]["Product"]>();
    expectTypeOf<Order>().toEqualTypeOf<components["schemas"]["Order"]>();
    expectTypeOf<CreateOrderRequest>().toEqualTypeOf<components["schemas"]["CreateOrderRequest"]>();
    expectTypeOf<CertificateFormat>().toEqualTypeOf<"pem_server" | "pem_intermediate" | "p7b">();
    expectTypeOf<Product["csr_required"]>().toEqualTypeOf<"true" | "false">();
    expectTypeOf<CreateOrderRequest["dns_names"]>().toEqualTypeOf<string[] | undefined>();
    // Any state string is accepted: only `published` is documented.
    expectTypeOf<"waiting_for_validation">().toExtend<OrderState>();
    expectTypeOf<Order["published"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<keyof paths>().toEqualTypeOf<
      | "/product/list"
      | "/order/list"
      | "/order/certificate/{product_code}"
      | "/order/order_id/{order_id}"
      | "/certificate/order_id/{order_id}/resend"
      | "/certificate/order_id/{order_id}/reissue"
      | "/certificate/order_id/{order_id}/cancel-reissue"
      | "/certificate/order_id/{order_id}/revoke"
      | "/certificate/order_id/{order_id}/format/{format}"
      | "/tool/decoder/csr"
      | "/tool/decoder/certificate"
      | "/tool/ocsp"
    >();
    expectTypeOf<operations["createOrder"]["requestBody"]>().not.toBeUndefined();
  });

  it("types data by path and narrows it once error is checked", async () => {
    const { data, error } = await sslmarket.GET("/order/list");
    expectTypeOf(data).toEqualTypeOf<OrderList | undefined>();
    if (error) {
      expectTypeOf(error).toExtend<CertkitError>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expectTypeOf(error.body).toExtend<ApiError | string | undefined>();
      return;
    }
    expectTypeOf(data).toEqualTypeOf<OrderList>();
  });

  it("types each operation's answer", async () => {
    expectTypeOf((await sslmarket.GET("/product/list")).data).toEqualTypeOf<ProductList | undefined>();
    // Order is an intersection (allOf); openapi-fetch's Readable<> rebuilds it equal in shape but not in name.
    const detail = (await sslmarket.GET("/order/order_id/{order_id}", order)).data;
    expectTypeOf(detail).toExtend<Order | undefined>();
    expectTypeOf<Order | undefined>().toExtend<typeof detail>();
    const created = await sslmarket.POST("/order/certificate/{product_code}", {
      params: { path: { product_code: "x" } },
      body: { domain: "a.example.test", years: 1, ...contacts },
    });
    expectTypeOf(created.data).toEqualTypeOf<CreateOrderResult | undefined>();
    expectTypeOf((await sslmarket.POST("/tool/ocsp", { body: { certificate: "pem" } })).data).toEqualTypeOf<OcspCheckResult | undefined>();
    expectTypeOf((await sslmarket.PUT("/certificate/order_id/{order_id}/resend", order)).data).toEqualTypeOf<undefined>();
  });

  it("types a download by the parseAs the call gives", async () => {
    const pem = await sslmarket.GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: 1, format: "pem_intermediate" } },
      parseAs: "text",
    });
    expectTypeOf(pem.data).toEqualTypeOf<string | undefined>();
    const p7b = await sslmarket.GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: 1, format: "p7b" } },
      parseAs: "arrayBuffer",
    });
    expectTypeOf(p7b.data).toEqualTypeOf<ArrayBuffer | undefined>();
    // @ts-expect-error no such format
    void sslmarket.GET("/certificate/order_id/{order_id}/format/{format}", { params: { path: { order_id: 1, format: "der" } } });
    // @ts-expect-error no such way to read a body
    void sslmarket.GET("/certificate/order_id/{order_id}/format/{format}", { params: { path: { order_id: 1, format: "p7b" } }, parseAs: "bytes" });
  });

  it("types the error body of each operation from the spec", async () => {
    const { error } = await sslmarket.GET("/product/list");
    expectTypeOf(error).toExtend<HttpError<ApiError> | undefined>();
    // @ts-expect-error a body of another type is not the error body
    expectTypeOf(error).toExtend<HttpError<Order> | undefined>();
  });

  it("rejects an unnarrowed data", async () => {
    const { data } = await sslmarket.GET("/order/order_id/{order_id}", order);
    // @ts-expect-error data may be undefined until error is checked
    void data.state;
  });

  it("rejects a path or method the spec does not have", () => {
    // @ts-expect-error no such path
    void sslmarket.GET("/orders/list");
    // @ts-expect-error the list has no POST
    void sslmarket.POST("/order/list");
    // @ts-expect-error resend is a PUT
    void sslmarket.POST("/certificate/order_id/{order_id}/resend", order);
    // @ts-expect-error revoke is a PUT
    void sslmarket.DELETE("/certificate/order_id/{order_id}/revoke", order);
  });

  it("rejects a missing or wrong path parameter", () => {
    // @ts-expect-error params.path.order_id is required
    void sslmarket.GET("/order/order_id/{order_id}");
    // @ts-expect-error order_id is a number
    void sslmarket.GET("/order/order_id/{order_id}", { params: { path: { order_id: "100234" } } });
    // @ts-expect-error product_code is required
    void sslmarket.POST("/order/certificate/{product_code}", { params: { path: {} }, body: { domain: "a.example.test", years: 1, ...contacts } });
  });

  it("rejects a wrong body", () => {
    // @ts-expect-error years is required
    void sslmarket.POST("/order/certificate/{product_code}", { params: { path: { product_code: "x" } }, body: { domain: "a.example.test", ...contacts } });
    // @ts-expect-error the contacts are required
    void sslmarket.POST("/order/certificate/{product_code}", { params: { path: { product_code: "x" } }, body: { domain: "a.example.test", years: 1 } });
    // @ts-expect-error dns_names is a list of names, not one comma-separated string
    void sslmarket.POST("/order/certificate/{product_code}", { params: { path: { product_code: "x" } }, body: { domain: "a.example.test", years: 1, dns_names: "b.example.test,c.example.test", ...contacts } });
    // @ts-expect-error no such DCV method (the documented spelling is DNS)
    void sslmarket.PUT("/order/order_id/{order_id}", { ...order, body: { dv_auth_method: "dns" } });
    // @ts-expect-error the reissue needs a CSR
    void sslmarket.POST("/certificate/order_id/{order_id}/reissue", { ...order, body: {} });
    // @ts-expect-error the OCSP check takes a certificate
    void sslmarket.POST("/tool/ocsp", { body: { csr: "pem" } });
    const edit: UpdateOrderRequest = {};
    void sslmarket.PUT("/order/order_id/{order_id}", { ...order, body: edit });
  });

  it("requires the options an SSLmarket client needs", () => {
    // @ts-expect-error token is required
    createSslmarketClient({});
    // @ts-expect-error the credential is named token
    createSslmarketClient({ apiKey: "t0ken" });
    // @ts-expect-error baseUrl is a string
    createSslmarketClient({ token: "t0ken", baseUrl: new URL("https://a.example.test") });
    expectTypeOf<SslmarketClientOptions["token"]>().toEqualTypeOf<string>();
    expectTypeOf<keyof typeof SSLMARKET_SITE_BASE_URLS>().toEqualTypeOf<SslmarketSite>();
    createSslmarketClient({ token: "t0ken", baseUrl: SSLMARKET_SITE_BASE_URLS["sslmarket.sk"] });
  });

  it("takes per-call network options, and checks their types", () => {
    void sslmarket.GET("/product/list", { signal: AbortSignal.timeout(1000), timeoutMs: 5000, retry: { maxAttempts: 5 } });
    void sslmarket.PUT("/certificate/order_id/{order_id}/revoke", { ...order, retry: false });
    // @ts-expect-error timeoutMs is a number
    void sslmarket.GET("/product/list", { timeoutMs: "5s" });
    // @ts-expect-error retry takes settings or false, not true
    void sslmarket.GET("/product/list", { retry: true });
    // @ts-expect-error no such retry setting
    createSslmarketClient({ token: "t0ken", retry: { attempts: 2 } });
  });

  it("exposes the last seen rate limit", () => {
    expectTypeOf(sslmarket.rateLimit).toEqualTypeOf<RateLimitState | undefined>();
  });
});
