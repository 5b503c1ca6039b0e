import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transport } from "@certkit/runtime";
import { undiciTransport } from "@certkit/runtime/undici";
import type { ClientEvent } from "../src/index.js";
import {
  callUnderFault,
  ELSEWHERE,
  expectOutcome,
  faultClient,
  FAULTS,
  success,
  type CallKind,
  type Fault,
  type FaultAction,
} from "./support/faults.js";

// No msw in this file: the client talks to real node:http servers on loopback.

/** The fault's action on a real socket. Every answer closes its connection, so nothing is pooled between tries. */
function act(action: FaultAction, kind: CallKind, elsewhere: string, response: ServerResponse) {
  response.setHeader("Connection", "close");
  if (action === "reset") return void response.socket?.resetAndDestroy();
  if (action === "hang") return;
  if (action === "cut") {
    response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "500" });
    response.write('{"id": "f21ca4ad');
    setTimeout(() => response.socket?.destroy(), 5);
    return;
  }
  if (action === "endless") {
    response.writeHead(success(kind), { "Content-Type": "application/json" });
    const chunk = Buffer.alloc(16 * 1024, " ");
    const more = () => {
      while (!response.destroyed && response.write(chunk));
      if (!response.destroyed) response.once("drain", more);
    };
    response.on("error", () => undefined);
    return more();
  }
  const headers = Object.fromEntries(
    Object.entries(action.headers ?? {}).map(([name, value]) => [name, value.replace(ELSEWHERE, elsewhere)]),
  );
  response.writeHead(action.status, headers);
  response.end(action.body);
}

/** A server on 127.0.0.1 for one test case: it counts its own requests, so no count ever mixes two cases. */
async function listen(handle: (count: number, response: ServerResponse) => void) {
  let count = 0;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    handle(++count, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on("unhandledRejection", onUnhandled));
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  if (unhandled.length > 0) throw new Error(`unhandled rejections: ${unhandled.length}`);
});

async function runCase(fault: Fault, kind: CallKind, transport: Transport | undefined) {
  const elsewhere = await listen((_, response) => response.writeHead(200, { Connection: "close" }).end("{}"));
  const api = await listen((count, response) => act(fault.action(count, kind), kind, elsewhere.url, response));
  try {
    const events: ClientEvent[] = [];
    const outcome = await callUnderFault(faultClient(`${api.url}/ssl`, events, fault, transport), kind);
    expectOutcome(outcome, fault[kind], api.count(), events);
    expect(elsewhere.count()).toBe(0);
  } finally {
    await Promise.all([api.close(), elsewhere.close()]);
  }
}

for (const [name, transport] of [
  ["fetch", undefined],
  ["undici's Dispatcher API", undiciTransport()],
] as const) {
  describe(`fault matrix through the IONOS client on ${name}, against a real HTTP server on loopback`, () => {
    for (const fault of FAULTS) {
      for (const kind of ["read", "write"] as const) {
        it(`${fault.name}: ${kind}`, () => runCase(fault, kind, transport));
      }
    }
  });
}
