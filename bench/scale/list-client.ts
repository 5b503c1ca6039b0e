// The client side of the list benchmark, in a fresh process for each order count: the facade's list() over every
// IONOS certificate of the sandbox, a page at a time, keeping nothing but counts, so its memory should not grow
// with the number of orders.
import { createCertificateClient } from "@certkit/certificates";
import { ionosSsl } from "@certkit/certificates/ionos-ssl";
import { reportResult, runAsChild } from "../lib/child-process.ts";
import { trackMemory, type MemoryPeak } from "../lib/memory-peak.ts";
import type { ScaleServerInfo } from "./sandbox-server.ts";

/** One list run. */
export interface ListRun extends MemoryPeak {
  orders: number;
  requests: number;
  elapsedMs: number;
  /** How many orders had each normalized status. */
  statuses: Record<string, number>;
  /** Memory after start-up, before the first request: what the peak grew from. */
  startRssMiB: number;
  startHeapUsedMiB: number;
  /** `heapUsed` after the loop and a full garbage collection: what the listing left behind. */
  retainedHeapUsedMiB: number;
}

const MIB = 1024 * 1024;

/** A full garbage collection (the child runs with --expose-gc). */
function collectGarbage(): void {
  const { gc } = globalThis as { gc?: () => void };
  if (!gc) throw new Error("list-client.ts needs node --expose-gc");
  gc();
}

runAsChild(async () => {
  const server = JSON.parse(process.argv[2] ?? "") as ScaleServerInfo;
  let requests = 0;
  const certs = createCertificateClient(
    ionosSsl({
      ...server.ionos,
      fetch: (request) => {
        requests++;
        return fetch(request);
      },
    }),
  );
  collectGarbage();
  const start = process.memoryUsage();
  const memory = trackMemory();
  const statuses: Record<string, number> = {};
  let orders = 0;
  const started = performance.now();
  for await (const order of certs.list()) {
    orders++;
    statuses[order.status] = (statuses[order.status] ?? 0) + 1;
    if (orders % 100 === 0) memory.sample();
  }
  const elapsedMs = performance.now() - started;
  const peak = memory.stop();
  collectGarbage();
  const result: ListRun = {
    orders,
    requests,
    elapsedMs,
    statuses,
    startRssMiB: start.rss / MIB,
    startHeapUsedMiB: start.heapUsed / MIB,
    ...peak,
    retainedHeapUsedMiB: process.memoryUsage().heapUsed / MIB,
  };
  await reportResult(result);
});
