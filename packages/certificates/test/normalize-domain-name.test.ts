import { describe, expect, it } from "vitest";
import { normalizeDomainName } from "../src/index.js";

describe("normalizeDomainName, as exported", () => {
  it("gives a name in the form an order sends it, or what is wrong with it", () => {
    expect(normalizeDomainName("Bücher.Example.com.")).toEqual({ ok: true, name: "xn--bcher-kva.example.com" });
    expect(normalizeDomainName("*.example.com")).toEqual({ ok: true, name: "*.example.com" });
    expect(normalizeDomainName("bad_name.example.com")).toMatchObject({ ok: false });
  });
});
