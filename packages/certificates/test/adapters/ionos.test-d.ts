import { describe, expectTypeOf, it } from "vitest";
import { ionos, IONOS_CAPABILITIES, type IonosAdapterOptions } from "../../src/adapters/ionos/index.js";
import {
  createCertificateClient,
  type CertificateAdapter,
  type CertificateBundle,
  type CertificateOrder,
  type DomainValidation,
  type OrderRequest,
  type UnsupportedOperation,
} from "../../src/index.js";

declare const options: IonosAdapterOptions;

describe("ionos adapter types", () => {
  it("has literal capabilities", () => {
    expectTypeOf(IONOS_CAPABILITIES.list).toEqualTypeOf<true>();
    expectTypeOf(IONOS_CAPABILITIES.confirmValidation).toEqualTypeOf<true>();
    expectTypeOf(IONOS_CAPABILITIES.cancel).toEqualTypeOf<true>();
    expectTypeOf(IONOS_CAPABILITIES.renew).toEqualTypeOf<false>();
    expectTypeOf(IONOS_CAPABILITIES.reissue).toEqualTypeOf<false>();
    expectTypeOf(IONOS_CAPABILITIES.revoke).toEqualTypeOf<false>();
    expectTypeOf(IONOS_CAPABILITIES.csr).toEqualTypeOf<"optional">();
    expectTypeOf(IONOS_CAPABILITIES.validationMethods).toEqualTypeOf<readonly ["dns", "file", "email"]>();
    expectTypeOf(ionos(options)).toEqualTypeOf<CertificateAdapter<typeof IONOS_CAPABILITIES, "ionos-ssl">>();
  });

  it("makes renew, reissue and revoke never on the client, and the rest callable", () => {
    const client = createCertificateClient(ionos(options));
    expectTypeOf(client.renew).toEqualTypeOf<UnsupportedOperation<"ionos-ssl", "renew">>();
    expectTypeOf(client.reissue).toEqualTypeOf<UnsupportedOperation<"ionos-ssl", "reissue">>();
    expectTypeOf(client.revoke).toEqualTypeOf<UnsupportedOperation<"ionos-ssl", "revoke">>();
    // @ts-expect-error IONOS cannot revoke
    void client.revoke("id");
    // @ts-expect-error IONOS cannot renew
    void client.renew("id");
    // @ts-expect-error IONOS cannot reissue
    void client.reissue("id", { csr: "" });

    expectTypeOf(client.list).returns.toEqualTypeOf<AsyncIterable<CertificateOrder>>();
    expectTypeOf(client.get).returns.resolves.toEqualTypeOf<CertificateOrder>();
    expectTypeOf(client.order).parameter(0).toEqualTypeOf<OrderRequest>();
    expectTypeOf(client.order).returns.resolves.toEqualTypeOf<CertificateOrder>();
    expectTypeOf(client.validation).returns.resolves.toEqualTypeOf<DomainValidation[]>();
    expectTypeOf(client.confirmValidation).returns.resolves.toEqualTypeOf<CertificateOrder>();
    expectTypeOf(client.download).returns.resolves.toEqualTypeOf<CertificateBundle>();
    expectTypeOf(client.cancel).returns.resolves.toEqualTypeOf<CertificateOrder>();
  });

  it("takes the IONOS client's options plus the adapter's", () => {
    expectTypeOf<IonosAdapterOptions>().toHaveProperty("apiKey").toEqualTypeOf<string>();
    expectTypeOf<IonosAdapterOptions["defaultProduct"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<IonosAdapterOptions["pageSize"]>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error the API key is required
    ionos({ baseUrl: "https://sandbox.example.test/ionos-ssl" });
  });
});
