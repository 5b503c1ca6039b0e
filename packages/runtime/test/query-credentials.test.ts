import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { queryAuthStep, type ClientEvent } from "../src/index.js";
import { expectNoSecret } from "@certkit/test-kit";
import { BASE_URL, exampleClient, fakeClock, useServer } from "./support/example-api.js";

const server = useServer();
// A key in the query string, as ZeroSSL takes it (`access_key`), with characters that URL-encoding changes.
const ACCESS_KEY = "zs-KEY+7f3a/b9c2=e41d";
const withQueryKey = (overrides: Parameters<typeof exampleClient>[1] = {}) =>
  exampleClient(fakeClock().clock, {
    auth: { headers: {}, secrets: [ACCESS_KEY], step: queryAuthStep({ access_key: ACCESS_KEY }) },
    ...overrides,
  });

describe("a credential carried in the query string", () => {
  it("is set on every try, retries included, whatever the caller's params hold", async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get(`${BASE_URL}/orders`, ({ request }) => {
        const url = new URL(request.url);
        seen.push(url.searchParams.get("access_key"));
        expect(url.searchParams.getAll("access_key")).toHaveLength(1);
        expect(url.searchParams.get("reference")).toBe("ref 1");
        return seen.length === 1 ? HttpResponse.json({ error: "busy" }, { status: 503 }) : HttpResponse.json([]);
      }),
    );
    const { data } = await withQueryKey().GET("/orders", {
      params: { query: { reference: "ref 1", access_key: "the caller's own" } as never },
    });
    expect(data).toEqual([]);
    expect(seen).toEqual([ACCESS_KEY, ACCESS_KEY]);
  });

  it("never reaches an event, an error or its cause, in plain, URL-encoded or base64 form", async () => {
    server.use(
      http.get(`${BASE_URL}/orders/:id`, ({ request }) =>
        HttpResponse.json(
          { error: `no order for ${request.url} (${btoa(ACCESS_KEY)})` },
          { status: 404, headers: { "X-Request-Id": request.url } },
        ),
      ),
    );
    const events: ClientEvent[] = [];
    const { error } = await withQueryKey({ onEvent: (event) => events.push(event) }).GET("/orders/{id}", {
      params: { path: { id: "o-1" } },
    });
    expect(error?.code).toBe("NOT_FOUND");
    expect(events[0]).toMatchObject({ type: "request", url: `${BASE_URL}/orders/o-1?access_key=[REDACTED]` });
    expectNoSecret(ACCESS_KEY, error, events);
    const failing = withQueryKey({
      retry: false,
      fetch: (request) => Promise.reject(new TypeError(`could not reach ${request.url}`)),
    });
    const thrown = await failing.GET("/orders/{id}", { params: { path: { id: "o-1" } } }).catch((e: unknown) => e);
    expect(thrown).toMatchObject({ code: "NETWORK" });
    expectNoSecret(ACCESS_KEY, thrown);
  });

  it("is sent on writes too, with the body intact", async () => {
    let received: { key: string | null; body: unknown } | undefined;
    server.use(
      http.post(`${BASE_URL}/orders`, async ({ request }) => {
        received = { key: new URL(request.url).searchParams.get("access_key"), body: await request.json() };
        return HttpResponse.json({ id: "o-1", state: "pending" }, { status: 202 });
      }),
    );
    await withQueryKey().POST("/orders", { body: { domain: "shop.example.test" } });
    expect(received).toEqual({ key: ACCESS_KEY, body: { domain: "shop.example.test" } });
  });
});
