import { describe, expectTypeOf, it } from "vitest";
import {
  createIonosSslClient,
  type Certificate,
  type CertificateList,
  type CertkitError,
  type components,
  type EnrollRequest,
  type ErrorResponse,
  type GatewayError,
  type HttpError,
  type operations,
  type RateLimitState,
  type paths,
} from "../src/index.js";

const ionos = createIonosSslClient({ apiKey: "pub.secret" });

describe("IONOS client types", () => {
  it("exports the generated types and named schema aliases", () => {
    expectTypeOf<Certificate>().toEqualTypeOf<components["schemas"]["Certificate"]>();
    expectTypeOf<EnrollRequest>().toEqualTypeOf<components["schemas"]["EnrollRequest"]>();
    expectTypeOf<Certificate["status"]>().toEqualTypeOf<
      "ACTIVE" | "PENDING" | "REPLACING" | "RENEWING" | "FAILED" | "PENDING_CA_MANUAL_VETTING" | undefined
    >();
    expectTypeOf<keyof paths>().toEqualTypeOf<
      | "/v1/certificates"
      | "/v1/certificates/{id}"
      | "/v1/certificates/quota"
      | "/v1/certificates/{id}/authentications/{authenticationId}"
    >();
    expectTypeOf<operations["createCertificate"]["requestBody"]>().not.toBeUndefined();
  });

  it("types data by path and narrows it once error is checked", async () => {
    const { data, error } = await ionos.GET("/v1/certificates");
    expectTypeOf(data).toEqualTypeOf<CertificateList | undefined>();
    if (error) {
      expectTypeOf(error).toExtend<CertkitError>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
      // Mutual assignability: openapi-fetch wraps bodies in Readable<>, which is equal in shape but not in name.
      expectTypeOf(error.body).toExtend<ErrorResponse | GatewayError | string | undefined>();
      expectTypeOf<ErrorResponse | GatewayError | string | undefined>().toExtend<typeof error.body>();
      return;
    }
    expectTypeOf(data).toEqualTypeOf<CertificateList>();
  });

  it("types the error body of each operation from the spec", async () => {
    const { error } = await ionos.GET("/v1/certificates/quota");
    expectTypeOf(error).toExtend<HttpError<GatewayError | ErrorResponse> | undefined>();
    expectTypeOf<HttpError<GatewayError | ErrorResponse> | undefined>().toExtend<typeof error>();
    // @ts-expect-error a body of another operation's type is not the quota's error body
    expectTypeOf(error).toExtend<HttpError<Certificate> | undefined>();
  });

  it("rejects an unnarrowed data", async () => {
    const { data } = await ionos.GET("/v1/certificates/{id}", { params: { path: { id: "x" } } });
    // @ts-expect-error data may be undefined until error is checked
    void data.status;
  });

  it("rejects a path the spec does not have", () => {
    // @ts-expect-error no such path
    void ionos.GET("/v1/certificate");
    // @ts-expect-error the path has no PUT
    void ionos.PUT("/v1/certificates");
  });

  it("rejects a missing or wrong path parameter", () => {
    // @ts-expect-error params.path.id is required
    void ionos.GET("/v1/certificates/{id}");
    // @ts-expect-error id is a string
    void ionos.GET("/v1/certificates/{id}", { params: { path: { id: 7 } } });
  });

  it("rejects a wrong query parameter", () => {
    // @ts-expect-error action must be DCV_READY
    void ionos.POST("/v1/certificates/{id}/authentications/{authenticationId}", { params: { path: { id: "a", authenticationId: "b" }, query: { action: "DCV_NOW" } } });
    // @ts-expect-error page is a number
    void ionos.GET("/v1/certificates", { params: { query: { page: "2" } } });
  });

  it("rejects a wrong body field", () => {
    // @ts-expect-error commonName is required
    void ionos.POST("/v1/certificates", { body: { certificateType: "SSL_STARTER" } });
    // @ts-expect-error no such certificate type
    void ionos.POST("/v1/certificates", { body: { certificateType: "SSL_GOLD", commonName: "a.example.test" } });
    // @ts-expect-error unknown body field
    void ionos.POST("/v1/certificates", { body: { certificateType: "SSL_STARTER", commonName: "a.example.test", years: 2 } });
  });

  it("requires the options an IONOS client needs", () => {
    // @ts-expect-error apiKey is required
    createIonosSslClient({});
    // @ts-expect-error baseUrl is a string
    createIonosSslClient({ apiKey: "pub.secret", baseUrl: new URL("https://a.example.test") });
  });

  it("takes per-call network options, and checks their types", () => {
    void ionos.GET("/v1/certificates/quota", { signal: AbortSignal.timeout(1000), timeoutMs: 5000, retry: { maxAttempts: 5 } });
    void ionos.POST("/v1/certificates", { body: { certificateType: "SSL_STARTER", commonName: "a.example.test" }, retry: false });
    // @ts-expect-error timeoutMs is a number
    void ionos.GET("/v1/certificates/quota", { timeoutMs: "5s" });
    // @ts-expect-error retry takes settings or false, not true
    void ionos.GET("/v1/certificates/quota", { retry: true });
    // @ts-expect-error no such retry setting
    createIonosSslClient({ apiKey: "pub.secret", retry: { attempts: 2 } });
  });

  it("exposes the last seen rate limit", () => {
    expectTypeOf(ionos.rateLimit).toEqualTypeOf<RateLimitState | undefined>();
  });
});
