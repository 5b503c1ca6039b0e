import type * as Ionos from "@certkit/ionos-ssl";
import type * as Resello from "@certkit/resello";
import type * as Sslmarket from "@certkit/sslmarket";
import { describe, expectTypeOf, it } from "vitest";
import type { IonosAuthentication, IonosCertificateType } from "../src/providers/ionos-ssl/ionos-ssl-spec-types.js";
import type { ReselloDcvType, ReselloSpecPlan } from "../src/providers/resello/resello-spec-types.js";
import type { SslmarketDcvMethod, SslmarketProduct, SslmarketProductType } from "../src/providers/sslmarket/sslmarket-spec-types.js";

// The public declarations carry copies of these spec types so that the sandbox installs without the provider
// packages; each copy must stay exactly the generated type.
describe("the spec types the public declarations copy", () => {
  it("equal IONOS SSL's", () => {
    expectTypeOf<IonosCertificateType>().toEqualTypeOf<Ionos.EnrollRequest["certificateType"]>();
    expectTypeOf<IonosAuthentication>().toEqualTypeOf<Required<Ionos.AuthenticationSummary>>();
  });

  it("equal Resello's", () => {
    expectTypeOf<ReselloDcvType>().toEqualTypeOf<Resello.DcvType>();
    expectTypeOf<ReselloSpecPlan>().toEqualTypeOf<Resello.Plan>();
  });

  it("equal SSLmarket's", () => {
    expectTypeOf<SslmarketProductType>().toEqualTypeOf<Sslmarket.ProductType>();
    expectTypeOf<SslmarketDcvMethod>().toEqualTypeOf<Sslmarket.DcvMethod>();
    expectTypeOf<SslmarketProduct>().toEqualTypeOf<Sslmarket.Product>();
  });
});
