import { readFile } from "node:fs/promises";
import { CertkitError } from "@certkit/certificates";
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import { fleetFileSchema, type FleetFile } from "./fleet-file-schema.js";

/** One problem in a fleet file: where (line and column from 1, and the field's path) and what. */
export interface FleetFileProblem {
  line: number;
  column: number;
  /** The field, e.g. `certificates[2].names[0]`; empty for the whole file. */
  path: string;
  message: string;
}

/** Writes a field path as a reader looks for it: `certificates[2].names[0]`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`))
    .join("");
}

/** The position of the deepest node of the document that `path` reaches (the parent of a field that is missing). */
function positionOf(
  document: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      const { line, col } = lines.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return { line: 1, column: 1 };
}

/**
 * Reads a fleet file's text (YAML, or JSON, which is YAML too) and checks it.
 * @throws CertkitError `INVALID_INPUT` whose message lists every problem with its line, column and field, and whose
 *   `fieldErrors` has the same by field.
 */
export function parseFleetFile(text: string, fileName = "fleet file"): FleetFile {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: FleetFileProblem[] = document.errors.map((error) => {
    // By offset: the parser sets `linePos` only with its pretty errors, which rewrite the message.
    const { line, col } = lines.linePos(error.pos[0]);
    return { line, column: col, path: "", message: error.message.split("\n")[0]! };
  });
  let value: unknown;
  if (problems.length === 0) {
    try {
      value = document.toJS();
    } catch (error) {
      // Aliases that would expand without end (a "billion laughs" file) are refused while the value is built.
      problems.push({ line: 1, column: 1, path: "", message: error instanceof Error ? error.message : String(error) });
    }
  }
  if (problems.length === 0) {
    const checked = fleetFileSchema.safeParse(value);
    if (checked.success) return checked.data;
    for (const issue of checked.error.issues) {
      problems.push({
        ...positionOf(document, lines, issue.path),
        path: formatPath(issue.path),
        message: issue.message,
      });
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  const described = problems.map(
    (problem) =>
      `${fileName}:${problem.line}:${problem.column}: ${problem.path === "" ? "" : `${problem.path}: `}${problem.message}`,
  );
  const fieldErrors: Record<string, string[]> = {};
  for (const [index, problem] of problems.entries()) (fieldErrors[problem.path] ??= []).push(described[index]!);
  throw new CertkitError({
    code: "INVALID_INPUT",
    provider: "fleet",
    message: `${fileName} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n${described.join("\n")}`,
    fieldErrors,
  });
}

/**
 * Reads and checks a fleet file.
 * @throws CertkitError `INVALID_INPUT` when it cannot be read or is not a valid fleet file (see {@link parseFleetFile}).
 */
export async function loadFleetFile(path: string): Promise<FleetFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CertkitError({
      code: "INVALID_INPUT",
      provider: "fleet",
      message: `cannot read the fleet file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    });
  }
  return parseFleetFile(text, path);
}
