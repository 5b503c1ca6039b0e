import { describe, expect, it } from "vitest";
import type { OutgoingRequest } from "../../src/call.js";
import { networkError } from "../../src/call-errors.js";
import { retryStep } from "../../src/steps/retry.js";
import { orderRequest, scripted, testCall, testContext } from "../support/steps.js";

describe("the retry step", () => {
  it("sends a read again when the classifier says it may succeed, waiting as it says, then returns the answer", async () => {
    const { context, events, sleeps } = testContext();
    const call = testCall(context);
    const { next, requests } = scripted(
      () => (call.attempts++, new Response(null, { status: 503 })),
      () => (call.attempts++, new Response(null, { status: 429, headers: { "Retry-After": "2" } })),
      () => (call.attempts++, Response.json({})),
    );
    const response = await retryStep(next, context)(orderRequest(), call);
    expect(response.status).toBe(200);
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([250, 2000]);
    expect(events.map((event) => (event.type === "retry" ? event.reason : event.type))).toEqual([
      "HTTP 503",
      "HTTP 429",
    ]);
  });

  it("returns an answer the classifier does not retry, and the last one when the policy allows no more", async () => {
    const { context } = testContext();
    for (const [status, tries] of [
      [501, 1],
      [404, 1],
      [503, 3],
    ] as const) {
      const call = testCall(context);
      const { next, requests } = scripted(() => (call.attempts++, new Response(null, { status })));
      expect((await retryStep(next, context)(orderRequest(), call)).status).toBe(status);
      expect(requests).toHaveLength(tries);
    }
  });

  it("retries a failure whose error is retryable, and throws the last one", async () => {
    const { context } = testContext();
    const call = testCall(context);
    const { next, requests } = scripted(() => {
      call.attempts++;
      throw networkError(call, new TypeError("fetch failed"));
    });
    await expect(retryStep(next, context)(orderRequest(), call)).rejects.toMatchObject({
      code: "NETWORK",
      message: "Example API: GET /orders/{id} got no answer after 3 tries: fetch failed",
    });
    expect(requests).toHaveLength(3);
  });

  it("never retries once the call is over (a timeout or an abort), nor an error that is not a CertkitError", async () => {
    const { context } = testContext();
    const over = testCall(context);
    const { next, requests } = scripted(() => {
      over.abort(new DOMException("late", "TimeoutError"));
      throw networkError(over, new TypeError("fetch failed"));
    });
    await expect(retryStep(next, context)(orderRequest(), over)).rejects.toMatchObject({ code: "NETWORK" });
    expect(requests).toHaveLength(1);
    const strange = scripted(new Error("middleware bug"));
    await expect(retryStep(strange.next, context)(orderRequest(), testCall(context))).rejects.toThrow("middleware bug");
    expect(strange.requests).toHaveLength(1);
  });

  it("sends a write refused with 429 again with the same bytes, and a write that failed with a 503 only once", async () => {
    const { context } = testContext();
    const post = () => orderRequest({ method: "POST", body: '{"domain":"a.example.test"}' });
    const refused = testCall(context, { method: "POST" });
    const bodies: string[] = [];
    const { next } = scripted(() => {
      refused.attempts++;
      return new Response(null, { status: bodies.length === 1 ? 429 : 201 });
    });
    const recording = (request: OutgoingRequest, call: typeof refused) =>
      request
        .clone()
        .text()
        .then((text) => (bodies.push(text), next(request, call)));
    expect((await retryStep(recording, context)(post(), refused)).status).toBe(201);
    expect(bodies).toEqual(['{"domain":"a.example.test"}', '{"domain":"a.example.test"}']);
    const failed = testCall(context, { method: "POST" });
    const once = scripted(() => (failed.attempts++, new Response(null, { status: 503 })));
    expect((await retryStep(once.next, context)(post(), failed)).status).toBe(503);
    expect(once.requests).toHaveLength(1);
  });

  it("sends once with retry: false", async () => {
    const { context } = testContext();
    const { next, requests } = scripted(new Response(null, { status: 503 }));
    await retryStep(next, context)(orderRequest(), testCall(context, { retry: false }));
    expect(requests).toHaveLength(1);
  });
});
