import type * as Sslmarket from "@certkit/sslmarket";
import { describe, expectTypeOf, it } from "vitest";
import type { SslmarketDcvMethod, SslmarketProduct, SslmarketProductType } from "../src/providers/sslmarket/sslmarket-spec-types.js";

// The public declarations carry copies of these spec types so that the sandbox installs without the provider
// packages; each copy must stay exactly the generated type.
describe("the SSLmarket spec types the public declarations copy", () => {
  it("equal SSLmarket's", () => {
    expectTypeOf<SslmarketProductType>().toEqualTypeOf<Sslmarket.ProductType>();
    expectTypeOf<SslmarketDcvMethod>().toEqualTypeOf<Sslmarket.DcvMethod>();
    expectTypeOf<SslmarketProduct>().toEqualTypeOf<Sslmarket.Product>();
  });
});
