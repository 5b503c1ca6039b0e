import { describe, expect, it } from "vitest";
import type { Send } from "../../src/call.js";
import { MAX_RATE_LIMIT_WAIT_MS, rateLimitStep } from "../../src/steps/rate-limit-gate.js";
import { orderRequest, testCall, testContext } from "../support/steps.js";

interface Figures {
  limit?: number;
  remaining?: number;
  resetInS?: number;
}

/** A `next` that answers with the rate-limit figures the test gives for each try, relative to the clock's now. */
function provider(now: () => number, figures: Figures[]) {
  let tries = 0;
  const next: Send = () => {
    const { limit, remaining, resetInS } = figures[Math.min(tries++, figures.length - 1)]!;
    const headers: Record<string, string> = {};
    if (limit !== undefined) headers["X-RateLimit-Limit"] = String(limit);
    if (remaining !== undefined) headers["X-RateLimit-Remaining"] = String(remaining);
    if (resetInS !== undefined) headers["X-RateLimit-Reset"] = String(Math.round(now() / 1000) + resetInS);
    return Promise.resolve(Response.json({}, { headers }));
  };
  return { next, tries: () => tries };
}

describe("the rate-limit step", () => {
  it("lets tries through while nothing is known, and records what the provider said", async () => {
    const { context } = testContext();
    const { next } = provider(() => context.clock.now(), [{ limit: 100, remaining: 99, resetInS: 60 }]);
    await rateLimitStep(next, context)(orderRequest(), testCall(context));
    expect(context.rateLimit).toMatchObject({ limit: 100, remaining: 99 });
  });

  it("holds a try until the window resets when the provider said none is left", async () => {
    const { context, sleeps } = testContext();
    const { next } = provider(
      () => context.clock.now(),
      [
        { limit: 1, remaining: 0, resetInS: 20 },
        { limit: 1, remaining: 0, resetInS: 20 },
      ],
    );
    const send = rateLimitStep(next, context);
    await send(orderRequest(), testCall(context));
    await send(orderRequest(), testCall(context));
    expect(sleeps).toEqual([20_000]);
  });

  it("does not wait longer than MAX_RATE_LIMIT_WAIT_MS: the try goes, and the provider's answer decides", async () => {
    const { context, sleeps } = testContext();
    const wait = MAX_RATE_LIMIT_WAIT_MS / 1000 + 10;
    const { next, tries } = provider(() => context.clock.now(), [{ limit: 1, remaining: 0, resetInS: wait }]);
    const send = rateLimitStep(next, context);
    await send(orderRequest(), testCall(context));
    await send(orderRequest(), testCall(context));
    expect(sleeps).toEqual([]);
    expect(tries()).toBe(2);
  });

  it("counts tries in flight as spent: with 2 left, a third try waits for an answer, and can be aborted there", async () => {
    const { context } = testContext();
    const answers: ((remaining: number) => void)[] = [];
    const next: Send = () =>
      new Promise((resolve) => {
        answers.push((remaining) =>
          resolve(
            Response.json({}, { headers: { "X-RateLimit-Limit": "10", "X-RateLimit-Remaining": String(remaining) } }),
          ),
        );
      });
    const send = rateLimitStep(next, context);
    const seed = send(orderRequest(), testCall(context));
    answers.shift()!(2);
    await seed;
    const tries = [send(orderRequest(), testCall(context)), send(orderRequest(), testCall(context))];
    const quitter = testCall(context);
    const third = send(orderRequest(), quitter);
    const fourth = send(orderRequest(), testCall(context));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(answers).toHaveLength(2);
    quitter.abort(new DOMException("gave up", "AbortError"));
    await expect(third).rejects.toMatchObject({ name: "AbortError" });
    // An answer says 5 are left, less the one still in flight: the fourth goes.
    answers.shift()!(5);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(answers).toHaveLength(2);
    for (const answer of answers.splice(0)) answer(3);
    await Promise.all([...tries, fourth]);
  });

  it("ignores a late answer about a window that is already over", async () => {
    const { context, sleeps } = testContext();
    const now = () => context.clock.now();
    const { next } = provider(now, [
      { limit: 5, remaining: 0, resetInS: -30 },
      { limit: 5, remaining: 4, resetInS: 30 },
    ]);
    const send = rateLimitStep(next, context);
    await send(orderRequest(), testCall(context));
    await send(orderRequest(), testCall(context));
    expect(sleeps).toEqual([]);
  });
});
