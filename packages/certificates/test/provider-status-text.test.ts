import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { providerStatusText } from "../src/status/provider-status-text.js";

describe("providerStatusText", () => {
  it.each([
    ["a string", "ACTIVE", "ACTIVE"],
    ["undefined", undefined, ""],
    ["null", null, ""],
    ["a number", 42, "42"],
    ["a bigint", 10n, "10"],
    ["a boolean", false, "false"],
    ["a symbol", Symbol("issued"), "Symbol(issued)"],
    ["a function", () => "issued", "[function]"],
    ["an object", { state: "issued", n: 1n }, '{"state":"issued","n":"1"}'],
    ["an object without a prototype", Object.create(null) as object, "{}"],
  ])("gives %s as text", (_what, value, text) => {
    expect(providerStatusText(value)).toBe(text);
  });

  it("describes values JSON cannot hold instead of throwing", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(providerStatusText(cyclic)).toBe("[object Object]");
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("no");
        },
        ownKeys: () => {
          throw new Error("no");
        },
      },
    );
    expect(() => providerStatusText(hostile)).not.toThrow();
  });

  it("never throws, and always gives a string", () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withMap: true, withSet: true }),
        (value) => typeof providerStatusText(value) === "string",
      ),
    );
  });
});
