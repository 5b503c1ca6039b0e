import { HttpResponse, http } from "msw";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { ClientEvent } from "../src/index.js";
import { callUnderFault, expectOutcome, faultClient, FAULTS, type CallKind, type Fault, type FaultAction } from "./support/faults.js";
import { BASE_URL, server } from "./support/server.js";

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on("unhandledRejection", onUnhandled));
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  if (unhandled.length > 0) throw new Error(`unhandled rejections: ${unhandled.length}`);
});

/** The fault's action as msw answers it. */
function answer(action: FaultAction): Response | Promise<never> {
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
  return new HttpResponse(action.body === "" ? null : action.body, { status: action.status, headers: action.headers });
}

function install(fault: Fault, kind: CallKind) {
  const seen = { count: 0 };
  server.use(http.all(`${BASE_URL}/v1/certificates*`, () => answer(fault.action(++seen.count, kind))));
  return seen;
}

describe("fault matrix through the IONOS client, against msw", () => {
  for (const fault of FAULTS) {
    for (const kind of ["read", "write"] as const) {
      it(`${fault.name}: ${kind}`, async () => {
        const seen = install(fault, kind);
        const events: ClientEvent[] = [];
        const outcome = await callUnderFault(faultClient(BASE_URL, events), kind);
        expectOutcome(outcome, fault[kind], seen.count, events);
      });
    }
  }
});
