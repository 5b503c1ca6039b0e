import { describe, expectTypeOf, it } from "vitest";
import { DNSIMPLE_CAPABILITIES, dnsimple, type DnsimpleAdapter, type DnsimpleAdapterOptions } from "../../src/providers/dnsimple/index.js";
import { createCertificateClient, type CertificateBundle, type CertificateOrder, type DomainValidation, type UnsupportedOperation } from "../../src/index.js";

const client = createCertificateClient(dnsimple({ token: "a-token", accountId: 1010 }));

describe("dnsimple adapter types", () => {
  it("makes the operations DNSimple lacks never on the client", () => {
    expectTypeOf(client.confirmValidation).toEqualTypeOf<UnsupportedOperation<"dnsimple", "confirmValidation">>();
    expectTypeOf(client.reissue).toEqualTypeOf<UnsupportedOperation<"dnsimple", "reissue">>();
    expectTypeOf(client.cancel).toEqualTypeOf<UnsupportedOperation<"dnsimple", "cancel">>();
    expectTypeOf(client.revoke).toEqualTypeOf<UnsupportedOperation<"dnsimple", "revoke">>();
    // @ts-expect-error DNSimple cannot revoke
    void client.revoke("1010/example.com/1");
    // @ts-expect-error DNSimple cannot reissue
    void client.reissue("1010/example.com/1");
    // @ts-expect-error DNSimple cannot cancel
    void client.cancel("1010/example.com/1");
    // @ts-expect-error DNSimple validates by itself: nothing to confirm
    void client.confirmValidation("1010/example.com/1");
  });

  it("keeps the operations DNSimple has callable", () => {
    expectTypeOf(client.list).returns.toEqualTypeOf<AsyncIterable<CertificateOrder>>();
    expectTypeOf(client.get).returns.toEqualTypeOf<Promise<CertificateOrder>>();
    expectTypeOf(client.order).returns.toEqualTypeOf<Promise<CertificateOrder>>();
    expectTypeOf(client.validation).returns.toEqualTypeOf<Promise<DomainValidation[]>>();
    expectTypeOf(client.download).returns.toEqualTypeOf<Promise<CertificateBundle>>();
    expectTypeOf(client.renew).returns.toEqualTypeOf<Promise<CertificateOrder>>();
    expectTypeOf(client.order).toBeCallableWith({ commonName: "www.example.com", altNames: ["example.com"] });
    expectTypeOf(client.renew).toBeCallableWith("1010/example.com/1");
  });

  it("declares literal capabilities", () => {
    expectTypeOf(DNSIMPLE_CAPABILITIES.list).toEqualTypeOf<true>();
    expectTypeOf(DNSIMPLE_CAPABILITIES.get).toEqualTypeOf<true>();
    expectTypeOf(DNSIMPLE_CAPABILITIES.order).toEqualTypeOf<true>();
    expectTypeOf(DNSIMPLE_CAPABILITIES.validation).toEqualTypeOf<true>();
    expectTypeOf(DNSIMPLE_CAPABILITIES.download).toEqualTypeOf<true>();
    expectTypeOf(DNSIMPLE_CAPABILITIES.renew).toEqualTypeOf<true>();
    expectTypeOf(DNSIMPLE_CAPABILITIES.confirmValidation).toEqualTypeOf<false>();
    expectTypeOf(DNSIMPLE_CAPABILITIES.reissue).toEqualTypeOf<false>();
    expectTypeOf(DNSIMPLE_CAPABILITIES.cancel).toEqualTypeOf<false>();
    expectTypeOf(DNSIMPLE_CAPABILITIES.revoke).toEqualTypeOf<false>();
    expectTypeOf(DNSIMPLE_CAPABILITIES.csr).toEqualTypeOf<"none">();
    expectTypeOf(DNSIMPLE_CAPABILITIES.validationMethods).toEqualTypeOf<readonly ["dns"]>();
    expectTypeOf(client.capabilities).toEqualTypeOf<typeof DNSIMPLE_CAPABILITIES>();
    expectTypeOf(dnsimple).returns.toEqualTypeOf<DnsimpleAdapter>();
  });

  it("takes the client's credentials, not both kinds at once", () => {
    expectTypeOf(dnsimple).toBeCallableWith({ email: "me@example.com", password: "secret", accountId: 1010 });
    expectTypeOf<DnsimpleAdapterOptions>().toHaveProperty("domains");
    // @ts-expect-error a token and an email/password pair at once
    dnsimple({ token: "a-token", email: "me@example.com", password: "secret" });
    // @ts-expect-error the key type is ECDSA or RSA
    dnsimple({ token: "a-token", signatureAlgorithm: "DSA" });
  });
});
