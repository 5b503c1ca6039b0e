import { appendFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SANDBOX_MOUNTS } from "@certkit/sandbox";
import { readApis } from "../lib/apis.mjs";
import {
  printedOutputs,
  runReadmeExample,
  runReadmeTests,
  testBlocks,
  typecheckReadmeExamples,
  typeScriptBlocks,
  writeReadmeExamples,
} from "../lib/readme-examples.mjs";
import { runSandboxExample, SANDBOX_EXAMPLES } from "../lib/sandbox-examples.mjs";

const examples = writeReadmeExamples();
const providers = new Set(readApis().map((api) => api.name));
// A provider's example needs its server: until the sandbox simulates a provider, its example is type-checked only.
const awaitingSimulator = examples.filter(
  (example) => providers.has(example.folder) && !(example.folder in SANDBOX_EXAMPLES),
);
const standalone = examples.filter((example) => !providers.has(example.folder));

describe("README examples", () => {
  it("reads ```ts blocks in order and ignores other languages", () => {
    const markdown = [
      "# T",
      "```sh",
      "npm i x",
      "```",
      "```ts",
      "const a = 1;",
      "```",
      "text",
      "```ts",
      "console.log(a);",
      "```",
    ].join("\n");
    expect(typeScriptBlocks(markdown)).toEqual(["const a = 1;\n", "console.log(a);\n"]);
  });

  it("reads ```ts test blocks apart from the module's ```ts blocks", () => {
    const markdown = ["```ts", "const a = 1;", "```", "```ts test", 'it("works", () => {});', "```"].join("\n");
    expect(typeScriptBlocks(markdown)).toEqual(["const a = 1;\n"]);
    expect(testBlocks(markdown)).toEqual(['it("works", () => {});\n']);
  });

  it("read what a README says its console.log lines print", () => {
    const code = [
      "console.log(a); // 1 2",
      "console.log(b);",
      "if (x) console.log(c); // not at the start",
      "  console.log(d, e); // ok true",
    ].join("\n");
    expect(printedOutputs(code)).toEqual(["1 2", "ok true"]);
  });

  it("exist for every package that has a README with code", () => {
    expect(examples.map((example) => example.folder)).toEqual(
      expect.arrayContaining(["ionos-ssl", "runtime", "sandbox"]),
    );
  });

  it("type-check under the workspace's strict settings", () => {
    const { ok, output } = typecheckReadmeExamples();
    expect(output).toBe("");
    expect(ok).toBe(true);
  });

  it("are run against the sandbox for every provider it simulates", () => {
    const simulated = Object.keys(SANDBOX_MOUNTS);
    expect(awaitingSimulator.map((example) => example.folder).filter((folder) => simulated.includes(folder))).toEqual(
      [],
    );
  });

  it.each(standalone.map((example) => [example.folder, example]))(
    "%s: runs on its own, exits 0 and prints what its comments say",
    async (_folder, example) => {
      const run = await runReadmeExample(example);
      expect(run.output).not.toMatch(/Error/);
      expect(run.code).toBe(0);
      // What the README promises each console.log prints is what it printed, in the same order.
      const lines = run.output.split("\n").map((line) => line.trim());
      let from = 0;
      for (const expected of example.printed) {
        const at = lines.indexOf(expected, from);
        expect(at, `README says a line prints "${expected}"`).toBeGreaterThanOrEqual(0);
        from = at + 1;
      }
    },
  );

  it.each(examples.filter((example) => example.folder in SANDBOX_EXAMPLES).map((example) => [example.folder, example]))(
    "%s: runs against the sandbox, and the certificate it downloads verifies",
    async (_folder, example) => {
      const result = await runSandboxExample(example);
      expect(result.problem).toBeUndefined();
      expect(result.verified).toMatch(/chains to the sandbox root/);
      expect(result.ok).toBe(true);
    },
  );

  it.each(examples.filter((example) => example.testFile).map((example) => [example.folder, example]))(
    "%s: the vitest tests it shows pass under vitest",
    (_folder, example) => {
      const { code, passed, failed, output } = runReadmeTests(example);
      expect(failed, output).toBe(0);
      expect(passed, output).toBeGreaterThan(0);
      expect(code).toBe(0);
    },
  );

  it("fails the type check when an example is wrong", () => {
    const [first] = writeReadmeExamples();
    appendFileSync(first!.file, '\nconst wrong: number = "not a number";\n');
    const { ok, output } = typecheckReadmeExamples();
    expect(ok).toBe(false);
    expect(output).toMatch(/readme\.ts\(\d+,\d+\): error TS2322/);
    writeReadmeExamples();
  });
});
