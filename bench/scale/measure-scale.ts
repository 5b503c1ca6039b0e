// Scale: the facade's list() over growing numbers of IONOS orders (time, and the client's peak memory, which should
// stay flat), and waitForStatus on many DNSimple orders at once under a rate limit. For each scenario the sandbox
// runs in one child process and the client in another, fresh for each run.
import { runChild, startServerChild } from "../lib/child-process.ts";
import type { ListRun } from "./list-client.ts";
import type { ScaleServerInfo, ScaleServerSetup } from "./sandbox-server.ts";
import type { WaitRun, WaitSettings } from "./wait-client.ts";

const SERVER = new URL("./sandbox-server.ts", import.meta.url);

async function withServer<T>(setup: ScaleServerSetup, use: (info: ScaleServerInfo) => Promise<T>): Promise<T> {
  const server = await startServerChild<ScaleServerInfo>(SERVER, [JSON.stringify(setup)]);
  try {
    return await use(server.info);
  } finally {
    await server.stop();
  }
}

/** Lists `count` IONOS orders through the facade, for each count, each in a fresh sandbox and a fresh client process. */
export async function measureList(counts: readonly number[]): Promise<ListRun[]> {
  const runs: ListRun[] = [];
  for (const orders of counts) {
    const run = await withServer({ scenario: "ionos-list", orders }, (info) =>
      runChild<ListRun>(new URL("./list-client.ts", import.meta.url), [JSON.stringify(info)], {
        execArgv: ["--expose-gc"],
      }),
    );
    if (run.orders !== orders) throw new Error(`list: the facade listed ${run.orders} of ${orders} orders`);
    runs.push(run);
  }
  return runs;
}

/** The polling scenario: how many orders, the sandbox's rate limit and issuance times, and how the client polls. */
export interface WaitScenario {
  orders: number;
  rateLimit: { limit: number; windowMs: number };
  firstDueMs: number;
  lastDueMs: number;
  client: WaitSettings;
}

/** The polling scenario and what happened. */
export interface WaitResult {
  scenario: WaitScenario;
  run: WaitRun;
}

/** Runs waitForStatus on every order of the scenario at once. */
export async function measureWait(scenario: WaitScenario): Promise<WaitResult> {
  const { orders, rateLimit, firstDueMs, lastDueMs } = scenario;
  const run = await withServer({ scenario: "dnsimple-wait", orders, rateLimit, firstDueMs, lastDueMs }, (info) =>
    runChild<WaitRun>(new URL("./wait-client.ts", import.meta.url), [
      JSON.stringify(info),
      JSON.stringify(scenario.client),
      String(rateLimit.windowMs),
    ]),
  );
  return { scenario, run };
}
