import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROVIDER_NAMES } from "@certkit/certificates";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../lib/apis.mjs";

// A provider is described once, in its own folders; code elsewhere iterates the registry. This looks for a provider's
// name written as a value (a quoted string) or an object key in hand-written code, outside the places where it
// belongs. Tests are not searched: each test exercises named providers on purpose. Comments are not searched.

/** The provider names, and the old name of ionos-ssl, which must not come back. */
const NAMES = [...PROVIDER_NAMES, "ionos"];

/** Where a provider's name belongs: its own folder in each layer, and generated files. */
const PROVIDER_PLACES = [
  ...PROVIDER_NAMES.flatMap((name) => [
    `specs/${name}/`,
    `packages/${name}/`,
    `packages/certificates/src/providers/${name}/`,
    `packages/sandbox/src/providers/${name}/`,
  ]),
  // One runnable example per provider, named after it (pnpm examples runs each).
  ...PROVIDER_NAMES.map((name) => `scripts/lib/sandbox-examples/${name}.mjs`),
];

/** The short list of other places, each with its reason. */
const ALLOWED = [
  // Benchmarks measure one named provider against its official SDK or raw fetch: the name is the measurement's subject.
  "bench/",
];

const quoted = new RegExp(`(["'\`])(${NAMES.join("|")})\\1`);
const key = new RegExp(
  `^\\s*(${NAMES.filter((name) => !name.includes("-")).join("|")}|${NAMES.map((name) => `"${name}"`).join("|")})\\??\\s*:`,
);
const comment = /^\s*(\/\/|\/?\*)/;

/** The hand-written source files git knows of (committed or not), outside tests and generated code. */
function sourceFiles(): string[] {
  const listed = execFileSync(
    "git",
    ["ls-files", "--cached", "--others", "--exclude-standard", "packages", "scripts", "bench"],
    { cwd: repoRoot, encoding: "utf8" },
  );
  return listed
    .split("\n")
    .filter(
      (path) =>
        /\.(ts|mts|mjs|js)$/.test(path) &&
        !/(^|\/)(test|tests|generated|dist|node_modules)\//.test(path) &&
        !/\.test(-d)?\.ts$/.test(path),
    );
}

function strayNames(path: string): string[] {
  return readFileSync(join(repoRoot, path), "utf8")
    .split("\n")
    .flatMap((line, index) =>
      !comment.test(line) && (quoted.test(line) || key.test(line)) ? [`${path}:${index + 1}: ${line.trim()}`] : [],
    );
}

describe("provider names", () => {
  it("appear in hand-written code only in the provider folders, the generated registries and the allowed places", () => {
    const searched = sourceFiles().filter(
      (path) =>
        ![...PROVIDER_PLACES, ...ALLOWED].some(
          (place) => path === place || (place.endsWith("/") && path.startsWith(place)),
        ),
    );
    expect(searched.length).toBeGreaterThan(50);
    expect(searched.flatMap(strayNames)).toEqual([]);
  });

  it("are found where they are written as values or keys", () => {
    expect(
      [`const name = "resello";`, `  ionos: { slots: 1 },`, `  "dnsimple-v1": 1,`, "case 'sslmarket':"].map(
        (line) => quoted.test(line) || key.test(line),
      ),
    ).toEqual([true, true, true, true]);
    expect(
      ["const resellerReference = 1;", "// the ionos-ssl adapter", "import { resello } from './x.js';"].map(
        (line) => !comment.test(line) && (quoted.test(line) || key.test(line)),
      ),
    ).toEqual([false, false, false]);
  });
});
