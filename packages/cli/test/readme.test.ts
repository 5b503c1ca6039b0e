import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/commands/all-commands.ts";
import { EXIT } from "../src/exit-codes.ts";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The rows of the markdown table whose header row starts with `| <first> |`. */
function tableRows(first: string): string[][] {
  const lines = readme.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`| ${first} |`));
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

// The provider variables table is rendered from the registry: scripts/test/readme-tables.test.ts checks it.
describe("the README says what the code does", () => {
  it("documents every command, in the order --help lists them", () => {
    const documented = tableRows("command").flatMap(([cell]) =>
      [...cell!.matchAll(/`certkit (\w+)/g)].map((match) => match[1]),
    );
    expect(documented).toEqual(COMMANDS.map((command) => command.name));
  });

  it("documents every exit code", () => {
    expect(tableRows("code").map(([code]) => Number(code!.replaceAll("`", "")))).toEqual(Object.values(EXIT));
  });
});
