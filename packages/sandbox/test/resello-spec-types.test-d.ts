import type * as Resello from "@certkit/resello";
import { describe, expectTypeOf, it } from "vitest";
import type { ReselloDcvType, ReselloSpecPlan } from "../src/providers/resello/resello-spec-types.js";

// The public declarations carry copies of these spec types so that the sandbox installs without the provider
// packages; each copy must stay exactly the generated type.
describe("the Resello spec types the public declarations copy", () => {
  it("equal Resello's", () => {
    expectTypeOf<ReselloDcvType>().toEqualTypeOf<Resello.DcvType>();
    expectTypeOf<ReselloSpecPlan>().toEqualTypeOf<Resello.Plan>();
  });
});
