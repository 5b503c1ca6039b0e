import type { InferOutput } from "valibot";
import { describe, expectTypeOf, it } from "vitest";
import type { IonosState } from "../src/providers/ionos-ssl/ionos-ssl-state.js";
import { type ionosStateSchema } from "../src/providers/ionos-ssl/ionos-ssl-state-schema.js";

// A restore checks every field its schema names: the schema must name exactly the fields of the state type, so a
// field added to the state without its check fails here.
describe("the ionos-ssl restore schema", () => {
  it("describes exactly the simulator's state type", () => {
    expectTypeOf<InferOutput<typeof ionosStateSchema>>().toEqualTypeOf<IonosState>();
  });
});
