import { describe, expect, it } from "vitest";
import { normalizeDomainName } from "../src/index.js";

describe("normalizeDomainName, as exported", () => {
  it("gives a name in the form an order sends it, or what is wrong with it", () => {
    expect(normalizeDomainName("Bücher.Example.com.")).toEqual({ ok: true, name: "xn--bcher-kva.example.com" });
    expect(normalizeDomainName("*.example.com")).toEqual({ ok: true, name: "*.example.com" });
    expect(normalizeDomainName("bad_name.example.com")).toMatchObject({ ok: false });
  });
});

describe("normalizeDomainName refuses what it would otherwise rewrite into another name", () => {
  it.each([
    ["a percent-encoded letter", "%65xample.com", "percent sign"],
    ["a percent-encoded dot", "evil%2eexample.com", "percent sign"],
    ["a trailing NUL", "example.com\u0000", "control or invisible"],
    ["a NUL inside", "exa\u0000mple.com", "control or invisible"],
    ["a tab inside", "exa\tmple.com", "control or invisible"],
    ["a newline inside", "example.com\nevil.com", "control or invisible"],
    ["DEL", "exa\u007fmple.com", "control or invisible"],
    ["a C1 control", "exa\u0085mple.com", "control or invisible"],
    ["a soft hyphen", "exa\u00admple.com", "control or invisible"],
    ["a zero-width space", "exa\u200bmple.com", "control or invisible"],
    ["a byte-order mark", "\ufeffexample.com", "control or invisible"],
  ])("refuses %s", (_what, input, problem) => {
    const check = normalizeDomainName(input);
    expect(check).toMatchObject({ ok: false, problem: expect.stringContaining(problem) });
  });

  it("refuses a name of a million characters without reading it all", () => {
    expect(normalizeDomainName(`${"a".repeat(1_000_000)}.example.com`)).toEqual({
      ok: false,
      problem: "is longer than 253 characters",
    });
  });

  it("still takes what IDNA maps on purpose: case, a final dot, Unicode and full-width letters", () => {
    expect(normalizeDomainName("WWW.Example.COM.")).toEqual({ ok: true, name: "www.example.com" });
    expect(normalizeDomainName("ｅｘａｍｐｌｅ.com")).toEqual({ ok: true, name: "example.com" });
    expect(normalizeDomainName("münchen.example")).toEqual({ ok: true, name: "xn--mnchen-3ya.example" });
  });
});
