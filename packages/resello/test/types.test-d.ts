import { describe, expectTypeOf, it } from "vitest";
import {
  createCertificateOnce,
  findCertificateByClientReference,
  createReselloClient,
  unwrapResello,
  type Certificate,
  type CertificateEnvelope,
  type CertificateListResponse,
  type CertificateResponse,
  type CertkitError,
  type components,
  type CreateCertificateRequest,
  type DcvType,
  type ErrorResponse,
  type HttpError,
  type operations,
  type paths,
  type Plan,
  type RateLimitState,
  type ReselloBasicAuthOptions,
  type ReselloBearerAuthOptions,
  type ReselloOidcAuthOptions,
  type ReselloClient,
  type ReselloClientOptions,
  type ValidationDetails,
} from "../src/index.js";

const resello = createReselloClient({ resellerReference: "RS-1", apiKey: "key-1234" });
const id = { params: { path: { id: "c-1" } } };

describe("Resello client types", () => {
  it("exports the generated types and named schema aliases", () => {
    expectTypeOf<Certificate>().toEqualTypeOf<components["schemas"]["Certificate"]>();
    expectTypeOf<CreateCertificateRequest>().toEqualTypeOf<components["schemas"]["CreateCertificateRequest"]>();
    expectTypeOf<CertificateResponse>().toEqualTypeOf<CertificateEnvelope | Certificate>();
    expectTypeOf<DcvType>().toEqualTypeOf<"EMAIL" | "FILE" | "DNS">();
    expectTypeOf<Plan["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Certificate["client_reference"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<keyof paths>().toEqualTypeOf<
      | "/ssl-certificate"
      | "/ssl-certificate/{id}"
      | "/ssl-certificate/{id}/renew"
      | "/ssl-certificate/{id}/validate"
      | "/ssl-certificate/{id}/reissue"
      | "/ssl-certificate/{id}/download-zip"
      | "/ssl-certificate/{id}/download-pkcs7"
      | "/ssl-certificate/{id}/download-crt"
      | "/ssl-certificate/{id}/download-csr"
      | "/ssl-certificate/{id}/download-ca"
      | "/ssl-certificate/{id}/validation-details"
      | "/ssl-certificate-plan"
    >();
    expectTypeOf<operations["createCertificate"]["requestBody"]>().not.toBeUndefined();
  });

  it("types data by path, narrows it once error is checked, and unwraps it to the payload", async () => {
    const { data, error } = await resello.GET("/ssl-certificate");
    // Mutual assignability: openapi-fetch wraps bodies in Readable<>, which is equal in shape but not in name.
    expectTypeOf(data).toExtend<CertificateListResponse | undefined>();
    expectTypeOf<CertificateListResponse | undefined>().toExtend<typeof data>();
    if (error) {
      expectTypeOf(error).toExtend<CertkitError>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expectTypeOf(error.body).toExtend<ErrorResponse | string | undefined>();
      expectTypeOf<ErrorResponse | string | undefined>().toExtend<typeof error.body>();
      return;
    }
    expectTypeOf(unwrapResello(data)).toEqualTypeOf<Certificate[]>();
  });

  it("unwraps each kind of answer to its own type", async () => {
    const one = await resello.GET("/ssl-certificate/{id}", id);
    const plans = await resello.GET("/ssl-certificate-plan");
    const details = await resello.GET("/ssl-certificate/{id}/validation-details", id);
    if (one.error || plans.error || details.error) return;
    expectTypeOf(unwrapResello(one.data)).toEqualTypeOf<Certificate>();
    expectTypeOf(unwrapResello(plans.data)).toEqualTypeOf<Plan[]>();
    expectTypeOf(unwrapResello(details.data)).toEqualTypeOf<ValidationDetails>();
    // @ts-expect-error a download is not a JSON answer
    unwrapResello("-----BEGIN CERTIFICATE-----");
  });

  it("types downloads by parseAs", async () => {
    const zip = await resello.GET("/ssl-certificate/{id}/download-zip", { ...id, parseAs: "arrayBuffer" });
    const pkcs7 = await resello.GET("/ssl-certificate/{id}/download-pkcs7", { ...id, parseAs: "blob" });
    const crt = await resello.GET("/ssl-certificate/{id}/download-crt", { ...id, parseAs: "text" });
    expectTypeOf(zip.data).toEqualTypeOf<ArrayBuffer | undefined>();
    expectTypeOf(pkcs7.data).toEqualTypeOf<Blob | undefined>();
    expectTypeOf(crt.data).toEqualTypeOf<string | undefined>();
    // @ts-expect-error no such parse mode
    void resello.GET("/ssl-certificate/{id}/download-zip", { ...id, parseAs: "bytes" });
  });

  it("types the error body of each operation from the spec", async () => {
    const { error } = await resello.GET("/ssl-certificate-plan");
    expectTypeOf(error).toExtend<HttpError<ErrorResponse> | undefined>();
    // @ts-expect-error the error body is not a plan
    expectTypeOf(error).toExtend<HttpError<Plan> | undefined>();
  });

  it("rejects an unnarrowed data", async () => {
    const { data } = await resello.GET("/ssl-certificate/{id}", id);
    // @ts-expect-error data may be undefined until error is checked
    void data.success;
  });

  it("rejects a path or method the spec does not have", () => {
    // @ts-expect-error no such path
    void resello.GET("/ssl-certificates");
    // @ts-expect-error the plan list has no POST
    void resello.POST("/ssl-certificate-plan");
    // @ts-expect-error a certificate is not changed with PUT
    void resello.PUT("/ssl-certificate/{id}", id);
  });

  it("rejects a missing or wrong path parameter", () => {
    // @ts-expect-error params.path.id is required
    void resello.GET("/ssl-certificate/{id}");
    // @ts-expect-error id is a string
    void resello.GET("/ssl-certificate/{id}", { params: { path: { id: 7 } } });
  });

  it("rejects a wrong query parameter", () => {
    // @ts-expect-error the list has no such filter
    void resello.GET("/ssl-certificate", { params: { query: { status: "active" } } });
    // @ts-expect-error several plan ids are one comma-separated string, not an array
    void resello.GET("/ssl-certificate-plan", { params: { query: { id: ["a", "b"] } } });
  });

  it("rejects a wrong body", () => {
    // @ts-expect-error plan is required
    void resello.POST("/ssl-certificate", { body: { csr: "x", dcv_type: "DNS" } });
    // @ts-expect-error no such validation method
    void resello.POST("/ssl-certificate", { body: { csr: "x", dcv_type: "HTTP", plan: "p" } });
    // @ts-expect-error unknown body field
    void resello.POST("/ssl-certificate/{id}/validate", { ...id, body: { dcv_type: "DNS", years: 2 } });
    // @ts-expect-error a reissue needs a CSR
    void resello.POST("/ssl-certificate/{id}/reissue", { ...id, body: { dcv_type: "DNS" } });
    // @ts-expect-error a renewal takes a body
    void resello.POST("/ssl-certificate/{id}/renew", id);
  });

  it("takes Basic credentials, OIDC client credentials or a bearer token, exactly one", () => {
    expectTypeOf<ReselloClientOptions>().toEqualTypeOf<ReselloBasicAuthOptions | ReselloOidcAuthOptions | ReselloBearerAuthOptions>();
    expectTypeOf(createReselloClient({ accessToken: "t-123" })).toEqualTypeOf<ReselloClient>();
    expectTypeOf(
      createReselloClient({ oidc: { tokenUrl: "https://id.example.test/token", clientId: "c", clientSecret: "s" } }),
    ).toEqualTypeOf<ReselloClient>();
    // @ts-expect-error OIDC needs the client secret
    createReselloClient({ oidc: { tokenUrl: "https://id.example.test/token", clientId: "c" } });
    // @ts-expect-error not OIDC and a fixed token
    createReselloClient({ oidc: { tokenUrl: "https://id.example.test/token", clientId: "c", clientSecret: "s" }, accessToken: "t-123" });
    // @ts-expect-error Basic needs the API key too
    createReselloClient({ resellerReference: "RS-1" });
    // @ts-expect-error not both kinds of credentials
    createReselloClient({ resellerReference: "RS-1", apiKey: "key-1234", accessToken: "t-123" });
    // @ts-expect-error some credentials are required
    createReselloClient({ baseUrl: "https://a.example.test" });
    // @ts-expect-error baseUrl is a string
    createReselloClient({ accessToken: "t-123", baseUrl: new URL("https://a.example.test") });
  });

  it("takes per-call network options, and checks their types", () => {
    void resello.GET("/ssl-certificate", { signal: AbortSignal.timeout(1000), timeoutMs: 5000, retry: { maxAttempts: 5 } });
    // @ts-expect-error timeoutMs is a number
    void resello.GET("/ssl-certificate", { timeoutMs: "5s" });
    // @ts-expect-error no such retry setting
    createReselloClient({ accessToken: "t-123", retry: { attempts: 2 } });
  });

  it("types createCertificateOnce, which needs a client_reference", () => {
    const body = { csr: "x", dcv_type: "DNS", plan: "p", client_reference: "order-1" } as const;
    expectTypeOf(createCertificateOnce(resello, body, { timeoutMs: 5000 })).toEqualTypeOf<Promise<Certificate>>();
    expectTypeOf(findCertificateByClientReference(resello, "ref", { timeoutMs: 5000 })).toEqualTypeOf<Promise<Certificate | undefined>>();
    // @ts-expect-error -- an order is sent once: there is no number of attempts to set.
    void createCertificateOnce(resello, body, { maxAttempts: 2 });
    // @ts-expect-error client_reference is required to find the order again
    void createCertificateOnce(resello, { csr: "x", dcv_type: "DNS", plan: "p" });
    // @ts-expect-error no such option
    void createCertificateOnce(resello, body, { retries: 2 });
  });

  it("exposes the last seen rate limit", () => {
    expectTypeOf(resello.rateLimit).toEqualTypeOf<RateLimitState | undefined>();
  });
});
