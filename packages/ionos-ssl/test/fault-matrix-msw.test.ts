import { HttpResponse, http } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { BASE_URL, server } from "./support/server.js";

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on("unhandledRejection", onUnhandled));
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  if (unhandled.length > 0) throw new Error(`unhandled rejections: ${unhandled.length}`);
});

/** Where the matrix's redirects point: a host whose requests each case counts, and which must get none. */
const ELSEWHERE_URL = "https://elsewhere.example.test";

/** The fault's action as msw answers it. */
function answer(action: FaultAction, kind: CallKind): Response | Promise<never> {
  if (action === "reset") return HttpResponse.error();
  if (action === "hang") return new Promise<never>(() => undefined);
  if (action === "cut") {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"id": "f21ca4ad'));
        controller.error(new Error("connection closed"));
      },
    });
    return new HttpResponse(body, { headers: { "Content-Type": "application/json" } });
  }
  if (action === "endless") {
    const chunk = new Uint8Array(16 * 1024).fill(32);
    return new HttpResponse(new ReadableStream({ pull: (controller) => controller.enqueue(chunk) }), {
      status: success(kind),
    });
  }
  const headers = Object.fromEntries(
    Object.entries(action.headers ?? {}).map(([name, value]) => [name, value.replace(ELSEWHERE, ELSEWHERE_URL)]),
  );
  return new HttpResponse(action.body === "" || action.body === undefined ? null : action.body, {
    status: action.status,
    headers,
  });
}

/** This case's handlers, counting its own requests at the API and elsewhere. */
function install(fault: Fault, kind: CallKind) {
  const seen = { count: 0, elsewhere: 0 };
  server.use(
    http.all(`${BASE_URL}/v1/certificates*`, () => answer(fault.action(++seen.count, kind), kind)),
    http.all(`${ELSEWHERE_URL}/*`, () => (seen.elsewhere++, HttpResponse.json({}))),
  );
  return seen;
}

describe("fault matrix through the IONOS client, against msw", () => {
  for (const fault of FAULTS) {
    for (const kind of ["read", "write"] as const) {
      it(`${fault.name}: ${kind}`, async () => {
        const seen = install(fault, kind);
        const events: ClientEvent[] = [];
        const outcome = await callUnderFault(faultClient(BASE_URL, events, fault), kind);
        expectOutcome(outcome, fault[kind], seen.count, events);
        expect(seen.elsewhere).toBe(0);
      });
    }
  }
});
