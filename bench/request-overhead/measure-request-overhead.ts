// Request overhead: what each client adds to one certificate GET over raw fetch and over bare openapi-fetch, against
// a local server answering fixed bytes. The server runs in a child process, and each contender in one of its own, so
// no one's work or warm code shows in another's timings. The contenders take turns in small blocks, in a shuffled
// order, so that whatever else the machine is doing falls on all of them alike.
import { startAskingChild, startServerChild, type AskingChild } from "../lib/child-process.ts";
import { quantile } from "../lib/quantile.ts";
import type { FixtureServerInfo } from "./fixture-server.ts";
import type { BlockAnswer, BlockRequest, ContenderInfo, ContenderProcessArgs } from "./request-overhead-client.ts";

/** Timings of one contender, in ms per call, with each block's median kept for ratios paired block by block. */
export interface OverheadRow {
  operation: ContenderInfo["operation"];
  name: string;
  role: ContenderInfo["role"];
  samples: number;
  medianMs: number;
  /** The 10th percentile: what a call costs when nothing else gets in its way. */
  p10Ms: number;
  p99Ms: number;
  /** The contender's process's CPU time per call (user and system), the median over blocks. */
  cpuUs: number;
  /** The median call of each block, in block order. */
  blockMedianMs: number[];
}

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

/** How many calls the benchmark times. */
export interface RequestOverheadOptions {
  /** Blocks per contender; in each, every contender makes `callsPerBlock` timed calls, in a shuffled order. */
  blocks: number;
  callsPerBlock: number;
  /** Untimed calls per contender before the first block. */
  warmupCalls: number;
}

/** The median over blocks of `row`'s block median divided by `other`'s in the same block. */
function pairedRatio(row: OverheadRow, other: OverheadRow): number {
  const ratios = row.blockMedianMs.map((median, block) => median / other.blockMedianMs[block]!);
  return quantile(
    ratios.sort((a, b) => a - b),
    0.5,
  );
}

/** A small, seeded generator (mulberry32), so that every run shuffles the same way. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

type ContenderProcess = AskingChild<ContenderInfo, BlockRequest, BlockAnswer>;

/** Starts every contender's process (the first says how many there are), each warmed up. */
async function startContenders(server: FixtureServerInfo, warmupCalls: number): Promise<ContenderProcess[]> {
  const script = new URL("./request-overhead-client.ts", import.meta.url);
  const start = (index: number) =>
    startAskingChild<ContenderInfo, BlockRequest, BlockAnswer>(script, [
      JSON.stringify({ server, index } satisfies ContenderProcessArgs),
    ]);
  const contenders = [await start(0)];
  try {
    for (let index = 1; index < contenders[0]!.info.contenders; index++) contenders.push(await start(index));
    for (const contender of contenders) await contender.ask({ calls: warmupCalls });
    return contenders;
  } catch (error) {
    await Promise.all(contenders.map((contender) => contender.stop()));
    throw error;
  }
}

/** Times every contender, block by block, and gives each one's row. */
async function timeContenders(
  contenders: readonly ContenderProcess[],
  options: RequestOverheadOptions,
): Promise<OverheadRow[]> {
  const random = seededRandom(20_261_124);
  const samples = contenders.map((): number[] => []);
  const cpu = contenders.map((): number[] => []);
  const blockMedians = contenders.map((): number[] => []);
  for (let block = 0; block < options.blocks; block++) {
    for (const index of shuffled(
      contenders.map((_, at) => at),
      random,
    )) {
      const { times, cpuUs } = await contenders[index]!.ask({ calls: options.callsPerBlock });
      samples[index]!.push(...times);
      cpu[index]!.push(cpuUs);
      blockMedians[index]!.push(
        quantile(
          times.sort((a, b) => a - b),
          0.5,
        ),
      );
    }
  }
  return contenders.map(({ info: { operation, name, role } }, index) => {
    const sorted = samples[index]!.sort((a, b) => a - b);
    return {
      operation,
      name,
      role,
      samples: sorted.length,
      medianMs: quantile(sorted, 0.5),
      p10Ms: quantile(sorted, 0.1),
      p99Ms: quantile(sorted, 0.99),
      cpuUs: quantile(
        cpu[index]!.sort((a, b) => a - b),
        0.5,
      ),
      blockMedianMs: blockMedians[index]!,
    };
  });
}

/**
 * Starts the fixture server in one child and each contender in another, times them, and gives each its ratios to
 * raw fetch and to bare openapi-fetch of the same operation.
 */
export async function measureRequestOverhead(options: RequestOverheadOptions): Promise<RequestOverheadResults> {
  const server = await startServerChild<FixtureServerInfo>(new URL("./fixture-server.ts", import.meta.url));
  try {
    const contenders = await startContenders(server.info, options.warmupCalls);
    const rows = await timeContenders(contenders, options).finally(() =>
      Promise.all(contenders.map((contender) => contender.stop())),
    );
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
