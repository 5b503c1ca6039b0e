import { describe, expect, it } from "vitest";
import { clampDelay, MAX_TIMER_MS, sleepOn, systemClock } from "../src/clock.js";

describe("the clock", () => {
  it("clamps every pause to what a timer can hold", () => {
    expect(clampDelay(-5)).toBe(0);
    expect(clampDelay(Number.NaN)).toBe(0);
    expect(clampDelay(10)).toBe(10);
    expect(clampDelay(Number.MAX_SAFE_INTEGER)).toBe(MAX_TIMER_MS);
    expect(clampDelay(Infinity)).toBe(MAX_TIMER_MS);
  });

  it("runs deadlines in order under one timer, skipping the ones cancelled", async () => {
    const ran: string[] = [];
    const done = new Promise<void>((resolve) => systemClock.after(30, () => (ran.push("30"), resolve())));
    systemClock.after(10, () => ran.push("10"));
    const cancel = systemClock.after(5, () => ran.push("cancelled"));
    systemClock.after(20, () => ran.push("20"));
    cancel();
    await done;
    expect(ran).toEqual(["10", "20", "30"]);
  });

  it("holds a pause far past the timer's range without firing at once", async () => {
    let fired = false;
    const cancel = systemClock.after(Number.MAX_SAFE_INTEGER, () => (fired = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fired).toBe(false);
    cancel();
  });

  it("sleeps until the time is up, and stops at once when the signal aborts", async () => {
    await expect(systemClock.sleep(5)).resolves.toBeUndefined();
    const controller = new AbortController();
    const sleeping = systemClock.sleep(60_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(sleeping).rejects.toThrow("stop");
    await expect(systemClock.sleep(10, AbortSignal.abort())).rejects.toMatchObject({ name: "AbortError" });
  });

  it("cancels the timer of an aborted sleep", async () => {
    const timers: string[] = [];
    const sleep = sleepOn(() => {
      timers.push("set");
      return () => timers.push("cancelled");
    });
    const controller = new AbortController();
    const sleeping = sleep(1000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: "AbortError" });
    expect(timers).toEqual(["set", "cancelled"]);
  });
});
