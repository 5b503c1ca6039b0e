import type { InferOutput } from "valibot";
import { describe, expectTypeOf, it } from "vitest";
import type { DnsimpleState } from "../src/providers/dnsimple/dnsimple-state.js";
import { type dnsimpleStateSchema } from "../src/providers/dnsimple/dnsimple-state-schema.js";

// A restore checks every field its schema names: the schema must name exactly the fields of the state type, so a
// field added to the state without its check fails here.
describe("the dnsimple restore schema", () => {
  it("describes exactly the simulator's state type", () => {
    expectTypeOf<InferOutput<typeof dnsimpleStateSchema>>().toEqualTypeOf<DnsimpleState>();
  });
});
