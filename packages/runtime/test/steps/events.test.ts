import { describe, expect, it } from "vitest";
import { eventsStep } from "../../src/steps/events.js";
import { SECRET } from "../support/example-api.js";
import { scripted, testCall, testContext } from "../support/steps.js";

describe("the events step", () => {
  it("is not in the stack at all without a listener", () => {
    const { context } = testContext({ emit: undefined });
    const { next } = scripted(Response.json({}));
    expect(eventsStep(next, context)).toBe(next);
  });

  it("reports each try with its URL redacted, and its answer with status and time", async () => {
    const { context, events } = testContext();
    const call = testCall(context);
    call.attempts = 1;
    await eventsStep(scripted(new Response(null, { status: 204 })).next, context)(
      new Request(`https://api.example.test/v1/orders?key=${encodeURIComponent(SECRET)}`),
      call,
    );
    expect(events).toEqual([
      {
        type: "request",
        provider: "example",
        method: "GET",
        path: "/orders/{id}",
        url: "https://api.example.test/v1/orders?key=[REDACTED]",
        attempt: 1,
      },
      {
        type: "response",
        provider: "example",
        method: "GET",
        path: "/orders/{id}",
        attempt: 1,
        status: 204,
        durationMs: 0,
      },
    ]);
  });
});
