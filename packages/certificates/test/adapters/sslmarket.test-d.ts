import { describe, expectTypeOf, it } from "vitest";
import { sslmarket, SSLMARKET_CAPABILITIES, type SslmarketAdapterOptions } from "../../src/providers/sslmarket/index.js";
import {
  createCertificateClient,
  type CertificateAdapter,
  type CertificateBundle,
  type CertificateOrder,
  type DomainValidation,
  type UnsupportedOperation,
} from "../../src/index.js";

const client = createCertificateClient(sslmarket({ token: "t", baseUrl: "https://sandbox.example.test/sslmarket/api" }));

describe("sslmarket adapter types", () => {
  it("declares its capabilities as literal types", () => {
    expectTypeOf(SSLMARKET_CAPABILITIES.list).toEqualTypeOf<true>();
    expectTypeOf(SSLMARKET_CAPABILITIES.get).toEqualTypeOf<true>();
    expectTypeOf(SSLMARKET_CAPABILITIES.order).toEqualTypeOf<true>();
    expectTypeOf(SSLMARKET_CAPABILITIES.validation).toEqualTypeOf<true>();
    expectTypeOf(SSLMARKET_CAPABILITIES.download).toEqualTypeOf<true>();
    expectTypeOf(SSLMARKET_CAPABILITIES.reissue).toEqualTypeOf<true>();
    expectTypeOf(SSLMARKET_CAPABILITIES.revoke).toEqualTypeOf<true>();
    expectTypeOf(SSLMARKET_CAPABILITIES.confirmValidation).toEqualTypeOf<false>();
    expectTypeOf(SSLMARKET_CAPABILITIES.renew).toEqualTypeOf<false>();
    expectTypeOf(SSLMARKET_CAPABILITIES.cancel).toEqualTypeOf<false>();
    expectTypeOf(SSLMARKET_CAPABILITIES.csr).toEqualTypeOf<"required">();
    expectTypeOf(SSLMARKET_CAPABILITIES.validationMethods).toEqualTypeOf<readonly ["dns", "file", "email"]>();
    expectTypeOf(sslmarket).returns.toEqualTypeOf<CertificateAdapter<typeof SSLMARKET_CAPABILITIES, "sslmarket">>();
  });

  it("makes the operations SSLmarket lacks never on the client", () => {
    expectTypeOf(client.renew).toEqualTypeOf<UnsupportedOperation<"sslmarket", "renew">>();
    expectTypeOf(client.cancel).toEqualTypeOf<UnsupportedOperation<"sslmarket", "cancel">>();
    expectTypeOf(client.confirmValidation).toEqualTypeOf<UnsupportedOperation<"sslmarket", "confirmValidation">>();
    // @ts-expect-error SSLmarket has no renewal call
    void client.renew("100001");
    // @ts-expect-error SSLmarket has no call that cancels an order
    void client.cancel("100001");
    // @ts-expect-error the CA checks the validation on its own
    void client.confirmValidation("100001");
  });

  it("keeps the supported operations callable", () => {
    expectTypeOf(client.get).toBeCallableWith("100001");
    expectTypeOf(client.get).returns.resolves.toEqualTypeOf<CertificateOrder>();
    expectTypeOf(client.list).returns.toEqualTypeOf<AsyncIterable<CertificateOrder>>();
    expectTypeOf(client.order).toBeCallableWith({ commonName: "shop.example.com", csr: "-----BEGIN CERTIFICATE REQUEST-----", product: "rapidssl-rapidssl-dv" });
    expectTypeOf(client.validation).returns.resolves.toEqualTypeOf<DomainValidation[]>();
    expectTypeOf(client.download).returns.resolves.toEqualTypeOf<CertificateBundle>();
    expectTypeOf(client.reissue).toBeCallableWith("100001", { csr: "-----BEGIN CERTIFICATE REQUEST-----" });
    expectTypeOf(client.revoke).toBeCallableWith("100001", { reason: "keyCompromise" });
  });

  it("takes the SSLmarket client's options plus the adapter's own", () => {
    expectTypeOf<SslmarketAdapterOptions>().toHaveProperty("token").toEqualTypeOf<string>();
    expectTypeOf<SslmarketAdapterOptions>().toHaveProperty("fetch");
    expectTypeOf<SslmarketAdapterOptions>().toHaveProperty("contacts");
    expectTypeOf<SslmarketAdapterOptions>().toHaveProperty("defaultProduct").toEqualTypeOf<string | undefined>();
    // @ts-expect-error the token is required
    sslmarket({ baseUrl: "https://sandbox.example.test/sslmarket/api" });
  });
});
