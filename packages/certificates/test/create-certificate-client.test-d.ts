import { describe, expectTypeOf, it } from "vitest";
import { createCertificateClient, type CertificateAdapter, type CertificateBundle, type CertificateOrder } from "../src/index.js";

interface ReadOnly {
  readonly list: true;
  readonly get: true;
  readonly order: false;
  readonly validation: false;
  readonly confirmValidation: false;
  readonly download: true;
  readonly renew: false;
  readonly reissue: false;
  readonly cancel: false;
  readonly revoke: false;
  readonly validationMethods: readonly ["dns"];
  readonly csr: "optional";
}

declare const adapter: CertificateAdapter<ReadOnly>;
declare const unknownAdapter: CertificateAdapter;

describe("CertificateClient types", () => {
  it("offers what the adapter's capabilities say, and makes the rest never", () => {
    const client = createCertificateClient(adapter);
    expectTypeOf(client.get).returns.resolves.toEqualTypeOf<CertificateOrder>();
    expectTypeOf(client.download).returns.resolves.toEqualTypeOf<CertificateBundle>();
    expectTypeOf(client.revoke).toBeNever();
    expectTypeOf(client.order).toBeNever();
    // @ts-expect-error the provider cannot revoke
    void client.revoke("order-1");
    expectTypeOf(client.capabilities.revoke).toEqualTypeOf<false>();
  });

  it("offers every operation when the capabilities are only known at run time", () => {
    const client = createCertificateClient(unknownAdapter);
    expectTypeOf(client.revoke).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(client.capabilities.revoke).toEqualTypeOf<boolean>();
  });
});
