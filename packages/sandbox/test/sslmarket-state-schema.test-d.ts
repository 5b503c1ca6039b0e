import type { InferOutput } from "valibot";
import { describe, expectTypeOf, it } from "vitest";
import type { SslmarketState } from "../src/providers/sslmarket/sslmarket-state.js";
import { type sslmarketStateSchema } from "../src/providers/sslmarket/sslmarket-state-schema.js";

// A restore checks every field its schema names: the schema must name exactly the fields of the state type, so a
// field added to the state without its check fails here.
describe("the sslmarket restore schema", () => {
  it("describes exactly the simulator's state type", () => {
    expectTypeOf<InferOutput<typeof sslmarketStateSchema>>().toEqualTypeOf<SslmarketState>();
  });
});
