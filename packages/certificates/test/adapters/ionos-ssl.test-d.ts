import { describe, expectTypeOf, it } from "vitest";
import { ionosSsl, IONOS_SSL_CAPABILITIES, type IonosSslAdapterOptions } from "../../src/providers/ionos-ssl/index.js";
import {
  createCertificateClient,
  type CertificateAdapter,
  type CertificateBundle,
  type CertificateOrder,
  type DomainValidation,
  type OrderRequest,
  type UnsupportedOperation,
} from "../../src/index.js";

declare const options: IonosSslAdapterOptions;

describe("ionos adapter types", () => {
  it("has literal capabilities", () => {
    expectTypeOf(IONOS_SSL_CAPABILITIES.list).toEqualTypeOf<true>();
    expectTypeOf(IONOS_SSL_CAPABILITIES.confirmValidation).toEqualTypeOf<true>();
    expectTypeOf(IONOS_SSL_CAPABILITIES.cancel).toEqualTypeOf<true>();
    expectTypeOf(IONOS_SSL_CAPABILITIES.renew).toEqualTypeOf<false>();
    expectTypeOf(IONOS_SSL_CAPABILITIES.reissue).toEqualTypeOf<false>();
    expectTypeOf(IONOS_SSL_CAPABILITIES.revoke).toEqualTypeOf<false>();
    expectTypeOf(IONOS_SSL_CAPABILITIES.csr).toEqualTypeOf<"optional">();
    expectTypeOf(IONOS_SSL_CAPABILITIES.validationMethods).toEqualTypeOf<readonly ["dns", "file", "email"]>();
    expectTypeOf(ionosSsl(options)).toEqualTypeOf<CertificateAdapter<typeof IONOS_SSL_CAPABILITIES, "ionos-ssl">>();
  });

  it("makes renew, reissue and revoke never on the client, and the rest callable", () => {
    const client = createCertificateClient(ionosSsl(options));
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
    expectTypeOf<IonosSslAdapterOptions>().toHaveProperty("apiKey").toEqualTypeOf<string>();
    expectTypeOf<IonosSslAdapterOptions["defaultProduct"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<IonosSslAdapterOptions["pageSize"]>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error the API key is required
    ionosSsl({ baseUrl: "https://sandbox.example.test/ionos-ssl" });
  });
});
