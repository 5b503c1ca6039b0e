// The client side of the polling benchmark: waitForStatus on every DNSimple order at once, through one facade client
// with a concurrency cap, against a sandbox that enforces a rate limit. A counting fetch sees every try the runtime
// sends (retries included) and its answer, so 429s are counted, not inferred.
import { createCertificateClient, isCertkitError, waitForStatus } from "@certkit/certificates";
import { dnsimple } from "@certkit/certificates/dnsimple";
import { reportResult, runAsChild } from "../lib/child-process.ts";
import type { ScaleServerInfo } from "./sandbox-server.ts";

/** How the client polls, from the command line as JSON. */
export interface WaitSettings {
  maxConcurrency: number;
  intervalMs: number;
  maxIntervalMs: number;
  maxWaitMs: number;
}

/** What the run saw. */
export interface WaitRun {
  orders: number;
  issued: number;
  /** Orders whose wait failed, by error code. */
  failures: Record<string, number>;
  /** Tries sent (every request on the wire, retries included). */
  requests: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  /** The most requests ever in flight at once. */
  maxInFlight: number;
  /** Retries the runtime made, and the pause it waited in all before them. */
  retries: number;
  retryWaitMs: number;
  elapsedMs: number;
  /** The highest rate seen: most requests sent within one rate-limit window, anywhere in the run. */
  busiestWindowRequests: number;
}

/** The most timestamps (ascending) that fall within any one span of `windowMs`. */
function busiestWindow(sentAt: readonly number[], windowMs: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < sentAt.length; last++) {
    while (sentAt[last]! - sentAt[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

runAsChild(async () => {
  const server = JSON.parse(process.argv[2] ?? "") as ScaleServerInfo;
  const settings = JSON.parse(process.argv[3] ?? "") as WaitSettings;
  const windowMs = Number(process.argv[4]);
  const sentAt: number[] = [];
  const statuses: Record<string, number> = {};
  let inFlight = 0;
  let maxInFlight = 0;
  let retries = 0;
  let retryWaitMs = 0;
  const countingFetch = async (request: Request): Promise<Response> => {
    sentAt.push(performance.now());
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    try {
      const response = await fetch(request);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      return response;
    } finally {
      inFlight--;
    }
  };
  const { token, baseUrl, account, orderIds } = server.dnsimple;
  const certs = createCertificateClient(
    dnsimple({
      token,
      baseUrl,
      accountId: account,
      fetch: countingFetch,
      maxConcurrency: settings.maxConcurrency,
      onEvent: (event) => {
        if (event.type !== "retry") return;
        retries++;
        retryWaitMs += event.delayMs;
      },
    }),
  );

  const started = performance.now();
  const outcomes = await Promise.allSettled(
    orderIds.map((id) =>
      waitForStatus(certs, id, {
        until: "issued",
        intervalMs: settings.intervalMs,
        maxIntervalMs: settings.maxIntervalMs,
        maxWaitMs: settings.maxWaitMs,
      }),
    ),
  );
  const elapsedMs = performance.now() - started;
  const failures: Record<string, number> = {};
  for (const outcome of outcomes) {
    if (outcome.status === "fulfilled") continue;
    const code = isCertkitError(outcome.reason) ? outcome.reason.code : String(outcome.reason);
    failures[code] = (failures[code] ?? 0) + 1;
  }
  const result: WaitRun = {
    orders: orderIds.length,
    issued: outcomes.filter((outcome) => outcome.status === "fulfilled").length,
    failures,
    requests: sentAt.length,
    statuses,
    maxInFlight,
    retries,
    retryWaitMs,
    elapsedMs,
    busiestWindowRequests: busiestWindow(sentAt, windowMs),
  };
  await reportResult(result);
});
