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
    ["a combining grapheme joiner", "exam\u034Fple.com", "control or invisible"],
    ["variation selector 16", "example\uFE0F.com", "control or invisible"],
    ["variation selector 17", "exam\u{E0100}ple.com", "control or invisible"],
    ["a Mongolian free variation selector", "exam\u180Bple.com", "control or invisible"],
    ["a Hangul filler", "exam\u3164ple.com", "control or invisible"],
    ["a half-width Hangul filler", "exam\uFFA0ple.com", "control or invisible"],
  ])("refuses %s", (_what, input, problem) => {
    const check = normalizeDomainName(input);
    expect(check).toMatchObject({ ok: false, problem: expect.stringContaining(problem) });
  });

  it("accepts no character that IDNA mapping deletes: the name is never read as the name without it", () => {
    // The Basic Multilingual Plane and plane 14 (tags, variation selectors 17-256), where such characters live.
    const planes = [
      [0, 0xffff],
      [0xe0000, 0xe0fff],
    ];
    const rewritten: string[] = [];
    for (const [first, last] of planes) {
      for (let codePoint = first!; codePoint <= last!; codePoint += 1) {
        if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
        const check = normalizeDomainName(`exam${String.fromCodePoint(codePoint)}ple.com`);
        if (check.ok && check.name === "example.com") rewritten.push(codePoint.toString(16));
      }
    }
    expect(rewritten).toEqual([]);
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

  it.each(["\u3002", "\uFF0E", "\uFF61"])("takes %s, a full stop IDNA reads as a dot, as a final dot too", (dot) => {
    expect(normalizeDomainName(`shop${dot}example.com`)).toEqual({ ok: true, name: "shop.example.com" });
    expect(normalizeDomainName(`shop.example.com${dot}`)).toEqual({ ok: true, name: "shop.example.com" });
    expect(normalizeDomainName(`shop.example.com.${dot}`)).toMatchObject({ ok: false, problem: "has an empty label" });
  });
});
