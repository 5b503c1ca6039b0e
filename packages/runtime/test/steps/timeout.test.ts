import { describe, expect, it } from "vitest";
import type { Send } from "../../src/call.js";
import { timeoutStep } from "../../src/steps/timeout.js";
import { orderRequest, scripted, testCall, testContext } from "../support/steps.js";

const never: Send = () => new Promise<never>(() => undefined);

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

  it("ends the call when a try runs out of time, even if what is below never settles", async () => {
    const { context } = testContext();
    const call = testCall(context, { timeoutMs: 20 });
    const error = await timeoutStep(never, context)(orderRequest(), call).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TimeoutError" });
    expect(call.timedOut).toBe(true);
    expect(call.signal.aborted).toBe(true);
    // The try was on its way when it ran out: a write's effect is then unknown.
    expect(call.inFlight).toBe(true);
  });

  it("fails the try at once when the call is aborted, and sends nothing for a call already aborted", async () => {
    const { context } = testContext();
    const call = testCall(context);
    const pending = timeoutStep(never, context)(orderRequest(), call);
    call.abort(new DOMException("stop", "AbortError"));
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
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
