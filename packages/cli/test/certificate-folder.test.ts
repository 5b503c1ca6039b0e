import { describe, expect, it } from "vitest";
import { certificateFolder } from "../src/files/certificate-folder.ts";

describe("certificateFolder", () => {
  it.each([
    ["shop.example.com", "shop.example.com"],
    ["Shop.EXAMPLE.com.", "shop.example.com"],
    ["*.example.com", "_wildcard.example.com"],
    ["bücher.example", "xn--bcher-kva.example"],
  ])("names the folder for %j %j", (name, folder) => {
    expect(certificateFolder(name)).toBe(folder);
  });

  it.each([
    "../../x",
    "..",
    ".",
    "/etc/ssl",
    "a/b.example.com",
    "a\\b.example.com",
    "shop.example.com\u0000.evil",
    "shop\u001b[2J.example.com",
    "shop\n.example.com",
    "",
    " ",
  ])("refuses %j, which is no domain name, and says to give --out", (name) => {
    expect(() => certificateFolder(name)).toThrow(/so it makes no folder name: say where with --out DIR/);
  });
});
