import { describe, expect, it } from "vitest";
import { repoRoot } from "../lib/apis.mjs";
import { readmeTables, withTables } from "../lib/readme-tables.mjs";

describe("README tables rendered from the provider registry", () => {
  it.each(readmeTables(repoRoot).map((readme) => [readme.path, readme]))(
    "%s shows what the registry says (pnpm readme:tables rewrites it)",
    (_, readme) => {
      expect(readme.current).toBe(readme.expected);
    },
  );

  it("renders between the markers only, and names a missing marker", () => {
    const text = "before\n<!-- t -->\nstale\n<!-- /t -->\nafter\n";
    expect(withTables(text, { t: () => ["| a |", "| --- |"] }, "X.md")).toBe(
      "before\n<!-- t -->\n| a |\n| --- |\n<!-- /t -->\nafter\n",
    );
    expect(() => withTables("no markers\n", { t: () => [] }, "X.md")).toThrow(
      "X.md has no <!-- t --> … <!-- /t --> section",
    );
  });
});
