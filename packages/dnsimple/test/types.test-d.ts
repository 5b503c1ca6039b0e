import { describe, expectTypeOf, it } from "vitest";
import {
  createDnsimpleClient,
  parseDnsimpleWebhook,
  type Certificate,
  type CertificateBundle,
  type CertificateIssueEvent,
  type CertificatePurchase,
  type CertificateRenewal,
  type CertificateState,
  type CertificateWebhookEvent,
  type CertkitError,
  type components,
  type DnsimpleCertificateEvent,
  type DnsimpleClientOptions,
  type DnsimpleUnknownEvent,
  type DnsimpleWebhookEvent,
  type ErrorResponse,
  type HttpError,
  type LetsencryptPurchaseRequest,
  type Pagination,
  type paths,
  type RateLimitState,
  type ValidationErrorResponse,
  type WebhookActor,
  type Whoami,
} from "../src/index.js";

const dnsimple = createDnsimpleClient({ token: "token-value" });
const certificatePath = { account: 1010, domain: "example.com", certificate: 300001 };

describe("DNSimple client types", () => {
  it("exports the generated types and named schema aliases", () => {
    expectTypeOf<Certificate>().toEqualTypeOf<components["schemas"]["Certificate"]>();
    expectTypeOf<CertificatePurchase>().toEqualTypeOf<components["schemas"]["CertificatePurchase"]>();
    expectTypeOf<CertificateRenewal>().toEqualTypeOf<components["schemas"]["CertificateRenewal"]>();
    expectTypeOf<Whoami>().toEqualTypeOf<components["schemas"]["Whoami"]>();
    expectTypeOf<CertificateState>().toEqualTypeOf<
      "new" | "purchased" | "configured" | "submitted" | "issued" | "rejected" | "refunded" | "cancelled" | "requesting" | "failed"
    >();
    expectTypeOf<Certificate["csr"]>().toEqualTypeOf<string | null>();
    expectTypeOf<CertificateBundle["root"]>().toEqualTypeOf<string | null>();
    expectTypeOf<WebhookActor["id"]>().toEqualTypeOf<string>();
    expectTypeOf<keyof paths>().toEqualTypeOf<
      | "/whoami"
      | "/{account}/domains"
      | "/{account}/domains/{domain}/certificates"
      | "/{account}/domains/{domain}/certificates/{certificate}"
      | "/{account}/domains/{domain}/certificates/{certificate}/download"
      | "/{account}/domains/{domain}/certificates/{certificate}/private_key"
      | "/{account}/domains/{domain}/certificates/letsencrypt"
      | "/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue"
      | "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals"
      | "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals/{renewalId}/issue"
      | "/{account}/webhooks"
      | "/{account}/webhooks/{webhook}"
    >();
  });

  it("lets every field of a purchase be left out", () => {
    expectTypeOf<Record<never, never>>().toExtend<LetsencryptPurchaseRequest>();
    expectTypeOf<keyof LetsencryptPurchaseRequest>().toEqualTypeOf<
      "name" | "alternate_names" | "auto_renew" | "signature_algorithm" | "contact_id"
    >();
  });

  it("types data by path and narrows it once error is checked", async () => {
    const { data, error } = await dnsimple.GET("/{account}/domains/{domain}/certificates", {
      params: { path: { account: 1010, domain: "example.com" } },
    });
    expectTypeOf(data).toEqualTypeOf<{ data: Certificate[]; pagination: Pagination } | undefined>();
    if (error) {
      expectTypeOf(error).toExtend<CertkitError>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expectTypeOf(error.body).toExtend<ValidationErrorResponse | ErrorResponse | string | undefined>();
      return;
    }
    expectTypeOf(data.pagination).toEqualTypeOf<Pagination>();
  });

  it("types the error body of each operation from the spec", async () => {
    const { error } = await dnsimple.GET("/whoami");
    expectTypeOf(error).toExtend<HttpError<ErrorResponse | string> | undefined>();
    // @ts-expect-error a body of another operation's type is not whoami's error body
    expectTypeOf(error).toExtend<HttpError<Certificate> | undefined>();
  });

  it("rejects an unnarrowed data", async () => {
    const { data } = await dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}", {
      params: { path: certificatePath },
    });
    // @ts-expect-error data may be undefined until error is checked
    void data.data.state;
  });

  it("rejects a path or method the spec does not have", () => {
    // @ts-expect-error no such path
    void dnsimple.GET("/{account}/certificates");
    // @ts-expect-error certificates are not deleted through this API
    void dnsimple.DELETE("/{account}/domains/{domain}/certificates/{certificate}", { params: { path: certificatePath } });
  });

  it("rejects a missing or wrong path parameter", () => {
    // @ts-expect-error params.path is required
    void dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}");
    // @ts-expect-error the account id is a number
    void dnsimple.GET("/{account}/domains", { params: { path: { account: "1010" } } });
    // @ts-expect-error the certificate id is required
    void dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}", { params: { path: { account: 1, domain: "a" } } });
    // @ts-expect-error the purchase id is a number
    void dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue", { params: { path: { account: 1, domain: "a", purchaseId: "1" } } });
  });

  it("rejects a wrong query parameter", () => {
    const path = { account: 1010, domain: "example.com" };
    // @ts-expect-error no such sort order
    void dnsimple.GET("/{account}/domains/{domain}/certificates", { params: { path, query: { sort: "name:asc" } } });
    // @ts-expect-error page is a number
    void dnsimple.GET("/{account}/domains/{domain}/certificates", { params: { path, query: { page: "2" } } });
    // @ts-expect-error the certificate list has no filter parameter
    void dnsimple.GET("/{account}/domains/{domain}/certificates", { params: { path, query: { state: "issued" } } });
  });

  it("rejects a wrong body field", () => {
    const path = { account: 1010, domain: "example.com" };
    void dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt", { params: { path }, body: {} });
    // @ts-expect-error no such signature algorithm
    void dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt", { params: { path }, body: { signature_algorithm: "DSA" } });
    // @ts-expect-error alternate_names is a list
    void dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt", { params: { path }, body: { alternate_names: "a.example.com" } });
    // @ts-expect-error url is required
    void dnsimple.POST("/{account}/webhooks", { params: { path: { account: 1 } }, body: {} });
    // @ts-expect-error auto_renew is a boolean
    void dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals", { params: { path: certificatePath }, body: { auto_renew: "yes" } });
    // @ts-expect-error the issue operations take no body
    void dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue", { params: { path: { ...path, purchaseId: 1 } }, body: {} });
  });

  it("takes the one-time code header on any call, as a string", () => {
    void dnsimple.GET("/whoami", { params: { header: { "X-Dnsimple-OTP": "123456" } } });
    // @ts-expect-error the code is a string
    void dnsimple.GET("/whoami", { params: { header: { "X-Dnsimple-OTP": 123456 } } });
  });

  it("takes a token or an email with a password, not both and not half", () => {
    createDnsimpleClient({ token: "t" });
    createDnsimpleClient({ email: "jane@example.com", password: "pw", otp: "123456" });
    expectTypeOf<{ token: string }>().toExtend<DnsimpleClientOptions>();
    expectTypeOf<{ email: string; password: string }>().toExtend<DnsimpleClientOptions>();
    // @ts-expect-error credentials are required
    createDnsimpleClient({});
    // @ts-expect-error a token and an email/password pair exclude each other
    createDnsimpleClient({ token: "t", email: "jane@example.com", password: "pw" });
    // @ts-expect-error an email needs its password
    createDnsimpleClient({ email: "jane@example.com" });
    // @ts-expect-error a password needs its email
    createDnsimpleClient({ password: "pw" });
    // @ts-expect-error baseUrl is a string
    createDnsimpleClient({ token: "t", baseUrl: new URL("https://a.example.test") });
    // @ts-expect-error otp is a string
    createDnsimpleClient({ token: "t", otp: 123456 });
  });

  it("takes per-call network options, and checks their types", () => {
    void dnsimple.GET("/whoami", { signal: AbortSignal.timeout(1000), timeoutMs: 5000, retry: { maxAttempts: 5 } });
    // @ts-expect-error timeoutMs is a number
    void dnsimple.GET("/whoami", { timeoutMs: "5s" });
    // @ts-expect-error retry takes settings or false, not true
    void dnsimple.GET("/whoami", { retry: true });
  });

  it("exposes the last seen rate limit", () => {
    expectTypeOf(dnsimple.rateLimit).toEqualTypeOf<RateLimitState | undefined>();
  });
});

describe("webhook event types", () => {
  it("returns the certificate events of the spec or an unknown event", () => {
    expectTypeOf(parseDnsimpleWebhook).returns.toEqualTypeOf<DnsimpleWebhookEvent>();
    expectTypeOf<DnsimpleWebhookEvent>().toEqualTypeOf<DnsimpleCertificateEvent | DnsimpleUnknownEvent>();
    expectTypeOf<DnsimpleCertificateEvent>().toExtend<CertificateWebhookEvent>();
    expectTypeOf<DnsimpleUnknownEvent["data"]>().toEqualTypeOf<unknown>();
    expectTypeOf<DnsimpleUnknownEvent["name"]>().toEqualTypeOf<string>();
  });

  it("narrows to one event on name once known is checked", () => {
    const event = parseDnsimpleWebhook("{}");
    if (event.known) {
      expectTypeOf(event.name).toEqualTypeOf<CertificateWebhookEvent["name"]>();
      if (event.name === "certificate.issue") {
        expectTypeOf(event).toExtend<CertificateIssueEvent>();
        expectTypeOf(event.data.certificate).toEqualTypeOf<Certificate>();
      }
    } else {
      expectTypeOf(event).toEqualTypeOf<DnsimpleUnknownEvent>();
      // @ts-expect-error an unknown event's data must be checked before use
      void event.data.certificate;
    }
  });

  it("does not let a handler use data.certificate before ruling out unknown events", () => {
    const event = parseDnsimpleWebhook("{}");
    if (event.name === "certificate.issue") {
      // @ts-expect-error an event of another name could still be an unknown one
      void event.data.certificate.id;
    }
  });

  it("checks a switch over certificate event names for exhaustiveness", () => {
    const event = parseDnsimpleWebhook("{}");
    if (!event.known) return;
    switch (event.name) {
      case "certificate.issue":
      case "certificate.reissue":
      case "certificate.remove_private_key":
      case "certificate.auto_renewal_enable":
      case "certificate.auto_renewal_disable":
      case "certificate.auto_renewal_failed":
        return;
      default:
        expectTypeOf(event).toBeNever();
    }
  });
});
