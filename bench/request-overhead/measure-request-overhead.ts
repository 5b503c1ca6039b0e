// Request overhead: what each client adds to one certificate GET over raw fetch, against a local server answering
// fixed bytes. Server and clients run in two child processes, so neither's work shows in the other's timings.
import { runChild, startServerChild } from "../lib/child-process.ts";
import type { FixtureServerInfo } from "./fixture-server.ts";
import type { OverheadClientOptions, OverheadRow } from "./request-overhead-client.ts";

/** A contender's timings and its ratio to the raw fetch of the same operation in the same run. */
export interface OverheadResult extends OverheadRow {
  medianRatio: number;
  p99Ratio: number;
}

/** The request-overhead benchmark's results. */
export interface RequestOverheadResults {
  rounds: number;
  /** Timed calls per contender and round. */
  iterations: number;
  warmupIterations: number;
  bodyBytes: { ionos: number; dnsimple: number };
  rows: OverheadResult[];
}

/**
 * How many calls the benchmark times: `rounds` over every client (their samples pooled), `iterations` timed calls per
 * client and round, each round after `warmupIterations` untimed ones.
 */
export type RequestOverheadOptions = Omit<OverheadClientOptions, "server">;

/**
 * Starts the fixture server in one child, times every client in another, and gives each its ratio to raw fetch of
 * the same operation.
 */
export async function measureRequestOverhead(options: RequestOverheadOptions): Promise<RequestOverheadResults> {
  const { rounds, iterations, warmupIterations } = options;
  const server = await startServerChild<FixtureServerInfo>(new URL("./fixture-server.ts", import.meta.url));
  try {
    const clientOptions: OverheadClientOptions = { server: server.info, rounds, iterations, warmupIterations };
    const rows = await runChild<OverheadRow[]>(new URL("./request-overhead-client.ts", import.meta.url), [JSON.stringify(clientOptions)]);
    return {
      rounds,
      iterations,
      warmupIterations,
      bodyBytes: { ionos: server.info.ionos.bodyBytes, dnsimple: server.info.dnsimple.bodyBytes },
      rows: rows.map((row) => {
        const baseline = rows.find((candidate) => candidate.baseline && candidate.operation === row.operation);
        if (!baseline) throw new Error(`request-overhead: no raw-fetch baseline for ${row.operation}`);
        return { ...row, medianRatio: row.medianMs / baseline.medianMs, p99Ratio: row.p99Ms / baseline.p99Ms };
      }),
    };
  } finally {
    await server.stop();
  }
}
