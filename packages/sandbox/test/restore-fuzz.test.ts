import { getResponse, type HttpHandler } from "msw";
import { describe, expect, it } from "vitest";
import {
  createSandbox,
  SANDBOX_PROVIDERS,
  SandboxClock,
  type Sandbox,
  type SandboxProvider,
  type SandboxSnapshot,
} from "../src/index.js";
import { loadProviderReads } from "./support/restore-reads/read-everything.ts";

// A state file is input too: edited by hand, cut down, or saved by another version. Every field of every seeded
// order is spoiled in turn (null, a number, a string, an object, an array, a boolean, a date that is no date); a
// restore must either refuse the state or leave a sandbox whose every read answers without a 5xx.

const ORIGIN = "https://restore.example.test";
const SPOILERS: unknown[] = [null, 7, "x", {}, [], true, -1, "2026-99-99T00:00:00.000Z"];

/** Every path to a value inside `value`, objects and arrays included. */
function paths(value: unknown, path: string[] = []): string[][] {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [[...path, key], ...paths(child, [...path, key])]);
}

function spoiled(
  snapshot: SandboxSnapshot,
  provider: SandboxProvider,
  path: string[],
  spoiler: unknown,
): SandboxSnapshot {
  const copy = structuredClone(snapshot);
  let parent = copy.providers[provider] as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  parent[path.at(-1)!] = spoiler;
  return copy;
}

// How each provider is read is in test/support/restore-reads/<provider>.ts: a new simulator brings its own file.
const READS = await loadProviderReads();

/** Reads every list, every order and every download of one provider, in process; returns each answer's status. */
async function readEverything(sandbox: Sandbox, handlers: HttpHandler[], provider: SandboxProvider): Promise<number[]> {
  const options = sandbox.clientOptions(ORIGIN, provider) as Record<string, string>;
  const base = options.baseUrl!;
  const reads = READS.get(provider);
  if (reads === undefined) throw new Error(`test/support/restore-reads/${provider}.ts is missing`);
  const headers = reads.headers(options);
  const statuses: number[] = [];
  const get = async (path: string): Promise<unknown> => {
    const response =
      (await getResponse(handlers, new Request(`${base}${path}`, { headers }))) ?? new Response(null, { status: 404 });
    statuses.push(response.status);
    return response.ok && response.headers.get("content-type")?.includes("json") ? response.json() : undefined;
  };
  await reads.readEverything(get, options);
  return statuses;
}

it("has the reads of every simulator, and of no other", () => {
  expect([...READS.keys()].sort()).toEqual([...SANDBOX_PROVIDERS].sort());
});

describe.each(SANDBOX_PROVIDERS)("a restored %s state with one field spoiled", (provider) => {
  it("is refused, or serves every read without a 5xx", { timeout: 300_000 }, async () => {
    const clock = () => new SandboxClock({ frozenAt: new Date("2026-04-01T00:00:00Z") });
    const good = await (await createSandbox({ clock: clock(), seed: true })).snapshot();
    const sandbox = await createSandbox({ clock: clock() });
    const handlers = sandbox.handlers(ORIGIN);
    const served: string[] = [];
    let refused = 0;
    let accepted = 0;
    for (const path of paths(good.providers[provider])) {
      for (const spoiler of SPOILERS) {
        try {
          await sandbox.restore(spoiled(good, provider, path, spoiler));
        } catch (problem) {
          expect(problem).toBeInstanceOf(TypeError);
          refused++;
          continue;
        }
        accepted++;
        const statuses = await readEverything(sandbox, handlers, provider);
        if (statuses.some((status) => status >= 500))
          served.push(`${path.join("/")} = ${JSON.stringify(spoiler)}: ${statuses.join(",")}`);
      }
    }
    expect(served).toEqual([]);
    // Both outcomes happen: fields the sandbox never reads may hold anything; the rest are refused.
    expect(refused).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
  });
});
