import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { composeApiClient, retryStep, type ClientEvent } from "../src/index.js";
import { BASE_URL, exampleConfig as config, SECRET, useServer, type paths } from "./support/example-api.js";

const server = useServer();
const getOrder = (client: ReturnType<typeof composeApiClient<paths>>) =>
  client.GET("/orders/{id}", { params: { path: { id: "o-1" } } });

describe("composeApiClient", () => {
  it("with no steps, sends each call once and still turns answers into CertkitErrors", async () => {
    let tries = 0;
    server.use(
      http.get(
        `${BASE_URL}/orders/:id`,
        () => (tries++, HttpResponse.json({ error: `busy ${SECRET}` }, { status: 503 })),
      ),
    );
    const events: ClientEvent[] = [];
    const client = composeApiClient<paths>(config({ onEvent: (event) => events.push(event) }));
    const { error } = await getOrder(client);
    expect(tries).toBe(1);
    expect(error).toMatchObject({
      code: "PROVIDER",
      status: 503,
      retryable: true,
      message: `Example API: GET /orders/{id} failed with HTTP 503 Service Unavailable: busy [REDACTED]`,
    });
    // Without the events step, only the failed call is reported; without the rate-limit step, nothing is counted.
    expect(events.map((event) => event.type)).toEqual(["error"]);
    expect(client.rateLimit).toBeUndefined();
  });

  it("with no steps, still refuses redirects, caps answers and bounds each try", async () => {
    server.use(
      http.get(
        `${BASE_URL}/orders/:id`,
        () => new HttpResponse(null, { status: 302, headers: { Location: "https://elsewhere.example.test/" } }),
      ),
      http.post(`${BASE_URL}/orders`, () => new Promise<never>(() => undefined)),
    );
    const client = composeApiClient<paths>(config());
    await expect(getOrder(client)).rejects.toMatchObject({ code: "PROVIDER", status: 302 });
    await expect(client.POST("/orders", { body: { domain: "a.example.test" }, timeoutMs: 30 })).rejects.toMatchObject({
      code: "TIMEOUT",
      effectUnknown: true,
    });
  });

  it("takes only the steps it is given: here, retries", async () => {
    let tries = 0;
    server.use(
      http.get(`${BASE_URL}/orders/:id`, () =>
        ++tries < 2 ? HttpResponse.json({}, { status: 503 }) : HttpResponse.json({ id: "o-1", state: "issued" }),
      ),
    );
    const { data } = await getOrder(
      composeApiClient<paths>(config({ retry: { baseDelayMs: 1 } }), { retry: retryStep }),
    );
    expect(data?.state).toBe("issued");
    expect(tries).toBe(2);
  });

  it("checks maxResponseBytes", () => {
    expect(() => composeApiClient<paths>(config({ maxResponseBytes: 0 }))).toThrow(
      'example: option "maxResponseBytes" must be a whole number of at least 1',
    );
  });
});
