// What the restore fuzz test reads of one provider: its type, and how each provider's file is found.
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** One GET at the simulator's base URL (path and query after it); the answer's JSON when it is JSON. */
export type ReadAt = (path: string) => Promise<unknown>;

/** How the restore fuzz test reads everything one simulator serves: its auth headers, and every read. */
export interface ProviderReads {
  /** The headers that authenticate, from the options `sandbox.clientOptions(origin, provider)` gives. */
  headers(options: Record<string, string>): Record<string, string>;
  /** Reads every list, every order and every download, through `get`. */
  readEverything(get: ReadAt, options: Record<string, string>): Promise<void>;
}

/** Every provider's reads, by provider: each file `<provider>.ts` of this folder exports `reads`. */
export async function loadProviderReads(): Promise<Map<string, ProviderReads>> {
  const files = readdirSync(import.meta.dirname).filter(
    (file) => file.endsWith(".ts") && file !== "read-everything.ts",
  );
  const loaded = await Promise.all(
    files.map(async (file) => {
      const module = (await import(join(import.meta.dirname, file))) as { reads: ProviderReads };
      return [file.replace(/\.ts$/, ""), module.reads] as const;
    }),
  );
  return new Map(loaded);
}

/** The ids `pick` finds in each item of `list`, when it is a list. */
export const ids = (list: unknown, pick: (item: Record<string, unknown>) => unknown): string[] =>
  Array.isArray(list) ? list.map((item) => String(pick(item as Record<string, unknown>))) : [];
