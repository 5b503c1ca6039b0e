import { useMswServer } from "@certkit/test-kit";
import { createClientWithClock } from "../../src/api-client.js";
import type { ApiClientConfig } from "../../src/index.js";
import { sleepOn, type Clock } from "../../src/clock.js";

/** A small API with a read and a write, enough to drive the client the way a generated `paths` does. */
export interface paths {
  "/orders/{id}": {
    get: {
      parameters: { path: { id: string } };
      responses: {
        200: { content: { "application/json": { id: string; state: string } } };
        404: { content: { "application/json": { error: string } } };
      };
    };
  };
  "/orders": {
    get: {
      parameters: { query: { reference: string } };
      responses: { 200: { content: { "application/json": { id: string; state: string }[] } } };
    };
    post: {
      requestBody: { content: { "application/json": { domain: string; reference?: string } } };
      responses: {
        202: { content: { "application/json": { id: string; state: string } } };
        400: { content: { "application/json": { error: string; fields?: Record<string, string[]> } } };
      };
    };
  };
}

export const BASE_URL = "https://api.example.test/v1";
export const SECRET = "tok-SECRET-4e1d-9b7a";

/** The msw server of the calling file's tests (see `useMswServer`). */
export function useServer() {
  return useMswServer().server;
}

/** A timer of its own for each deadline, on real time. */
const realTimer: Clock["after"] = (ms, run) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * A clock whose sleeps return at once and move time on to their end, recording each wait: waits that start together
 * end together, as on a real clock. Timers (the per-try timeout) run on real time, so a test of a timeout waits its
 * few milliseconds.
 */
export function fakeClock(random = 0.5) {
  let now = Date.UTC(2026, 10, 23, 12, 0, 0);
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => now,
    random: () => random,
    after: realTimer,
    sleep: (ms, signal) => {
      if (signal?.aborted) return Promise.reject(new Error("aborted"));
      sleeps.push(ms);
      const end = now + ms;
      return Promise.resolve().then(() => {
        now = Math.max(now, end);
      });
    },
  };
  return { clock, sleeps };
}

/** The real clock's timers with a fixed jitter, for tests where an abort must land during a wait. */
export function realTimeClock(random = 1): Clock {
  return { now: Date.now, random: () => random, after: realTimer, sleep: sleepOn(realTimer) };
}

/** The example API's client settings, as a provider package writes them. */
export function exampleConfig(overrides: Partial<ApiClientConfig> = {}): ApiClientConfig {
  return {
    provider: "example",
    apiName: "Example API",
    packageName: "@certkit/example",
    packageVersion: "1.0.0",
    baseUrl: BASE_URL,
    auth: { headers: { Authorization: `Bearer ${SECRET}` }, secrets: [SECRET] },
    describeError: (body) => {
      const { error, fields } = body as { error?: string; fields?: Record<string, string[]> };
      return { message: error, fieldErrors: fields };
    },
    ...overrides,
  };
}

/** A client of the example API; time is `clock`'s. */
export function exampleClient(clock: Clock, overrides: Partial<ApiClientConfig> = {}) {
  return createClientWithClock<paths>(exampleConfig(overrides), clock);
}
