import { describe, expect, it } from "vitest";
import { functionSizes, isHandWrittenSource } from "../lib/function-sizes.mjs";

describe("function sizes", () => {
  it("measures every kind of function in lines, named by what it is assigned to, nested ones included", () => {
    const text = [
      "export function outer(a: number): number {", // 1
      "  const inner = (b: number) => {", //           2
      "    return b + 1;", //                          3
      "  };", //                                       4
      "  return inner(a);", //                         5
      "}", //                                          6
      "class Box {", //                                7
      "  constructor() {}", //                         8
      "  get size() {", //                             9
      "    return 1;", //                              10
      "  }", //                                        11
      "  #secret(): void {}", //                       12
      "}", //                                          13
      "const table = { pick: function () { return 2; } };", // 14
      "declare function typed(): void;", //            15: no body, no function
      "[1].map((x) => x);", //                         16
    ].join("\n");
    expect(functionSizes(text, "a.ts")).toEqual([
      { name: "outer", file: "a.ts", line: 1, lines: 6 },
      { name: "inner", file: "a.ts", line: 2, lines: 3 },
      { name: "Box.constructor", file: "a.ts", line: 8, lines: 1 },
      { name: "Box.size", file: "a.ts", line: 9, lines: 3 },
      { name: "Box.#secret", file: "a.ts", line: 12, lines: 1 },
      { name: "pick", file: "a.ts", line: 14, lines: 1 },
      { name: "<anonymous>", file: "a.ts", line: 16, lines: 1 },
    ]);
  });

  it("reads JavaScript too", () => {
    expect(functionSizes("export const f = async () => {\n  await 1;\n};\n", "x.mjs")).toEqual([
      { name: "f", file: "x.mjs", line: 1, lines: 3 },
    ]);
  });

  it("counts hand-written source only: not tests, generated code, builds or declarations", () => {
    expect(
      [
        "packages/runtime/src/unwrap.ts",
        "scripts/lib/apis.mjs",
        "bench/src/run.ts",
        "packages/ionos-ssl/src/generated/schema.ts",
        "packages/runtime/test/unwrap.test.ts",
        "scripts/test/apis.test.ts",
        "packages/runtime/dist/index.js",
        "packages/runtime/src/types.d.ts",
        "packages/runtime/README.md",
        "specs/ionos-ssl/openapi.yaml",
      ].filter(isHandWrittenSource),
    ).toEqual(["packages/runtime/src/unwrap.ts", "scripts/lib/apis.mjs", "bench/src/run.ts"]);
  });
});
