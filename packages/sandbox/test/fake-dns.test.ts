import { describe, expect, it } from "vitest";
import { DNS_RECORD_TYPES, FakeDns, isDnsRecordType } from "../src/index.js";

describe("FakeDns", () => {
  it("holds several TXT values at one name, compared without case or trailing dot", () => {
    const dns = new FakeDns();
    dns.add("TXT", "_x.Example.COM.", "one");
    dns.add("TXT", "_x.example.com", "two");
    expect(dns.lookup("TXT", "_X.example.com")).toEqual(["one", "two"]);
    expect(dns.lookupTxt("_x.example.com")).toEqual(["one", "two"]);
    dns.remove("TXT", "_x.example.com", "one");
    expect(dns.lookup("TXT", "_x.example.com")).toEqual(["two"]);
    expect(dns.lookup("CNAME", "_x.example.com")).toEqual([]);
  });

  it("holds one CNAME target per name: a new one replaces it, kept lower-case without the trailing dot", () => {
    const dns = new FakeDns();
    dns.add("CNAME", "_ABC.example.com", "first.target.example.");
    dns.add("CNAME", "_abc.example.com.", "Second.Target.example.");
    expect(dns.lookup("CNAME", "_abc.example.com")).toEqual(["second.target.example"]);
    expect(dns.lookup("TXT", "_abc.example.com")).toEqual([]);
    dns.remove("CNAME", "_abc.example.com", "SECOND.target.example.");
    expect(dns.lookup("CNAME", "_abc.example.com")).toEqual([]);
  });

  it("keeps every record type in a snapshot, and restores it", () => {
    const dns = new FakeDns();
    dns.add("TXT", "a.example.com", "v");
    dns.add("CNAME", "b.example.com", "c.example.net");
    const snapshot = dns.snapshot();
    expect(snapshot).toEqual({ TXT: { "a.example.com": ["v"] }, CNAME: { "b.example.com": ["c.example.net"] } });
    const restored = new FakeDns();
    restored.restore(JSON.parse(JSON.stringify(snapshot)));
    expect(restored.snapshot()).toEqual(snapshot);
  });

  it("restores a TXT-only state saved before it held CNAMEs, and an empty one", () => {
    const dns = new FakeDns();
    dns.add("CNAME", "b.example.com", "c.example.net");
    dns.restore({ "a.example.com": ["v", "w"] });
    expect(dns.snapshot()).toEqual({ TXT: { "a.example.com": ["v", "w"] }, CNAME: {} });
    dns.restore({});
    expect(dns.snapshot()).toEqual({ TXT: {}, CNAME: {} });
  });

  it.each([
    ["a type it does not hold", { MX: { "a.example.com": ["mail.example.com"] } }],
    ["values that are no list", { TXT: { "a.example.com": "v" } }],
    ["a value that is no string", { CNAME: { "a.example.com": [7] } }],
    ["a list of types", { TXT: [] }],
    ["no object", "TXT"],
    ["null", null],
  ])("refuses a state with %s with a TypeError, and keeps its records", (_what, state) => {
    const dns = new FakeDns();
    dns.add("TXT", "a.example.com", "kept");
    expect(() => dns.restore(state as never)).toThrow(TypeError);
    expect(dns.lookup("TXT", "a.example.com")).toEqual(["kept"]);
  });

  it("names the record types it holds", () => {
    expect(DNS_RECORD_TYPES).toEqual(["TXT", "CNAME"]);
    expect(DNS_RECORD_TYPES.every(isDnsRecordType)).toBe(true);
    expect(["MX", "txt", "", undefined, 1].some(isDnsRecordType)).toBe(false);
  });
});
