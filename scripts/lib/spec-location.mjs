// Where a change that api-smart-diff reports is written in the spec. The library compares rewritten copies of the
// documents, with each `$ref` replaced by its target, so a change to a shared schema comes back once per operation
// that uses it, at paths that exist in no file; this finds the one place to edit.
import { isDeepStrictEqual } from "node:util";

/** @typedef {import("api-smart-diff").Diff} Diff */

/** @typedef {(string | number)[]} Path */

/** Schema keywords whose items api-smart-diff rewrites: it merges `allOf`, and copies their siblings into them. */
const COMBINERS = ["allOf", "anyOf", "oneOf"];

/**
 * Finds where a diff is written in the document it was found in, so that a change to a shared schema has one
 * address however many operations report it. The diff's path runs through the library's rewritten copy of the
 * document, with every `$ref` replaced by its target, so it is followed through the document as written:
 * - first plainly: through each `$ref`, key by key (an added array item by its value, since the library
 *   appends added items to the end of its merged array);
 * - then, when the library's rewriting left that path nowhere, also across combiners it added, merged or
 *   filled: skipping an `allOf`/`anyOf`/`oneOf` step the document does not have, entering one it has that the
 *   path does not name, staying at a `$ref`'s siblings instead of going to its target. Such a walk counts only
 *   when it ends at the diff's own value, so a guess never gives a wrong address.
 * @param {unknown} document
 * @param {Diff} diff
 * @returns {Path | undefined}  undefined when neither walk finds it; the diff's own path is used then
 */
export function locate(document, diff) {
  const value = diff.action === "add" ? diff.after : diff.before;
  const found = (/** @type {unknown} */ node) => isDeepStrictEqual(node, value);

  /**
   * @param {unknown} node
   * @param {Path} at     where `node` is
   * @param {Path} rest   what is left of the diff's path
   * @param {number} detours  how many more steps that consume no part of the path a loose walk may take
   *                          (schemas can refer to themselves)
   * @returns {Path | undefined}
   */
  const loose = (node, at, rest, detours) => {
    if (rest.length === 0) return found(node) ? at : undefined;
    if (typeof node !== "object" || node === null) return undefined;
    const container = /** @type {Record<string | number, unknown>} */ (node);
    const [key = "", ...tail] = rest;
    /** @type {(() => Path | undefined)[]} */
    const tries = [];
    const target = isRef(node) ? resolveRef(document, node.$ref) : undefined;
    if (target !== undefined && detours > 0) tries.push(() => loose(target.node, target.at, rest, detours - 1));
    if (tail.length === 0 && Array.isArray(node)) {
      const index = node.findIndex(found);
      if (index >= 0) tries.push(() => [...at, index]);
    } else if (key in container) {
      tries.push(() => loose(container[key], [...at, key], tail, detours));
    }
    if (COMBINERS.includes(String(key)) && typeof tail[0] === "number")
      tries.push(() => loose(node, at, tail.slice(1), detours));
    if (!(key in container) && detours > 0) {
      for (const combiner of COMBINERS) {
        const branches = container[combiner];
        if (!Array.isArray(branches)) continue;
        for (const index of branches.keys())
          tries.push(() => loose(branches[index], [...at, combiner, index], rest, detours - 1));
      }
    }
    for (const attempt of tries) {
      const result = attempt();
      if (result !== undefined) return result;
    }
    return undefined;
  };

  /** @type {unknown} */
  let node = document;
  /** @type {Path} */
  let at = [];
  for (const [index, key] of diff.path.entries()) {
    if (isRef(node)) {
      const target = resolveRef(document, node.$ref);
      if (target === undefined) break;
      ({ node, at } = target);
    }
    if (typeof node !== "object" || node === null) break;
    const container = /** @type {Record<string | number, unknown>} */ (node);
    const last = index === diff.path.length - 1;
    const byValue = last && Array.isArray(container) && diff.action === "add" ? container.findIndex(found) : -1;
    const step = byValue >= 0 ? byValue : key;
    if (!(step in container)) break;
    node = container[step];
    at = [...at, step];
    if (last) return at;
  }
  // A rename's value is a key, not a node: nothing to check a guess against.
  return diff.action === "rename" ? undefined : loose(document, [], diff.path, 8);
}

/**
 * What a `$ref` points to, through any further `$ref`s.
 * @param {unknown} document
 * @param {string} ref  a local reference, `#/...`
 * @returns {{ node: unknown, at: Path } | undefined}  undefined when it leads nowhere
 */
function resolveRef(document, ref) {
  const seen = new Set();
  /** @type {unknown} */
  let node = { $ref: ref };
  /** @type {Path} */
  let at = [];
  while (isRef(node)) {
    if (seen.has(node.$ref)) return undefined;
    seen.add(node.$ref);
    at = node.$ref
      .slice(2)
      .split("/")
      .map((part) => decodeURIComponent(part).replaceAll("~1", "/").replaceAll("~0", "~"));
    node = at.reduce((/** @type {any} */ parent, key) => parent?.[key], document);
    if (node === undefined) return undefined;
  }
  return { node, at };
}

/**
 * @param {unknown} node
 * @returns {node is { $ref: string }}
 */
function isRef(node) {
  return (
    typeof node === "object" &&
    node !== null &&
    typeof (/** @type {{ $ref?: unknown }} */ (node).$ref) === "string" &&
    /** @type {{ $ref: string }} */ (node).$ref.startsWith("#/")
  );
}

/**
 * A JSON pointer (RFC 6901) in URI fragment form, as `$ref`s write them.
 * @param {(string | number)[]} path
 * @returns {string}
 */
export function toPointer(path) {
  return `#/${path.map((key) => String(key).replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;
}
