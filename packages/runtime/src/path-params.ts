import { invalidOption } from "./options.js";

const PLACEHOLDER = /\{([^{}]+)\}/g;

/**
 * What URL resolution makes of a path segment that is empty or a dot segment: `{id}` = `..` sends
 * `/v1/certificates/..`, which is `/v1/`, another endpoint.
 */
const NOT_A_SEGMENT = new Set(["", ".", ".."]);

/** The placeholders of each path template seen, so that a call does not parse its template again. */
const placeholdersByPath = new Map<string, readonly string[]>();

/** Templates come from a spec, so few; past this many (paths built at run time) they are parsed every time. */
const MAX_TEMPLATES_KEPT = 1024;

function placeholdersOf(path: string): readonly string[] {
  let names = placeholdersByPath.get(path);
  if (names === undefined) {
    names = Array.from(path.matchAll(PLACEHOLDER), (match) => match[1]!);
    if (placeholdersByPath.size < MAX_TEMPLATES_KEPT) placeholdersByPath.set(path, names);
  }
  return names;
}

/**
 * Checks the values a call gives a path template's placeholders, before anything is sent: each must be there, and
 * none may be empty or `.`/`..`. openapi-fetch leaves a missing one as `{name}` and sends the others as they are,
 * so the request would reach another endpoint than the one called.
 *
 * @throws CertkitError `INVALID_INPUT` naming the parameter (never its value).
 */
export function checkPathParams(provider: string, method: string, path: string, params: unknown): void {
  if (!path.includes("{")) return;
  const given = (params as { path?: Record<string, unknown> } | undefined)?.path;
  for (const name of placeholdersOf(path)) {
    const value = given?.[name];
    // Only a text or a number is one segment: openapi-fetch joins an array's items (`[".."]` is `..`) and an
    // object's entries into the path as they are.
    if ((typeof value !== "string" && typeof value !== "number") || NOT_A_SEGMENT.has(String(value))) {
      throw invalidOption(
        provider,
        `${method} ${path}: path parameter "${name}" must be given as a text or a number, and be neither empty nor "." or ".."`,
      );
    }
  }
}
