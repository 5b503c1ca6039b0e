// Compares two versions of an OpenAPI document with api-smart-diff and says what the change means for the package
// generated from it: one entry per change, classified, and the semver bump the whole set calls for.
import { apiCompare, isResponseSchema } from "api-smart-diff";
import { parse } from "yaml";
import { locate, toPointer } from "./spec-location.mjs";
import { takeWrapperAnnotations } from "./spec-wrapper-annotations.mjs";

/** @typedef {import("api-smart-diff").Diff} Diff */
/** @typedef {import("api-smart-diff").DiffType} ChangeKind */
/** @typedef {"major" | "minor" | "patch"} Bump */

/**
 * @typedef {object} SpecChange  one change to the spec, however many operations reach it through `$ref`s
 * @property {ChangeKind} kind          how the change affects consumers (api-smart-diff's words)
 * @property {Diff["action"]} action    add, remove, replace or rename
 * @property {string} pointer           JSON pointer to where the change is written in the spec (`$ref`s followed)
 * @property {string} description       what changed, in words
 * @property {string[]} operations      the operations it reaches, as `METHOD /path`
 */

/**
 * The bump each kind of change calls for. An unclassified change is one api-smart-diff has no rule for: it may
 * break consumers and nothing shows that it does not, so it counts as breaking.
 * @type {Record<ChangeKind, Bump>}
 */
export const BUMP_OF_KIND = {
  breaking: "major",
  unclassified: "major",
  deprecated: "minor",
  "non-breaking": "minor",
  annotation: "patch",
};

/** Kinds from most to least severe: a change reported in several places takes the most severe of them. */
const SEVERITY = /** @type {const} */ (["breaking", "unclassified", "deprecated", "non-breaking", "annotation"]);
const BUMPS = /** @type {const} */ (["major", "minor", "patch"]);

/** The keys of a path item that are operations. */
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Reads a spec's text (YAML or JSON) into an object that api-smart-diff can compare.
 * @param {string} text
 * @param {string} label  how errors name the document, e.g. `specs/ionos-ssl/openapi.yaml at HEAD`
 * @returns {Record<string, unknown>}
 * @throws {Error} one line saying why, when the text is not an OpenAPI 3 document in one file
 */
export function parseSpec(text, label) {
  let document;
  try {
    document = parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(`${label} is not valid YAML: ${reason}`, { cause: error });
  }
  if (typeof document?.openapi !== "string" || !document.openapi.startsWith("3.")) {
    throw new Error(`${label} is not an OpenAPI 3 document (no "openapi: 3.x" at its top)`);
  }
  // api-smart-diff follows `$ref`s inside the document only; one into another file would be compared as a string.
  const external = findExternalRef(document);
  if (external !== undefined)
    throw new Error(`${label} has a $ref to another file ("${external}"): bundle the spec into one file first`);
  return document;
}

/**
 * Compares two versions of a spec.
 * @param {unknown} before  the spec as it was (from {@link parseSpec})
 * @param {unknown} after   the spec as it is
 * @returns {{ changes: SpecChange[], bump: Bump | undefined }}  `bump` is undefined when nothing changed
 */
export function compareSpecs(before, after) {
  // The library rewrites the documents it is given (it moves a `$ref`'s siblings into an `allOf`, for one), and
  // `locate` needs them as written: it gets copies.
  const [old, current] = [structuredClone(before), structuredClone(after)];
  const annotations = takeWrapperAnnotations(old, current);
  /** @type {Diff[]} */
  let diffs;
  // A classification rule that throws (one that looks for a `required` property's `default` beside it, when
  // `allOf` keeps them apart) leaves its change unclassified, which counts as major and says so, and the
  // library logs it on console.error once per place the change is reported: hundreds of lines for one change.
  const logError = console.error;
  console.error = () => undefined;
  try {
    diffs = apiCompare(old, current).diffs;
  } finally {
    console.error = logError;
  }
  /** @type {Map<string, { pointer: string, action: Diff["action"], diffs: Diff[] }>} */
  const groups = new Map();
  const addToGroup = (/** @type {string} */ pointer, /** @type {Diff} */ diff) => {
    const key = `${diff.action} ${pointer}`;
    const group = groups.get(key) ?? { pointer, action: diff.action, diffs: [] };
    group.diffs.push(diff);
    groups.set(key, group);
  };
  for (const diff of diffs)
    addToGroup(toPointer(locate(diff.action === "add" ? after : before, diff) ?? diff.path), diff);
  // takeWrapperAnnotations gives paths as written already.
  for (const diff of annotations) addToGroup(toPointer(diff.path), diff);
  const changes = [...groups.values()].map(({ pointer, action, diffs: group }) => {
    // The library reports a change in a shared schema once per operation that uses it, judged in that operation's
    // direction (request or response), and once more at the schema itself, judged as if it were a request. The
    // operations' judgement is the one that counts; the schema's own only when no operation uses it.
    const inOperations = group.filter((diff) => diff.path[0] === "paths");
    const judged = (inOperations.length > 0 ? inOperations : group).map((diff) => ({ diff, kind: classify(diff) }));
    judged.sort((a, b) => SEVERITY.indexOf(a.kind) - SEVERITY.indexOf(b.kind));
    const [worst] = /** @type {[{ diff: Diff, kind: ChangeKind }]} */ (judged);
    // The library's descriptions start with the action in brackets; one that does not is a template it could
    // not fill for that place.
    const described = judged.find(({ diff }) => diff.description?.startsWith("[")) ?? worst;
    return {
      kind: worst.kind,
      action,
      pointer,
      description: `${described.diff.description?.startsWith("[") ? described.diff.description : describe(described.diff)}${detail(described.diff)}`,
      operations: [
        ...new Set(
          inOperations
            .filter((diff) => METHODS.includes(String(diff.path[2])))
            .map((diff) => `${String(diff.path[2]).toUpperCase()} ${String(diff.path[1])}`),
        ),
      ],
    };
  });
  changes.sort((a, b) => SEVERITY.indexOf(a.kind) - SEVERITY.indexOf(b.kind) || a.pointer.localeCompare(b.pointer));
  const bumps = changes.map((change) => BUMPS.indexOf(BUMP_OF_KIND[change.kind]));
  return { changes, bump: bumps.length > 0 ? BUMPS[Math.min(...bumps)] : undefined };
}

/**
 * One line for a terminal: kind, pointer, what changed, and where it is used.
 * @param {SpecChange} change
 * @returns {string}
 */
export function formatChange(change) {
  const kind =
    change.kind === "unclassified" ? "unclassified (counted as breaking: no rule shows it is safe)" : change.kind;
  return `${kind.padEnd(12)}  ${change.pointer}  ${change.description}${formatReach(change)}`;
}

/**
 * The operations a change in a component reaches, as ` (used by GET /a, POST /a, GET /b and 4 more)` (a shared error
 * schema reaches them all); empty for a change written inside an operation, whose pointer already names it.
 * @param {SpecChange} change
 * @returns {string}
 */
export function formatReach(change) {
  if (change.pointer.startsWith("#/paths/") || change.operations.length === 0) return "";
  const [first, second, third, ...rest] = change.operations;
  const named = [first, second, third].filter((operation) => operation !== undefined).join(", ");
  return ` (used by ${named}${rest.length > 0 ? ` and ${rest.length} more` : ""})`;
}

/**
 * api-smart-diff judges a response by whether a client that only reads it still accepts the new data, so in
 * responses it reverses its request rules: a response may lose an optional field or an enum value, or change a
 * type, but may not gain an enum value. Our packages export every response as a TypeScript type that users'
 * code is compiled against, which changes the answer:
 * - a response field removed, an enum value removed, a type changed (`nullable` is part of the type in
 *   OpenAPI 3.0): code that reads the old shape no longer compiles, so breaking;
 * - an enum value added: an addition, so non-breaking. The clients already tell users to expect values outside
 *   an enum (specs/ionos-ssl/README.md shows the API sending one).
 * Everything else keeps the library's classification.
 * @param {Diff} diff
 * @returns {ChangeKind}
 */
function classify(diff) {
  if (!isResponseSchema(diff.path)) return diff.type;
  const key = diff.path.at(-1);
  const parent = diff.path.at(-2);
  if (parent === "properties" && diff.action === "remove") return "breaking";
  if (parent === "enum" && typeof key === "number") return diff.action === "add" ? "non-breaking" : "breaking";
  if (key === "type" && diff.action === "replace") return "breaking";
  if (key === "nullable" && diff.after === true) return "breaking";
  return diff.type;
}

/**
 * The first `$ref` that does not start with `#`, anywhere in the document.
 * @param {unknown} node
 * @returns {string | undefined}
 */
function findExternalRef(node) {
  if (typeof node !== "object" || node === null) return undefined;
  const ref = /** @type {{ $ref?: unknown }} */ (node).$ref;
  if (typeof ref === "string" && !ref.startsWith("#")) return ref;
  for (const child of Object.values(node)) {
    const found = findExternalRef(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Words for a diff the library left undescribed (it describes changes in operations, not in components).
 * @param {Diff} diff
 * @returns {string}
 */
function describe(diff) {
  const key = diff.path.at(-1);
  const parent = diff.path.at(-2);
  const what =
    parent === "properties"
      ? `property \`${String(key)}\``
      : typeof key === "number"
        ? `${String(parent)} item`
        : `\`${String(key ?? "document")}\``;
  switch (diff.action) {
    case "add":
      return `[Added] ${what}`;
    case "remove":
      return `[Removed] ${what}`;
    case "replace":
      return `[Replaced] ${what}`;
    case "rename":
      return `[Renamed] ${what}`;
  }
}

/**
 * The values involved when they are short enough to read in a line: the library says "possible values of
 * `status`" changed, this says which.
 * @param {Diff} diff
 * @returns {string}
 */
function detail(diff) {
  const short = (/** @type {unknown} */ value) => {
    const text = JSON.stringify(value);
    return text !== undefined && text.length <= 40 ? text : undefined;
  };
  const before = short(diff.before);
  const after = short(diff.after);
  if ((diff.action === "replace" || diff.action === "rename") && before !== undefined && after !== undefined)
    return `: ${before} → ${after}`;
  if (diff.action === "add" && after !== undefined && typeof diff.after !== "object") return `: added ${after}`;
  if (diff.action === "remove" && before !== undefined && typeof diff.before !== "object") return `: removed ${before}`;
  return "";
}
