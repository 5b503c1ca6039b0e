import type { InferOutput } from "valibot";
import { describe, expectTypeOf, it } from "vitest";
import type { DnsimpleV1State } from "../src/providers/dnsimple-v1/dnsimple-v1-state.js";
import { type dnsimpleV1StateSchema } from "../src/providers/dnsimple-v1/dnsimple-v1-state-schema.js";

// A restore checks every field its schema names: the schema must name exactly the fields of the state type, so a
// field added to the state without its check fails here.
describe("the dnsimple-v1 restore schema", () => {
  it("describes exactly the simulator's state type", () => {
    expectTypeOf<InferOutput<typeof dnsimpleV1StateSchema>>().toEqualTypeOf<DnsimpleV1State>();
  });
});
