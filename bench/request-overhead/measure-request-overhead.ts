// Request overhead: what each client adds to one certificate GET over raw fetch and over bare openapi-fetch, against
// a local server answering fixed bytes. Server and clients run in two child processes, so neither's work shows in
// the other's timings.
import { runChild, startServerChild } from "../lib/child-process.ts";
import { quantile } from "../lib/quantile.ts";
import type { FixtureServerInfo } from "./fixture-server.ts";
import type { OverheadClientOptions, OverheadRow } from "./request-overhead-client.ts";

/** A contender's timings and its ratios to raw fetch and to bare openapi-fetch of the same operation in the same run. */
export interface OverheadResult extends Omit<OverheadRow, "blockMedianMs"> {
  medianRatio: number;
  p10Ratio: number;
  p99Ratio: number;
  cpuRatio: number;
  /** The median, over blocks, of this contender's median call over raw fetch's in the same block. */
  pairedRatio: number;
  /** The same, over bare openapi-fetch's: the yardstick of the certkit clients' overhead. */
  pairedToBare: number;
}

/** The request-overhead benchmark's results. */
export interface RequestOverheadResults {
  blocks: number;
  callsPerBlock: number;
  warmupCalls: number;
  bodyBytes: { ionos: number; dnsimple: number };
  rows: OverheadResult[];
}

/** How many calls the benchmark times (see {@link OverheadClientOptions}). */
export type RequestOverheadOptions = Omit<OverheadClientOptions, "server">;

/** The median over blocks of `row`'s block median divided by `other`'s in the same block. */
function pairedRatio(row: OverheadRow, other: OverheadRow): number {
  const ratios = row.blockMedianMs.map((median, block) => median / other.blockMedianMs[block]!);
  return quantile(
    ratios.sort((a, b) => a - b),
    0.5,
  );
}

/**
 * Starts the fixture server in one child, times every client in another, and gives each its ratios to raw fetch and
 * to bare openapi-fetch of the same operation.
 */
export async function measureRequestOverhead(options: RequestOverheadOptions): Promise<RequestOverheadResults> {
  const server = await startServerChild<FixtureServerInfo>(new URL("./fixture-server.ts", import.meta.url));
  try {
    const clientOptions: OverheadClientOptions = { server: server.info, ...options };
    const rows = await runChild<OverheadRow[]>(new URL("./request-overhead-client.ts", import.meta.url), [
      JSON.stringify(clientOptions),
    ]);
    const withRole = (operation: string, role: OverheadRow["role"]) => {
      const found = rows.find((candidate) => candidate.operation === operation && candidate.role === role);
      if (!found) throw new Error(`request-overhead: no ${role} for ${operation}`);
      return found;
    };
    return {
      ...options,
      bodyBytes: { ionos: server.info.ionos.bodyBytes, dnsimple: server.info.dnsimple.bodyBytes },
      rows: rows.map(({ blockMedianMs: _, ...row }) => {
        const raw = withRole(row.operation, "baseline");
        const bare = withRole(row.operation, "reference");
        const full = rows.find((candidate) => candidate.operation === row.operation && candidate.name === row.name)!;
        return {
          ...row,
          medianRatio: row.medianMs / raw.medianMs,
          p10Ratio: row.p10Ms / raw.p10Ms,
          p99Ratio: row.p99Ms / raw.p99Ms,
          cpuRatio: row.cpuUs / raw.cpuUs,
          pairedRatio: pairedRatio(full, raw),
          pairedToBare: pairedRatio(full, bare),
        };
      }),
    };
  } finally {
    await server.stop();
  }
}
