// The size of every function in a TypeScript or JavaScript file, read with the TypeScript compiler's parser.
import ts from "typescript";

/**
 * @typedef {object} FunctionSize
 * @property {string} name  the function's name: its own, or the variable, property or class member it is assigned to
 * @property {string} file  the file, as given
 * @property {number} line  the line it starts on (1-based)
 * @property {number} lines how many lines it spans, its first and last included
 */

/** The name a function goes by: its own, else what it is assigned to, else `<anonymous>`. */
function nameOf(/** @type {ts.Node} */ node, /** @type {ts.SourceFile} */ source) {
  const named = /** @type {{ name?: ts.Node }} */ (node).name;
  if (named !== undefined) return named.getText(source);
  if (ts.isConstructorDeclaration(node)) return "constructor";
  const { parent } = node;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText(source);
  return "<anonymous>";
}

/** The class a method belongs to, for its name (`Class.method`). */
function ownerOf(/** @type {ts.Node} */ node, /** @type {ts.SourceFile} */ source) {
  const { parent } = node;
  return (ts.isClassDeclaration(parent) || ts.isClassExpression(parent)) && parent.name
    ? `${parent.name.getText(source)}.`
    : "";
}

/**
 * Every function of a file (declarations, methods, accessors, constructors, arrow functions, function expressions),
 * nested ones included, each with its size in lines.
 * @param {string} text the file's text
 * @param {string} file its path, which also tells the parser whether it holds TSX
 * @returns {FunctionSize[]}
 */
export function functionSizes(text, file) {
  const kind = file.endsWith(".tsx")
    ? ts.ScriptKind.TSX
    : file.endsWith(".ts") || file.endsWith(".mts")
      ? ts.ScriptKind.TS
      : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  /** @type {FunctionSize[]} */
  const found = [];
  const visit = (/** @type {ts.Node} */ node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({
        name: `${ownerOf(node, source)}${nameOf(node, source)}`,
        file,
        line: start + 1,
        lines: end - start + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Whether a path of the repository holds hand-written source: TypeScript or JavaScript under `packages/*\/src/`,
 * `scripts/` or `bench/`, outside tests, generated code, builds and dependencies.
 * @param {string} path relative to the repository's root
 */
export function isHandWrittenSource(path) {
  return (
    /^(packages\/[^/]+\/src|scripts|bench)\//.test(path) &&
    /\.(ts|mts|tsx|mjs|js)$/.test(path) &&
    !/\.d\.ts$/.test(path) &&
    !/(^|\/)(test|tests|generated|dist|node_modules)\//.test(path) &&
    !/\.test(-d)?\.ts$/.test(path)
  );
}
