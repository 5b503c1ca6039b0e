import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DNSIMPLE_V1_STATUS_NOTES,
  DNSIMPLE_V1_STATUS_TABLE,
  mapDnsimpleV1Status,
} from "../../src/providers/dnsimple-v1/index.js";
import { CERTIFICATE_STATUSES } from "../../src/index.js";

/** The states DNSimple API v1 documents (spec enum `CertificateState` and the provider notes). */
const DOCUMENTED = ["purchased", "configured", "submitted", "issued", "cancelled"];
const isDocumented = (value: unknown) => typeof value === "string" && DOCUMENTED.includes(value);

describe("mapDnsimpleV1Status", () => {
  it("has a row and a note for exactly the documented states", () => {
    expect(Object.keys(DNSIMPLE_V1_STATUS_TABLE).sort()).toEqual([...DOCUMENTED].sort());
    expect(Object.keys(DNSIMPLE_V1_STATUS_NOTES).sort()).toEqual([...DOCUMENTED].sort());
    expect(Object.isFrozen(DNSIMPLE_V1_STATUS_TABLE)).toBe(true);
  });

  it.each([
    ["purchased", "pending"],
    ["configured", "awaiting_validation"],
    ["submitted", "awaiting_validation"],
    ["issued", "issued"],
    ["cancelled", "cancelled"],
  ] as const)("maps %s to %s", (state, status) => {
    expect(DNSIMPLE_V1_STATUS_TABLE[state]).toBe(status);
    expect(mapDnsimpleV1Status(state)).toMatchObject({ status, providerStatus: state });
  });

  it("explains the states that wait on a step outside the facade, and only those", () => {
    expect(mapDnsimpleV1Status("purchased").message).toMatch(/^Purchased, not configured/);
    expect(mapDnsimpleV1Status("configured").message).toMatch(/^Configured, not submitted/);
    expect(mapDnsimpleV1Status("submitted").message).toMatch(/^Submitted: the CA mailed the approver/);
    expect(mapDnsimpleV1Status("issued").message).toBeUndefined();
    expect(mapDnsimpleV1Status("cancelled").message).toBeUndefined();
  });

  it("maps any value at all to a valid status, without throwing", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withNullPrototype: true,
        }),
        (raw) => {
          const mapped = mapDnsimpleV1Status(raw);
          expect(CERTIFICATE_STATUSES).toContain(mapped.status);
          expect(typeof mapped.providerStatus).toBe("string");
          if (!isDocumented(raw)) expect(mapped.status).toBe("unknown");
        },
      ),
      { numRuns: 500 },
    );
  });

  it("maps every documented value to its table entry", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENTED), (state) => {
        expect(mapDnsimpleV1Status(state)).toMatchObject({
          status: DNSIMPLE_V1_STATUS_TABLE[state],
          providerStatus: state,
        });
      }),
    );
  });

  it("maps undocumented strings to unknown, keeping the value and saying so", () => {
    fc.assert(
      fc.property(
        fc.string().filter((value) => !isDocumented(value)),
        (state) => {
          const mapped = mapDnsimpleV1Status(state);
          expect(mapped).toEqual({
            status: "unknown",
            providerStatus: state,
            message: `DNSimple v1 sent the state ${JSON.stringify(state)}, which this adapter does not know`,
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    "ISSUED",
    " issued",
    "issued ",
    "revoked",
    "expired",
    "",
    "constructor",
    "__proto__",
    "toString",
    "hasOwnProperty",
  ])("maps the undocumented %j to unknown", (state) => {
    expect(mapDnsimpleV1Status(state)).toMatchObject({ status: "unknown", providerStatus: state });
  });

  it.each([
    [null, ""],
    [undefined, ""],
    [42, "42"],
    [true, "true"],
    [10n, "10"],
    [{ state: "issued" }, '{"state":"issued"}'],
    [["issued"], '["issued"]'],
  ])("maps the non-string %s to unknown, described as %s", (raw, providerStatus) => {
    expect(mapDnsimpleV1Status(raw)).toMatchObject({ status: "unknown", providerStatus });
  });

  it("describes values that resist being turned into text", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(mapDnsimpleV1Status(cyclic)).toMatchObject({ status: "unknown", providerStatus: "[object Object]" });
    expect(mapDnsimpleV1Status(Object.create(null))).toMatchObject({ status: "unknown", providerStatus: "{}" });
    expect(mapDnsimpleV1Status(Symbol("issued"))).toMatchObject({
      status: "unknown",
      providerStatus: "Symbol(issued)",
    });
    const hostile = {
      toJSON: () => {
        throw new Error("no");
      },
      toString: () => {
        throw new Error("no");
      },
    };
    expect(mapDnsimpleV1Status(hostile)).toMatchObject({ status: "unknown", providerStatus: "[object Object]" });
    expect(mapDnsimpleV1Status(null).message).toBe("DNSimple v1 sent no state (neither state nor certificate_status)");
  });
});
