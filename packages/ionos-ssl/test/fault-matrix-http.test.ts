import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { ClientEvent } from "../src/index.js";
import { callUnderFault, expectOutcome, faultClient, FAULTS, type CallKind, type Fault, type FaultAction } from "./support/faults.js";

// No msw in this file: the client talks to a real node:http server on loopback.
let current: { fault: Fault; kind: CallKind; count: number } | undefined;
const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  request.resume();
  if (!current) return void response.writeHead(500).end();
  act(current.fault.action(++current.count, current.kind), response);
});

/**
 * The fault's action on a real socket. Every answer closes its connection, so that no test inherits a pooled socket
 * that an earlier test's fault broke (the client would then see a failure this test did not cause).
 */
function act(action: FaultAction, response: ServerResponse) {
  response.setHeader("Connection", "close");
  if (action === "reset") return void response.socket?.resetAndDestroy();
  if (action === "hang") return;
  if (action === "cut") {
    response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "500" });
    response.write('{"id": "f21ca4ad');
    setTimeout(() => response.socket?.destroy(), 5);
    return;
  }
  response.writeHead(action.status, action.headers);
  response.end(action.body);
}

let baseUrl = "";
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ssl`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  process.off("unhandledRejection", onUnhandled);
  if (unhandled.length > 0) throw new Error(`unhandled rejections: ${unhandled.length}`);
});

describe("fault matrix through the IONOS client, against a real HTTP server on loopback", () => {
  for (const fault of FAULTS) {
    for (const kind of ["read", "write"] as const) {
      it(`${fault.name}: ${kind}`, async () => {
        current = { fault, kind, count: 0 };
        const events: ClientEvent[] = [];
        const outcome = await callUnderFault(faultClient(baseUrl, events), kind);
        expectOutcome(outcome, fault[kind], current.count, events);
        // A hung request holds its socket: drop it.
        server.closeAllConnections();
      });
    }
  }
});
