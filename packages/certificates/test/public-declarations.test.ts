import { fileURLToPath } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { PROVIDER_NAMES } from "../src/generated/provider-names.js";

// What a consumer's compiler sees: the built declarations (dist/), resolved as a strict project resolves them, with
// the compiler's own messages. The package's tests run after its build.
const distIndex = fileURLToPath(new URL("../dist/index.d.ts", import.meta.url));
const distAdapters = PROVIDER_NAMES.map((name) =>
  fileURLToPath(new URL(`../dist/providers/${name}/index.d.ts`, import.meta.url)),
);
const CONSUMER = fileURLToPath(new URL("../test/consumer-of-unsupported.ts", import.meta.url));

/** A program of `roots`, with `CONSUMER` read from `consumer` instead of the disk, resolved as node16 resolves. */
function program(roots: string[], consumer: string): ts.Program {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (file === CONSUMER ? consumer : readFile(file));
  host.fileExists = (file) => file === CONSUMER || fileExists(file);
  host.getSourceFile = (file, language, ...rest) =>
    file === CONSUMER ? ts.createSourceFile(file, consumer, language) : getSourceFile(file, language, ...rest);
  return ts.createProgram(roots, options, host);
}

const messages = (diagnostics: readonly ts.Diagnostic[]) =>
  diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));

// One program holds the built entry, every adapter and a consumer's file: creating it parses every declaration,
// seconds on a busy machine, so it is made once, with a generous bound (it ends a hung run, it does not judge speed).
const CONSUMER_SOURCE = [
  'import { createCertificateClient } from "../dist/index.js";',
  'import { ionosSsl } from "../dist/providers/ionos-ssl/index.js";',
  'const certs = createCertificateClient(ionosSsl({ apiKey: "prefix.secret" }));',
  'void certs.renew("order-1");',
  "const handler: number = certs.renew;",
  "void handler;",
].join("\n");
let checked: ts.Program;
beforeAll(() => {
  checked = program([distIndex, ...distAdapters, CONSUMER], CONSUMER_SOURCE);
}, 120_000);

describe("the published declarations", () => {
  // A consumer with skipLibCheck off checks every declaration its program loads: the X.509 stack's failed under
  // node16. Loading none of them keeps a consumer's check clean (the release test type-checks real consumers).
  it("load no X.509 library's types, from the entry or from any adapter", () => {
    const loaded = checked.getSourceFiles().map((file) => file.fileName);
    expect(loaded.some((file) => file.endsWith("dist/providers/dnsimple/index.d.ts"))).toBe(true);
    expect(loaded.filter((file) => /@peculiar|reflect-metadata|tsyringe|asn1|pvtsutils|pvutils/.test(file))).toEqual(
      [],
    );
  });

  it("name the provider and the operation when code uses an operation the provider lacks", () => {
    const found = messages(checked.getSemanticDiagnostics(checked.getSourceFile(CONSUMER)));
    expect(found).toHaveLength(2);
    for (const message of found) expect(message).toContain('UnsupportedOperation<"ionos-ssl", "renew">');
    expect(found[0]).toContain("has no call signatures");
    expect(found[1]).toContain("is not assignable to type 'number'");
  }, 120_000);
});
