// The TypeScript examples in each package's README, checked and run as a reader would use them.
//
// A README's ```ts blocks, in order, form one ES module: later blocks use what earlier ones declared. It is written
// to scripts/.cache/readme/<package>/readme.ts, where `@certkit/*` resolves to the workspace packages (built), with
// the support files a reader brings themselves (readme-support/: their DNS, web and mail code). Blocks fenced as
// ```ts test are a reader's own vitest tests: they go to readme.test.ts beside it and run under vitest.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./apis.mjs";

const scriptsDir = join(repoRoot, "scripts");
const cacheDir = join(scriptsDir, ".cache", "readme");
const supportDir = join(scriptsDir, "lib", "readme-support");

/**
 * The contents of the fenced code blocks marked `ts` in a Markdown text, in order.
 * @param {string} markdown
 * @returns {string[]}
 */
export function typeScriptBlocks(markdown) {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? "");
}

/**
 * The contents of the fenced code blocks marked `ts test` (a reader's vitest tests), in order.
 * @param {string} markdown
 * @returns {string[]}
 */
export function testBlocks(markdown) {
  return [...markdown.matchAll(/^```ts test\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? "");
}

/**
 * What a README says its examples print: the comment after each one-line `console.log(...); // text`.
 * @param {string} code
 * @returns {string[]}
 */
export function printedOutputs(code) {
  return [...code.matchAll(/^\s*console\.log\(.*\);\s*\/\/ (.+)$/gm)].map((match) => (match[1] ?? "").trim());
}

/**
 * @typedef {object} ReadmeExample
 * @property {string} folder  the package's folder under packages/
 * @property {string} dir     where the example module was written
 * @property {string} file    the example module
 * @property {string[]} printed what the README says its `console.log` lines print, in order (see {@link printedOutputs})
 * @property {string} [testFile] the README's vitest tests (its `ts test` blocks), when it has some
 */

/**
 * Writes the README example module of every package whose README has ```ts blocks.
 * @returns {ReadmeExample[]}
 */
export function writeReadmeExamples() {
  rmSync(cacheDir, { recursive: true, force: true });
  const examples = [];
  for (const folder of readdirSync(join(repoRoot, "packages")).sort()) {
    const readme = join(repoRoot, "packages", folder, "README.md");
    if (!existsSync(readme)) continue;
    const markdown = readFileSync(readme, "utf8");
    const blocks = typeScriptBlocks(markdown);
    if (blocks.length === 0) continue;
    const dir = join(cacheDir, folder);
    mkdirSync(dir, { recursive: true });
    for (const support of readdirSync(supportDir)) copyFileSync(join(supportDir, support), join(dir, support));
    const file = join(dir, "readme.ts");
    writeFileSync(file, `// From packages/${folder}/README.md: its \`\`\`ts blocks, in order.\n${blocks.join("\n")}`);
    const tests = testBlocks(markdown);
    const testFile = tests.length > 0 ? join(dir, "readme.test.ts") : undefined;
    if (testFile)
      writeFileSync(
        testFile,
        `// From packages/${folder}/README.md: its \`\`\`ts test blocks, in order.\n${tests.join("\n")}`,
      );
    examples.push({ folder, dir, file, printed: printedOutputs(blocks.join("\n")), ...(testFile ? { testFile } : {}) });
  }
  writeFileSync(
    join(cacheDir, "tsconfig.json"),
    JSON.stringify({
      extends: "../../../tsconfig.base.json",
      // allowJs: the support files are JavaScript with JSDoc types, as Node runs them unchanged.
      compilerOptions: {
        types: ["node"],
        noEmit: true,
        allowJs: true,
        declaration: false,
        declarationMap: false,
        sourceMap: false,
      },
      include: ["*/readme.ts", "*/readme.test.ts"],
    }),
  );
  return examples;
}

/**
 * Type-checks the examples written by {@link writeReadmeExamples} with the workspace's `tsc`.
 * @returns {{ ok: boolean, output: string }}
 */
export function typecheckReadmeExamples() {
  const tsc = join(repoRoot, "node_modules", ".bin", "tsc");
  const run = spawnSync(tsc, ["-p", join(cacheDir, "tsconfig.json")], { encoding: "utf8" });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.replaceAll(`${cacheDir}/`, "") };
}

/**
 * Runs one example as its own Node process, in its folder, and resolves with what it printed.
 * @param {ReadmeExample} example
 * @param {{ env?: NodeJS.ProcessEnv, onLine?: (line: string) => void }} [options]
 * @returns {Promise<{ code: number | null, output: string }>}
 */
export function runReadmeExample(example, options = {}) {
  return new Promise((resolve, reject) => {
    // Node strips the types itself (on by default from 22.18; the flag covers 22.12 to 22.17).
    const node = ["--experimental-strip-types", "--disable-warning=ExperimentalWarning", "readme.ts"];
    const child = spawn(process.execPath, node, {
      cwd: example.dir,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let partial = "";
    const collect = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) options.onLine?.(line);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      if (partial) options.onLine?.(partial);
      resolve({ code, output });
    });
  });
}

/**
 * Runs an example's vitest tests (its README's blocks fenced as `ts test`) with the workspace's vitest, in its folder.
 * @param {ReadmeExample} example
 * @returns {{ code: number | null, passed: number, failed: number, output: string }}
 */
export function runReadmeTests(example) {
  if (!example.testFile) throw new Error(`the ${example.folder} README has no \`\`\`ts test blocks`);
  const vitest = join(repoRoot, "node_modules", ".bin", "vitest");
  const report = join(example.dir, "vitest.json");
  // No config of its own: vitest's defaults, as a reader's fresh project would have.
  const run = spawnSync(vitest, ["run", "--root", example.dir, "--reporter=json", `--outputFile=${report}`], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const output = `${run.stdout}${run.stderr}`;
  if (!existsSync(report)) return { code: run.status, passed: 0, failed: 0, output };
  const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, "utf8"));
  return { code: run.status, passed: numPassedTests, failed: numFailedTests, output };
}
