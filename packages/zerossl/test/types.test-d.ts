import { describe, expectTypeOf, it } from "vitest";
import type {
  ApiError,
  Certificate,
  CertificateBundle,
  CertificateStatus,
  CertificateStatusValue,
  components,
  CreateCertificateRequest,
  DomainValidationResult,
  ErrorResponse,
  operations,
  paths,
  RevocationReason,
  SuccessResponse,
  ValidationCheck,
  VerifyDomainsRequest,
} from "../src/index.js";

/** The JSON body of an operation's `200` answer. */
type Ok<K extends keyof operations> = operations[K]["responses"][200]["content"]["application/json"];

describe("ZeroSSL generated types", () => {
  it("has one path per documented operation", () => {
    expectTypeOf<keyof paths>().toEqualTypeOf<
      | "/certificates"
      | "/certificates/{id}"
      | "/certificates/{id}/challenges"
      | "/certificates/{id}/status"
      | "/certificates/{id}/challenges/email"
      | "/certificates/{id}/download"
      | "/certificates/{id}/download/json"
      | "/certificates/{id}/download/return"
      | "/certificates/{id}/download/pem"
      | "/certificates/{id}/cancel"
      | "/certificates/{id}/revoke"
      | "/validation/csr"
      | "/ca_certificates"
      | "/ca_certificates/{identifier}"
    >();
  });

  it("types every 200 JSON answer as the result or ZeroSSL's error body", () => {
    expectTypeOf<Ok<"createCertificate">>().toEqualTypeOf<Certificate | ErrorResponse>();
    expectTypeOf<Ok<"getCertificate">>().toEqualTypeOf<Certificate | ErrorResponse>();
    expectTypeOf<Ok<"verifyDomains">>().toEqualTypeOf<Certificate | ErrorResponse>();
    expectTypeOf<Ok<"cancelCertificate">>().toEqualTypeOf<SuccessResponse | ErrorResponse>();
    expectTypeOf<Ok<"revokeCertificate">>().toEqualTypeOf<SuccessResponse | ErrorResponse>();
    expectTypeOf<Ok<"downloadCertificateJson">>().toEqualTypeOf<CertificateBundle | ErrorResponse>();
  });

  it("lets `success` tell an error from a result", () => {
    const read = (body: Ok<"getCertificate">): string => {
      if ("success" in body) {
        expectTypeOf(body).toEqualTypeOf<ErrorResponse>();
        expectTypeOf(body.error).toEqualTypeOf<ApiError>();
        return body.error.type;
      }
      expectTypeOf(body).toEqualTypeOf<Certificate>();
      return body.status;
    };
    expectTypeOf(read).returns.toBeString();
    expectTypeOf<ErrorResponse["success"]>().toEqualTypeOf<false | 0>();
    expectTypeOf<SuccessResponse["success"]>().toEqualTypeOf<1 | true>();
  });

  it("offers a downloaded file or a JSON error under the same 200", () => {
    type Zip = operations["downloadCertificateZip"]["responses"][200]["content"];
    expectTypeOf<Zip["application/zip"]>().toEqualTypeOf<string>();
    expectTypeOf<Zip["application/json"]>().toEqualTypeOf<ErrorResponse>();
    type Pem = operations["downloadCertificatePem"]["responses"][200]["content"];
    expectTypeOf<Pem["text/plain"]>().toEqualTypeOf<string>();
    expectTypeOf<Pem["application/json"]>().toEqualTypeOf<ErrorResponse>();
  });

  it("keeps statuses open: the documented ones are named, any other string is accepted", () => {
    expectTypeOf<CertificateStatus>().toEqualTypeOf<
      "draft" | "pending_validation" | "issued" | "cancelled" | "revoked" | "expired" | "expiring_soon"
    >();
    expectTypeOf<"deleted">().toExtend<CertificateStatusValue>();
    expectTypeOf<Certificate["status"]>().toEqualTypeOf<CertificateStatusValue>();
  });

  it("types the request bodies from the documented parameters", () => {
    const body: CreateCertificateRequest = {
      certificate_domains: "example.com",
      certificate_csr: "-----BEGIN CERTIFICATE REQUEST-----",
    };
    expectTypeOf(body.certificate_validity_days).toEqualTypeOf<90 | 365 | undefined>();
    // @ts-expect-error only 90 and 365 are accepted
    const oneEighty: CreateCertificateRequest = { ...body, certificate_validity_days: 180 };
    // @ts-expect-error the CSR is required
    const noCsr: CreateCertificateRequest = { certificate_domains: "example.com" };
    // @ts-expect-error DNS is not a ZeroSSL validation method (CNAME_CSR_HASH is)
    const dns: VerifyDomainsRequest = { validation_method: "DNS" };
    // @ts-expect-error the documented spelling is Unspecified
    const reason: RevocationReason = "unspecified";
    void [oneEighty, noCsr, dns, reason];
    type CreateContent = NonNullable<operations["createCertificate"]["requestBody"]>["content"];
    expectTypeOf<keyof CreateContent>().toEqualTypeOf<"application/json" | "application/x-www-form-urlencoded">();
  });

  it("reads a failed domain check next to a passed one", () => {
    expectTypeOf<DomainValidationResult["validation_successful"]>().toExtend<boolean | undefined>();
    expectTypeOf<ValidationCheck>().toEqualTypeOf<
      components["schemas"]["CnameCheck"] | components["schemas"]["FileCheck"]
    >();
    const check = (result: DomainValidationResult, key: string) => result[key];
    expectTypeOf(check).returns.toEqualTypeOf<ValidationCheck | boolean | undefined>();
  });
});
