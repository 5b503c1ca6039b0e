import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** The package's OpenAPI document, parsed (the spec in the repository, never a copy). */
export function readSpec(): any {
  return parse(readFileSync(new URL("../../../../specs/resello/openapi.yaml", import.meta.url), "utf8"));
}

/** Follows a local `$ref` (`#/components/...`), or gives the node itself. */
export function resolveRef(spec: any, node: { $ref?: string }): any {
  return node.$ref
    ? node.$ref
        .split("/")
        .slice(1)
        .reduce((at: any, key: string) => at[key], spec)
    : node;
}

/** The operationId of every operation in the spec. */
export function operationIds(spec: any): string[] {
  return Object.values<Record<string, any>>(spec.paths).flatMap((item) =>
    Object.values<any>(item)
      .filter((operation) => typeof operation?.operationId === "string")
      .map((operation) => operation.operationId as string),
  );
}
