/** Names that would reach an object's prototype instead of a field. */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `certificate[name]` → `["certificate", "name"]`; `tags[]` → `["tags", ""]`; `undefined` for a name Rails would not nest. */
function pathOf(name: string): string[] | undefined {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
  if (!match) return undefined;
  const [, head = "", brackets = ""] = match;
  return [head, ...Array.from(brackets.matchAll(/\[([^[\]]*)\]/g), (segment) => segment[1] ?? "")];
}

function assign(target: Record<string, unknown>, path: readonly string[], value: string): void {
  const [key, ...rest] = path;
  if (key === undefined || UNSAFE_KEYS.has(key)) return;
  if (rest.length === 0) {
    target[key] = value;
    return;
  }
  if (rest.length === 1 && rest[0] === "") {
    const list = Array.isArray(target[key]) ? (target[key] as unknown[]) : [];
    list.push(value);
    target[key] = list;
    return;
  }
  const child = isRecord(target[key]) ? target[key] : {};
  target[key] = child;
  assign(child, rest, value);
}

/**
 * Reads form fields the way v1's Rails application did: bracketed names nest, so
 * `certificate[name]=www&certificate[contact_id]=1` becomes `{certificate: {name: "www", contact_id: "1"}}`, and
 * `field[]` collects an array. Values stay strings, as in any form; names that do not parse are dropped.
 */
export function decodeRailsForm(form: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of form) {
    const path = pathOf(name);
    if (path) assign(root, path, value);
  }
  return root;
}
