// Takes the documentation off schemas that wrap others before api-smart-diff compares two specs.
//
// The library rewrites a schema whose `$ref`, `allOf`, `anyOf` or `oneOf` has sibling keywords (it wraps the
// `$ref` in an `allOf` and copies the siblings into each branch), but only on the side that has them. A
// description added next to a `$ref` then reads as the referenced schema replaced by another: every property
// removed, an `allOf` added, a major bump for a documentation change. With the annotations taken off both
// sides the library compares the wrapped schemas alone, and this module reports the annotations' own changes.

import { isDeepStrictEqual } from "node:util";

/** @typedef {import("api-smart-diff").Diff} Diff */

/** Keywords that document a schema and do not change what it accepts. */
const ANNOTATIONS = ["title", "description", "summary", "example", "examples", "$comment", "externalDocs"];

/** Keywords with which a schema wraps other schemas. */
const WRAPPERS = ["$ref", "allOf", "anyOf", "oneOf"];

/**
 * Removes the annotations of every node that wraps other schemas with the same keyword in both documents, at
 * the same place, and lists how they differ, as api-smart-diff would.
 * @param {unknown} before  a copy of the old document, changed in place
 * @param {unknown} after   a copy of the new document, changed in place
 * @returns {Diff[]}  the annotation changes, with paths into both documents
 */
export function takeWrapperAnnotations(before, after) {
  /** @type {Diff[]} */
  const diffs = [];
  /**
   * @param {unknown} old
   * @param {unknown} current
   * @param {(string | number)[]} path
   */
  const visit = (old, current, path) => {
    if (!isObject(old) || !isObject(current)) return;
    if (!Array.isArray(old) && !Array.isArray(current) && WRAPPERS.some((key) => key in old && key in current)) {
      for (const key of ANNOTATIONS) {
        const [was, is] = [old[key], current[key]];
        delete old[key];
        delete current[key];
        const at = [...path, key];
        if (was === undefined && is !== undefined)
          diffs.push({ type: "annotation", action: "add", path: at, after: is });
        else if (was !== undefined && is === undefined)
          diffs.push({ type: "annotation", action: "remove", path: at, before: was });
        else if (!isDeepStrictEqual(was, is))
          diffs.push({ type: "annotation", action: "replace", path: at, before: was, after: is });
      }
    }
    for (const key of Object.keys(old)) {
      // Example values are data: an object in one may have any keys, `$ref` included.
      if (key in current && !ANNOTATIONS.includes(key))
        visit(old[key], current[key], [...path, Array.isArray(old) ? Number(key) : key]);
    }
  };
  visit(before, after, []);
  return diffs;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === "object" && value !== null;
}
