import { describe, expect, it } from "vitest";
import type { Send } from "../../src/call.js";
import { concurrencyStep } from "../../src/steps/concurrency.js";
import { orderRequest, testCall, testContext } from "../support/steps.js";

/** A `next` whose answers the test releases one by one, in the order the tries arrived. */
function gated() {
  const arrived: string[] = [];
  const release: (() => void)[] = [];
  const next: Send = (request) =>
    new Promise((resolve) => {
      arrived.push(new URL(request.url).searchParams.get("n") ?? "");
      release.push(() => resolve(Response.json({})));
    });
  return { next, arrived, release };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the concurrency step", () => {
  it("hands slots over in order of arrival, skipping callers who gave up, and sends nothing for them", async () => {
    const { context } = testContext({ maxConcurrency: 1 });
    const { next, arrived, release } = gated();
    const send = concurrencyStep(next, context);
    const request = (n: string) => new Request(`https://api.example.test/v1/orders?n=${n}`);
    const first = send(request("first"), testCall(context));
    const a = send(request("a"), testCall(context));
    const quitter = testCall(context);
    const b = send(request("b"), quitter);
    const c = send(request("c"), testCall(context));
    quitter.abort(new DOMException("gave up", "AbortError"));
    await expect(b).rejects.toMatchObject({ name: "AbortError" });
    for (let i = 0; i < 3; i++) {
      await tick();
      release.shift()?.();
    }
    await Promise.all([first, a, c]);
    expect(arrived).toEqual(["first", "a", "c"]);
  });

  it("frees the slot when a try fails", async () => {
    const { context } = testContext({ maxConcurrency: 1 });
    let calls = 0;
    const send = concurrencyStep(
      () => (calls++ === 0 ? Promise.reject(new Error("boom")) : Promise.resolve(Response.json({}))),
      context,
    );
    await expect(send(orderRequest(), testCall(context))).rejects.toThrow("boom");
    await expect(send(orderRequest(), testCall(context))).resolves.toBeInstanceOf(Response);
  });

  it("is not in the stack with no cap", () => {
    const { context } = testContext({ maxConcurrency: Infinity });
    const next: Send = () => Promise.resolve(Response.json({}));
    expect(concurrencyStep(next, context)).toBe(next);
  });

  it("rejects a call already aborted without queueing it", async () => {
    const { context } = testContext({ maxConcurrency: 1 });
    const { next } = gated();
    const send = concurrencyStep(next, context);
    void send(orderRequest(), testCall(context));
    const aborted = testCall(context);
    aborted.abort(new DOMException("no", "AbortError"));
    await expect(send(orderRequest(), aborted)).rejects.toMatchObject({ name: "AbortError" });
  });
});
