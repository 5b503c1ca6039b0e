import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { toZip } from "../src/ca/certificate-formats.js";

/** The date of a zip's first file, from its local header (MS-DOS form, bytes 12–13: years since 1980, month, day). */
function firstFileDate(zip: Uint8Array): string {
  const dos = zip[12]! | (zip[13]! << 8);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${(dos >> 9) + 1980}-${two((dos >> 5) & 15)}-${two(dos & 31)}`;
}

describe("a sandbox zip", () => {
  it("dates its files with the sandbox's time, so the same time gives the same bytes", () => {
    const at = new Date(2026, 2, 1, 12, 0, 0);
    const zip = toZip({ "a.crt": "A", "b.crt": new Uint8Array([1, 2]) }, at);
    expect(firstFileDate(zip)).toBe("2026-03-01");
    expect(toZip({ "a.crt": "A", "b.crt": new Uint8Array([1, 2]) }, new Date(at))).toEqual(zip);
    expect(Object.keys(unzipSync(zip))).toEqual(["a.crt", "b.crt"]);
  });

  it.each([
    ["before 1980", new Date(Date.UTC(1970, 0, 1)), "1980-01"],
    ["after 2099", new Date(Date.UTC(2150, 5, 1)), "2099-12"],
  ])("keeps a time %s within the years a zip can hold", (_when, at, month) => {
    const zip = toZip({ "a.crt": "A" }, at);
    expect(firstFileDate(zip).slice(0, 7)).toBe(month);
    expect(Object.keys(unzipSync(zip))).toEqual(["a.crt"]);
  });
});
