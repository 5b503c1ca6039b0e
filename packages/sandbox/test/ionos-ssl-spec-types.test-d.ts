import type * as Ionos from "@certkit/ionos-ssl";
import { describe, expectTypeOf, it } from "vitest";
import type { IonosAuthentication, IonosCertificateType } from "../src/providers/ionos-ssl/ionos-ssl-spec-types.js";

// The public declarations carry copies of these spec types so that the sandbox installs without the provider
// packages; each copy must stay exactly the generated type.
describe("the IONOS SSL spec types the public declarations copy", () => {
  it("equal IONOS SSL's", () => {
    expectTypeOf<IonosCertificateType>().toEqualTypeOf<Ionos.EnrollRequest["certificateType"]>();
    expectTypeOf<IonosAuthentication>().toEqualTypeOf<Required<Ionos.AuthenticationSummary>>();
  });
});
