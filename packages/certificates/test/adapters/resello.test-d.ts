import { describe, expectTypeOf, it } from "vitest";
import { resello, RESELLO_CAPABILITIES, type ReselloAdapterOptions } from "../../src/providers/resello/index.js";
import { createCertificateClient, type CertificateBundle, type CertificateOrder, type DomainValidation, type UnsupportedOperation } from "../../src/index.js";

declare const options: ReselloAdapterOptions;

describe("resello adapter types", () => {
  it("makes revoke never on the client, and the rest callable", () => {
    const client = createCertificateClient(resello(options));
    expectTypeOf(client.revoke).toEqualTypeOf<UnsupportedOperation<"resello", "revoke">>();
    // @ts-expect-error Resello has no revoke call
    void client.revoke("11111111-1111-4111-8111-111111111111");
    expectTypeOf(client.get).returns.resolves.toEqualTypeOf<CertificateOrder>();
    expectTypeOf(client.order).returns.resolves.toEqualTypeOf<CertificateOrder>();
    expectTypeOf(client.validation).returns.resolves.toEqualTypeOf<DomainValidation[]>();
    expectTypeOf(client.confirmValidation).returns.resolves.toEqualTypeOf<CertificateOrder>();
    expectTypeOf(client.download).returns.resolves.toEqualTypeOf<CertificateBundle>();
    expectTypeOf(client.renew).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(client.reissue).returns.resolves.toEqualTypeOf<CertificateOrder>();
    expectTypeOf(client.cancel).returns.resolves.toEqualTypeOf<CertificateOrder>();
    expectTypeOf(client.list).returns.toEqualTypeOf<AsyncIterable<CertificateOrder>>();
  });

  it("declares its capabilities as literal types", () => {
    expectTypeOf(RESELLO_CAPABILITIES.revoke).toEqualTypeOf<false>();
    expectTypeOf(RESELLO_CAPABILITIES.cancel).toEqualTypeOf<true>();
    expectTypeOf(RESELLO_CAPABILITIES.confirmValidation).toEqualTypeOf<true>();
    expectTypeOf(RESELLO_CAPABILITIES.csr).toEqualTypeOf<"required">();
    expectTypeOf(RESELLO_CAPABILITIES.validationMethods).toEqualTypeOf<readonly ["dns", "file", "email"]>();
    expectTypeOf(createCertificateClient(resello(options)).capabilities).toEqualTypeOf<typeof RESELLO_CAPABILITIES>();
  });

  it("takes the client's credentials, one kind at a time, plus the adapter's settings", () => {
    expectTypeOf(resello).toBeCallableWith({ resellerReference: "r", apiKey: "k", plan: "uuid" });
    expectTypeOf(resello).toBeCallableWith({ oidc: { tokenUrl: "https://id.example/token", clientId: "c", clientSecret: "s" } });
    expectTypeOf(resello).toBeCallableWith({ accessToken: "t", orderDetails: { department: "IT" } });
    // @ts-expect-error Basic credentials and a bearer token together
    resello({ resellerReference: "r", apiKey: "k", accessToken: "t" });
    // @ts-expect-error not an order detail Resello takes
    resello({ accessToken: "t", orderDetails: { plan: "uuid" } });
  });
});
