import { describe, expectTypeOf, it } from "vitest";
import { dnsimpleV1, DNSIMPLE_V1_CAPABILITIES, type DnsimpleV1AdapterOptions } from "../../src/providers/dnsimple-v1/index.js";
import { createCertificateClient, type CertificateBundle, type CertificateOrder, type DomainValidation, type UnsupportedOperation } from "../../src/index.js";

declare const options: DnsimpleV1AdapterOptions;

describe("dnsimpleV1 client types", () => {
  const client = createCertificateClient(dnsimpleV1(options));

  it("makes what v1 lacks never", () => {
    expectTypeOf(client.confirmValidation).toEqualTypeOf<UnsupportedOperation<"dnsimple-v1", "confirmValidation">>();
    expectTypeOf(client.renew).toEqualTypeOf<UnsupportedOperation<"dnsimple-v1", "renew">>();
    expectTypeOf(client.reissue).toEqualTypeOf<UnsupportedOperation<"dnsimple-v1", "reissue">>();
    expectTypeOf(client.cancel).toEqualTypeOf<UnsupportedOperation<"dnsimple-v1", "cancel">>();
    expectTypeOf(client.revoke).toEqualTypeOf<UnsupportedOperation<"dnsimple-v1", "revoke">>();
    // @ts-expect-error DNSimple v1 cannot revoke
    void client.revoke("example.com/1");
    // @ts-expect-error DNSimple v1 cannot cancel
    void client.cancel("example.com/1");
    // @ts-expect-error DNSimple v1 has no call to confirm a validation
    void client.confirmValidation("example.com/1");
    // @ts-expect-error DNSimple v1 cannot renew
    void client.renew("example.com/1");
    // @ts-expect-error DNSimple v1 cannot reissue
    void client.reissue("example.com/1");
  });

  it("offers what v1 can do", () => {
    expectTypeOf(client.get).toBeCallableWith("example.com/1");
    expectTypeOf(client.get).returns.resolves.toEqualTypeOf<CertificateOrder>();
    expectTypeOf(client.list).returns.toEqualTypeOf<AsyncIterable<CertificateOrder>>();
    expectTypeOf(client.order).toBeCallableWith({ commonName: "www.example.com", validationMethod: "email", approverEmail: "admin@example.com" });
    expectTypeOf(client.validation).returns.resolves.toEqualTypeOf<DomainValidation[]>();
    expectTypeOf(client.download).returns.resolves.toEqualTypeOf<CertificateBundle>();
  });

  it("declares its capabilities as literals", () => {
    expectTypeOf(DNSIMPLE_V1_CAPABILITIES.list).toEqualTypeOf<true>();
    expectTypeOf(DNSIMPLE_V1_CAPABILITIES.get).toEqualTypeOf<true>();
    expectTypeOf(DNSIMPLE_V1_CAPABILITIES.order).toEqualTypeOf<true>();
    expectTypeOf(DNSIMPLE_V1_CAPABILITIES.validation).toEqualTypeOf<true>();
    expectTypeOf(DNSIMPLE_V1_CAPABILITIES.download).toEqualTypeOf<true>();
    expectTypeOf(DNSIMPLE_V1_CAPABILITIES.confirmValidation).toEqualTypeOf<false>();
    expectTypeOf(DNSIMPLE_V1_CAPABILITIES.renew).toEqualTypeOf<false>();
    expectTypeOf(DNSIMPLE_V1_CAPABILITIES.reissue).toEqualTypeOf<false>();
    expectTypeOf(DNSIMPLE_V1_CAPABILITIES.cancel).toEqualTypeOf<false>();
    expectTypeOf(DNSIMPLE_V1_CAPABILITIES.revoke).toEqualTypeOf<false>();
    expectTypeOf(DNSIMPLE_V1_CAPABILITIES.validationMethods).toEqualTypeOf<readonly ["email"]>();
    expectTypeOf(DNSIMPLE_V1_CAPABILITIES.csr).toEqualTypeOf<"optional">();
    expectTypeOf(client.capabilities.revoke).toEqualTypeOf<false>();
    expectTypeOf(client.provider).toEqualTypeOf<"dnsimple-v1">();
  });

  it("takes the client's options plus contactId (required) and domains", () => {
    expectTypeOf<DnsimpleV1AdapterOptions["contactId"]>().toEqualTypeOf<number>();
    expectTypeOf<DnsimpleV1AdapterOptions["domains"]>().toEqualTypeOf<readonly string[] | undefined>();
    // @ts-expect-error contactId is required: every purchase names a contact
    dnsimpleV1({ email: "a@example.com", token: "t" });
  });
});
