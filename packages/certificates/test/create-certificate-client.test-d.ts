import type { RateLimitState } from "@certkit/runtime";
import { describe, expectTypeOf, it } from "vitest";
import {
  createCertificateClient,
  type CertificateAdapter,
  type CertificateBundle,
  type CertificateOrder,
  type OrderOptions,
  type OrderRecovery,
  type OrderRecoveryOptions,
  type UnsupportedOperation,
} from "../src/index.js";

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

declare const adapter: CertificateAdapter<ReadOnly, "sslmarket">;
declare const unknownAdapter: CertificateAdapter;

describe("CertificateClient types", () => {
  it("offers what the adapter's capabilities say, and types the rest as UnsupportedOperation naming provider and operation", () => {
    const client = createCertificateClient(adapter);
    expectTypeOf(client.provider).toEqualTypeOf<"sslmarket">();
    expectTypeOf(client.get).returns.resolves.toEqualTypeOf<CertificateOrder>();
    expectTypeOf(client.download).returns.resolves.toEqualTypeOf<CertificateBundle>();
    expectTypeOf(client.revoke).toEqualTypeOf<UnsupportedOperation<"sslmarket", "revoke">>();
    expectTypeOf(client.order).toEqualTypeOf<UnsupportedOperation<"sslmarket", "order">>();
    // findOrders goes with order: without one there is nothing to find.
    expectTypeOf(client.findOrders).toEqualTypeOf<UnsupportedOperation<"sslmarket", "order">>();
    expectTypeOf(client.orderRecovery).toEqualTypeOf<UnsupportedOperation<"sslmarket", "order">>();
    expectTypeOf(client.capabilities.revoke).toEqualTypeOf<false>();
    expectTypeOf(client.rateLimit).toEqualTypeOf<RateLimitState | undefined>();
    // @ts-expect-error read-only: what the provider said, not a setting
    client.rateLimit = undefined;
  });

  it("makes an unsupported operation uncallable, and assignable to nothing a program would use", () => {
    const client = createCertificateClient(adapter);
    // @ts-expect-error the provider cannot revoke
    void client.revoke("order-1");
    // @ts-expect-error not a number
    const count: number = client.revoke;
    // @ts-expect-error not a string
    const text: string = client.revoke;
    // @ts-expect-error not a boolean
    const flag: boolean = client.revoke;
    // @ts-expect-error not a function of any kind
    const call: (...args: never[]) => unknown = client.revoke;
    // @ts-expect-error not a promise
    const later: PromiseLike<unknown> = client.revoke;
    // @ts-expect-error not another unsupported operation, of this provider or another
    const other: UnsupportedOperation<"sslmarket", "renew"> = client.revoke;
    // @ts-expect-error nor the same operation of another provider
    const elsewhere: UnsupportedOperation<"ionos-ssl", "revoke"> = client.revoke;
    void [count, text, flag, call, later, other, elsewhere];
  });

  it("offers every operation when the capabilities are only known at run time", () => {
    const client = createCertificateClient(unknownAdapter);
    expectTypeOf(client.revoke).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(client.findOrders).parameter(0).toEqualTypeOf<OrderRecovery>();
    expectTypeOf(client.findOrders).returns.resolves.toEqualTypeOf<CertificateOrder[]>();
    // The recovery an order will be sent with, given back to order() so the two agree.
    expectTypeOf(client.orderRecovery).returns.resolves.toEqualTypeOf<OrderRecovery>();
    expectTypeOf(client.orderRecovery).parameter(1).toEqualTypeOf<OrderRecoveryOptions | undefined>();
    expectTypeOf<OrderRecoveryOptions["sentAt"]>().toEqualTypeOf<Date | undefined>();
    expectTypeOf(client.order).parameter(1).toEqualTypeOf<OrderOptions | undefined>();
    expectTypeOf<OrderOptions["recovery"]>().toEqualTypeOf<OrderRecovery | undefined>();
    expectTypeOf(client.capabilities.revoke).toEqualTypeOf<boolean>();
  });
});
