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
    const segment = typeof value === "string" || typeof value === "number" ? String(value) : undefined;
    if (value === undefined || value === null || (segment !== undefined && NOT_A_SEGMENT.has(segment))) {
      throw invalidOption(
        provider,
        `${method} ${path}: path parameter "${name}" must be given, and be neither empty nor "." or ".."`,
      );
    }
  }
}
