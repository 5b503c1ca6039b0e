import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ClientEvent } from "../src/index.js";
import { BASE_URL, SECRET, exampleClient, fakeClock, useServer } from "./support/example-api.js";

const server = useServer();
afterEach(() => vi.restoreAllMocks());

function failingOnce() {
  let count = 0;
  server.use(
    http.get(`${BASE_URL}/orders/:id`, () =>
      count++ === 0
        ? HttpResponse.json({ error: "busy" }, { status: 503 })
        : HttpResponse.json({ id: "o-1", state: "issued" }),
    ),
  );
}

describe("onEvent", () => {
  it("reports each try, each answer and each retry, with timings", async () => {
    failingOnce();
    const events: ClientEvent[] = [];
    const { clock } = fakeClock(0.5);
    await exampleClient(clock, { onEvent: (event) => events.push(event) }).GET("/orders/{id}", {
      params: { path: { id: "o-1" } },
    });
    const base = { provider: "example", method: "GET", path: "/orders/{id}" };
    expect(events).toEqual([
      { type: "request", ...base, url: `${BASE_URL}/orders/o-1`, attempt: 1 },
      { type: "response", ...base, attempt: 1, status: 503, durationMs: expect.any(Number) },
      { type: "retry", ...base, attempt: 1, delayMs: 250, reason: "HTTP 503" },
      { type: "request", ...base, url: `${BASE_URL}/orders/o-1`, attempt: 2 },
      { type: "response", ...base, attempt: 2, status: 200, durationMs: expect.any(Number) },
    ]);
  });

  it("reports a failed call once, with the error the caller gets, redacted", async () => {
    server.use(
      http.post(`${BASE_URL}/orders`, () => HttpResponse.json({ error: `bad key ${SECRET}` }, { status: 401 })),
    );
    const events: ClientEvent[] = [];
    const { error } = await exampleClient(fakeClock().clock, { onEvent: (event) => events.push(event) }).POST(
      "/orders",
      {
        body: { domain: "a.example.test" },
      },
    );
    const failure = events.find((event) => event.type === "error");
    expect(failure).toEqual({
      type: "error",
      provider: "example",
      method: "POST",
      path: "/orders",
      error,
      attempts: 1,
      durationMs: expect.any(Number),
    });
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });

  it("removes secrets from the URL it reports", async () => {
    server.use(http.get(`${BASE_URL}/orders`, () => HttpResponse.json([])));
    const events: ClientEvent[] = [];
    await exampleClient(fakeClock().clock, { onEvent: (event) => events.push(event) }).GET("/orders", {
      params: { query: { reference: SECRET } },
    });
    expect(events[0]).toMatchObject({ type: "request", url: `${BASE_URL}/orders?reference=[REDACTED]` });
  });

  it("cannot fail the call it observes", async () => {
    failingOnce();
    const client = exampleClient(fakeClock().clock, {
      onEvent: () => {
        throw new Error("listener bug");
      },
    });
    const { data } = await client.GET("/orders/{id}", { params: { path: { id: "o-1" } } });
    expect(data?.id).toBe("o-1");
  });

  it("is the only output: nothing is printed by default", async () => {
    const printed = (["log", "info", "warn", "error", "debug"] as const).map((name) => vi.spyOn(console, name));
    server.use(http.get(`${BASE_URL}/orders/:id`, () => HttpResponse.error()));
    await exampleClient(fakeClock().clock)
      .GET("/orders/{id}", { params: { path: { id: "o-1" } } })
      .catch(() => undefined);
    for (const spy of printed) expect(spy).not.toHaveBeenCalled();
  });

  it("must be a function", () => {
    expect(() => exampleClient(fakeClock().clock, { onEvent: "log" as never })).toThrow(
      'option "onEvent" must be a function',
    );
  });
});
