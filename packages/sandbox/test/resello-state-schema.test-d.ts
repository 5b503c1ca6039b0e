import type { InferOutput } from "valibot";
import { describe, expectTypeOf, it } from "vitest";
import type { ReselloState } from "../src/providers/resello/resello-state.js";
import { type reselloStateSchema } from "../src/providers/resello/resello-state-schema.js";

// A restore checks every field its schema names: the schema must name exactly the fields of the state type, so a
// field added to the state without its check fails here.
describe("the resello restore schema", () => {
  it("describes exactly the simulator's state type", () => {
    expectTypeOf<InferOutput<typeof reselloStateSchema>>().toEqualTypeOf<ReselloState>();
  });
});
