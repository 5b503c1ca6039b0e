import { describe, expectTypeOf, it } from "vitest";
import {
  createDnsimpleV1Client,
  encodeFormBody,
  type ApiError,
  type Certificate,
  type CertificateEnvelope,
  type CertificateList,
  type CertificatePurchaseRequest,
  type CertificateState,
  type CertificateSubmitRequest,
  type CertkitError,
  type components,
  type DnsimpleV1ClientOptions,
  type DomainList,
  type ErrorMessage,
  type HttpError,
  type LegacyError,
  type operations,
  type paths,
  type RateLimitState,
  type ValidationErrors,
} from "../src/index.js";

const dnsimple = createDnsimpleV1Client({ email: "admin@example.test", token: "t0ken" });
const path = { domain: "example.test", id: 104 };

describe("DNSimple v1 client types", () => {
  it("exports the generated types and named schema aliases", () => {
    expectTypeOf<Certificate>().toEqualTypeOf<components["schemas"]["Certificate"]>();
    expectTypeOf<CertificateEnvelope>().toEqualTypeOf<{ certificate: Certificate }>();
    expectTypeOf<CertificateList>().toEqualTypeOf<CertificateEnvelope[]>();
    expectTypeOf<CertificatePurchaseRequest["certificate"]>().toEqualTypeOf<{ name: string; contact_id: number; csr?: string }>();
    expectTypeOf<CertificateSubmitRequest>().toEqualTypeOf<{ certificate: { approver_email: string } }>();
    expectTypeOf<CertificateState>().toEqualTypeOf<"purchased" | "configured" | "submitted" | "issued" | "cancelled">();
    expectTypeOf<ApiError>().toEqualTypeOf<ErrorMessage | LegacyError | ValidationErrors>();
    expectTypeOf<keyof paths>().toEqualTypeOf<
      | "/domains"
      | "/domains/{domain}/certificates"
      | "/domains/{domain}/certificates/{id}"
      | "/domains/{domain}/certificates/{id}/configure"
      | "/domains/{domain}/certificates/{id}/submit"
    >();
    expectTypeOf<keyof operations>().toEqualTypeOf<
      "listDomains" | "listCertificates" | "purchaseCertificate" | "getCertificate" | "configureCertificate" | "submitCertificate"
    >();
  });

  it("types the deprecated fields as the seed showed them, beside their successors", () => {
    expectTypeOf<Certificate["certificate_status"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Certificate["available_approver_emails"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Certificate["approver_emails"]>().toEqualTypeOf<string[] | null | undefined>();
    // `state` names the documented states and still takes any other string.
    expectTypeOf<"issued">().toExtend<NonNullable<Certificate["state"]>>();
    expectTypeOf<"rejected">().toExtend<NonNullable<Certificate["state"]>>();
  });

  it("types list and get answers as wrapped items, narrowed once error is checked", async () => {
    const list = await dnsimple.GET("/domains/{domain}/certificates", { params: { path: { domain: "example.test" } } });
    expectTypeOf(list.data).toEqualTypeOf<CertificateList | undefined>();
    if (!list.error) expectTypeOf(list.data[0]!.certificate).toEqualTypeOf<Certificate>();

    const one = await dnsimple.GET("/domains/{domain}/certificates/{id}", { params: { path } });
    if (one.error) {
      expectTypeOf(one.error).toExtend<CertkitError>();
      expectTypeOf(one.error.status).toEqualTypeOf<number>();
      expectTypeOf(one.error.body).toExtend<ApiError | string | undefined>();
      expectTypeOf<ApiError | string | undefined>().toExtend<typeof one.error.body>();
      return;
    }
    expectTypeOf(one.data).toEqualTypeOf<CertificateEnvelope>();

    const domains = await dnsimple.GET("/domains");
    expectTypeOf(domains.data).toEqualTypeOf<DomainList | undefined>();
  });

  it("types purchase's 200 and 201 alike", async () => {
    const { data, error } = await dnsimple.POST("/domains/{domain}/certificates", {
      params: { path: { domain: 2001 } },
      body: { certificate: { name: "*", contact_id: 1001 } },
    });
    expectTypeOf(error).toExtend<HttpError<ApiError> | undefined>();
    if (!error) expectTypeOf(data).toEqualTypeOf<CertificateEnvelope>();
  });

  it("rejects an unnarrowed data", async () => {
    const { data } = await dnsimple.GET("/domains/{domain}/certificates/{id}", { params: { path } });
    // @ts-expect-error data may be undefined until error is checked
    void data.certificate;
  });

  it("rejects a path or method the spec does not have", () => {
    // @ts-expect-error no such path: v1 has no certificate list outside a domain
    void dnsimple.GET("/certificates");
    // @ts-expect-error configure is a PUT
    void dnsimple.POST("/domains/{domain}/certificates/{id}/configure", { params: { path } });
    // @ts-expect-error v1 has no delete of a certificate
    void dnsimple.DELETE("/domains/{domain}/certificates/{id}", { params: { path } });
  });

  it("rejects missing or wrong path parameters", () => {
    // @ts-expect-error params.path is required
    void dnsimple.GET("/domains/{domain}/certificates");
    // @ts-expect-error the certificate id is required
    void dnsimple.GET("/domains/{domain}/certificates/{id}", { params: { path: { domain: "example.test" } } });
    // @ts-expect-error the certificate id is a number
    void dnsimple.GET("/domains/{domain}/certificates/{id}", { params: { path: { domain: "example.test", id: "104" } } });
    // @ts-expect-error the domain is a name or an id, not a boolean
    void dnsimple.GET("/domains/{domain}/certificates", { params: { path: { domain: true } } });
    // @ts-expect-error no operation takes a query
    void dnsimple.GET("/domains", { params: { query: { page: 2 } } });
  });

  it("rejects a body that is not wrapped in certificate, or has wrong fields", () => {
    // @ts-expect-error the attributes must be wrapped: {certificate: {...}}
    void dnsimple.POST("/domains/{domain}/certificates", { params: { path: { domain: "example.test" } }, body: { name: "www", contact_id: 1 } });
    // @ts-expect-error contact_id is required
    void dnsimple.POST("/domains/{domain}/certificates", { params: { path: { domain: "example.test" } }, body: { certificate: { name: "www" } } });
    // @ts-expect-error contact_id is a number
    void dnsimple.POST("/domains/{domain}/certificates", { params: { path: { domain: "example.test" } }, body: { certificate: { name: "www", contact_id: "1001" } } });
    // @ts-expect-error the purchase body is required
    void dnsimple.POST("/domains/{domain}/certificates", { params: { path: { domain: "example.test" } } });
    // @ts-expect-error submit takes approver_email, not approver_emails
    void dnsimple.PUT("/domains/{domain}/certificates/{id}/submit", { params: { path }, body: { certificate: { approver_emails: ["a@example.test"] } } });
  });

  it("takes encodeFormBody as a bodySerializer of a certificate body", () => {
    void dnsimple.PUT("/domains/{domain}/certificates/{id}/submit", {
      params: { path },
      body: { certificate: { approver_email: "admin@example.test" } },
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      bodySerializer: encodeFormBody,
    });
    expectTypeOf(encodeFormBody).returns.toEqualTypeOf<string>();
  });

  it("requires the options a v1 client needs", () => {
    expectTypeOf<DnsimpleV1ClientOptions["email"]>().toEqualTypeOf<string>();
    expectTypeOf<DnsimpleV1ClientOptions["token"]>().toEqualTypeOf<string>();
    // @ts-expect-error email and token are required
    createDnsimpleV1Client({});
    // @ts-expect-error the token is required beside the email
    createDnsimpleV1Client({ email: "admin@example.test" });
    // @ts-expect-error v1 takes email and token, not an apiKey
    createDnsimpleV1Client({ apiKey: "t0ken" });
    // @ts-expect-error baseUrl is a string
    createDnsimpleV1Client({ email: "admin@example.test", token: "t0ken", baseUrl: new URL("https://a.example.test") });
  });

  it("takes per-call network options, and checks their types", () => {
    void dnsimple.GET("/domains", { signal: AbortSignal.timeout(1000), timeoutMs: 5000, retry: { maxAttempts: 5 } });
    void dnsimple.PUT("/domains/{domain}/certificates/{id}/configure", { params: { path }, retry: false });
    // @ts-expect-error timeoutMs is a number
    void dnsimple.GET("/domains", { timeoutMs: "5s" });
    // @ts-expect-error retry takes settings or false, not true
    void dnsimple.GET("/domains", { retry: true });
    // @ts-expect-error no such retry setting
    createDnsimpleV1Client({ email: "admin@example.test", token: "t0ken", retry: { attempts: 2 } });
  });

  it("exposes the last seen rate limit", () => {
    expectTypeOf(dnsimple.rateLimit).toEqualTypeOf<RateLimitState | undefined>();
  });
});
