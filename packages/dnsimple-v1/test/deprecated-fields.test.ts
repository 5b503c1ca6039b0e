import ts from "typescript";
import { describe, expect, it } from "vitest";

// An editor strikes through what the TypeScript checker reports as deprecated: ask the checker itself, through the
// package's public entry point, which of the exported types' properties carry `@deprecated`.
const entry = new URL("../src/index.ts", import.meta.url).pathname;
const program = ts.createProgram([entry], {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!);

/** The names of the properties of the exported type `name`, split by whether they are deprecated. */
function propertiesOf(name: string): { deprecated: string[]; current: string[] } {
  const symbol = exports.find((s) => s.name === name);
  if (!symbol) throw new Error(`${name} is not exported`);
  const type = checker.getDeclaredTypeOfSymbol(
    symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol,
  );
  const deprecated: string[] = [];
  const current: string[] = [];
  for (const property of type.getProperties()) {
    const isDeprecated = property.getJsDocTags(checker).some((tag) => tag.name === "deprecated");
    (isDeprecated ? deprecated : current).push(property.name);
  }
  return { deprecated, current };
}

describe("deprecated v1 fields", () => {
  it("the program that is checked has no errors", () => {
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual(
      [],
    );
  });

  it("Certificate marks the seed's old names deprecated, and nothing else", () => {
    const { deprecated, current } = propertiesOf("Certificate");
    expect(deprecated.sort()).toEqual([
      "available_approver_emails",
      "certificate_status",
      "expiration_date",
      "order_date",
    ]);
    expect(current).toEqual(expect.arrayContaining(["state", "approver_emails", "expires_on", "ssl_certificate"]));
  });

  it("Domain marks registration_status deprecated", () => {
    expect(propertiesOf("Domain").deprecated).toEqual(["registration_status"]);
  });
});
