import type { InferOutput } from "valibot";
import { describe, expectTypeOf, it } from "vitest";
import type { ZerosslState } from "../src/providers/zerossl/zerossl-state.js";
import { type zerosslStateSchema } from "../src/providers/zerossl/zerossl-state-schema.js";

// A restore checks every field its schema names: the schema must name exactly the fields of the state type, so a
// field added to the state without its check fails here.
describe("the zerossl restore schema", () => {
  it("describes exactly the simulator's state type", () => {
    expectTypeOf<InferOutput<typeof zerosslStateSchema>>().toEqualTypeOf<ZerosslState>();
  });
});
