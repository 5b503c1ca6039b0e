import type { InferOutput } from "valibot";
import { describe, expectTypeOf, it } from "vitest";
import type { DnsimpleState } from "../src/providers/dnsimple/dnsimple-state.js";
import { type dnsimpleStateSchema } from "../src/providers/dnsimple/dnsimple-state-schema.js";
import type { DnsimpleV1State } from "../src/providers/dnsimple-v1/dnsimple-v1-state.js";
import { type dnsimpleV1StateSchema } from "../src/providers/dnsimple-v1/dnsimple-v1-state-schema.js";
import type { IonosState } from "../src/providers/ionos-ssl/ionos-ssl-state.js";
import { type ionosStateSchema } from "../src/providers/ionos-ssl/ionos-ssl-state-schema.js";
import type { ReselloState } from "../src/providers/resello/resello-state.js";
import { type reselloStateSchema } from "../src/providers/resello/resello-state-schema.js";
import type { SslmarketState } from "../src/providers/sslmarket/sslmarket-state.js";
import { type sslmarketStateSchema } from "../src/providers/sslmarket/sslmarket-state-schema.js";

// A restore checks every field its schema names: each schema must name exactly the fields of the state type, so a
// field added to a state without its check fails here.
describe("the restore schemas", () => {
  it("describe exactly the simulators' state types", () => {
    expectTypeOf<InferOutput<typeof ionosStateSchema>>().toEqualTypeOf<IonosState>();
    expectTypeOf<InferOutput<typeof dnsimpleStateSchema>>().toEqualTypeOf<DnsimpleState>();
    expectTypeOf<InferOutput<typeof dnsimpleV1StateSchema>>().toEqualTypeOf<DnsimpleV1State>();
    expectTypeOf<InferOutput<typeof reselloStateSchema>>().toEqualTypeOf<ReselloState>();
    expectTypeOf<InferOutput<typeof sslmarketStateSchema>>().toEqualTypeOf<SslmarketState>();
  });
});
