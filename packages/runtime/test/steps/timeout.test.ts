import { describe, expect, it } from "vitest";
import type { Send } from "../../src/call.js";
import { timeoutStep } from "../../src/steps/timeout.js";
import { orderRequest, scripted, testCall, testContext } from "../support/steps.js";

describe("the timeout step", () => {
  it("counts each try and lets an answer in time through", async () => {
    const { context } = testContext();
    const call = testCall(context);
    const send = timeoutStep(scripted(Response.json({})).next, context);
    await send(orderRequest(), call);
    await send(orderRequest(), call);
    expect(call.attempts).toBe(2);
    expect(call.inFlight).toBe(false);
    expect(call.signal.aborted).toBe(false);
  });

  it("ends the call when a try runs out of time: its signal aborts, and what the try waits for is stopped", async () => {
    const { context } = testContext();
    const call = testCall(context, { timeoutMs: 20 });
    let stopped = false;
    // Below: a try that ends only when it is stopped, as a fetch that ignores its signal does once raced.
    const waiting: Send = () =>
      new Promise((_, reject) => {
        call.stop = () => ((stopped = true), reject(new DOMException("stopped", "AbortError")));
      });
    await expect(timeoutStep(waiting, context)(orderRequest(), call)).rejects.toMatchObject({ name: "AbortError" });
    expect(stopped).toBe(true);
    expect(call.timedOut).toBe(true);
    expect(call.signal.reason).toMatchObject({ name: "TimeoutError" });
    // The try was on its way when it ran out: a write's effect is then unknown.
    expect(call.inFlight).toBe(true);
  });

  it("sends nothing for a call already aborted, and is not a timeout when the caller aborts", async () => {
    const { context } = testContext();
    const call = testCall(context);
    call.abort(new DOMException("stop", "AbortError"));
    const { next, requests } = scripted(Response.json({}));
    await expect(timeoutStep(next, context)(orderRequest(), call)).rejects.toMatchObject({ name: "AbortError" });
    expect(requests).toHaveLength(0);
    expect(call.timedOut).toBe(false);
  });

  it("passes a failure from below through unchanged", async () => {
    const { context } = testContext();
    const failure = new Error("below");
    await expect(timeoutStep(scripted(failure).next, context)(orderRequest(), testCall(context))).rejects.toBe(failure);
  });
});
