import { describe, expect, it } from "vitest";
import { createApiClient } from "../src/index.js";
import { undiciTransport } from "../src/undici/index.js";
import { exampleConfig, SECRET, type paths } from "./support/example-api.js";
import { startLoopbackServer } from "@certkit/test-kit";

/** A server answering every request with order o-1, and headers a client reads. */
const orderServer = () =>
  startLoopbackServer((_, response) =>
    response
      .writeHead(200, {
        "Content-Type": "application/json",
        "X-Request-Id": "r-1",
        "Set-Cookie": ["a=1", "b=2"],
        "X-RateLimit-Remaining": "9",
      })
      .end(JSON.stringify({ id: "o-1", state: "issued" })),
  );

describe("the undici transport", () => {
  it("answers as a Response does: status, headers, every way of reading the body, clone", async () => {
    const server = await orderServer();
    try {
      const client = createApiClient<paths>(exampleConfig({ baseUrl: server.url, transport: undiciTransport() }));
      const { data, response } = await client.GET("/orders/{id}", { params: { path: { id: "o-1" } } });
      expect(data).toEqual({ id: "o-1", state: "issued" });
      expect(response).toBeInstanceOf(Response);
      expect([
        response.status,
        response.ok,
        response.headers.get("X-Request-Id"),
        response.headers.has("x-ratelimit-remaining"),
      ]).toEqual([200, true, "r-1", true]);
      expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
      expect(new Headers(response.headers).get("content-type")).toBe("application/json");
      expect(await response.clone().json()).toEqual({ id: "o-1", state: "issued" });
      expect(await response.text()).toBe('{"id":"o-1","state":"issued"}');
      expect(await (await response.blob()).text()).toBe('{"id":"o-1","state":"issued"}');
      expect(await new Response(response.body).json()).toEqual({ id: "o-1", state: "issued" });
      expect(client.rateLimit?.remaining).toBe(9);
      // What openapi-fetch built was sent as it was: the credentials, no Accept-Encoding (answers come unencoded).
      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
      expect(server.requests[0]?.headers["accept-encoding"]).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it("sends a write's body, and gives middleware a real Request", async () => {
    const server = await startLoopbackServer((_, response) =>
      response.writeHead(202, { "Content-Type": "application/json" }).end('{"id":"o-2","state":"pending"}'),
    );
    try {
      const client = createApiClient<paths>(exampleConfig({ baseUrl: server.url, transport: undiciTransport() }));
      const seen: boolean[] = [];
      client.use({ onRequest: ({ request }) => void seen.push(request instanceof Request) });
      const { data } = await client.POST("/orders", { body: { domain: "shop.example.test" } });
      expect(data).toEqual({ id: "o-2", state: "pending" });
      expect(seen).toEqual([true]);
      expect(server.requests[0]).toMatchObject({ method: "POST", body: '{"domain":"shop.example.test"}' });
    } finally {
      await server.close();
    }
  });

  it("is not given with a fetch, on the client or on one call", async () => {
    const transport = undiciTransport();
    expect(() =>
      createApiClient<paths>(exampleConfig({ transport, fetch: () => Promise.resolve(Response.json({})) })),
    ).toThrow('example: give option "fetch" or "transport", not both');
    const client = createApiClient<paths>(exampleConfig({ transport }));
    await expect(
      client.GET("/orders/{id}", {
        params: { path: { id: "o-1" } },
        fetch: () => Promise.resolve(Response.json({})),
      } as never),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: 'example: option "fetch" cannot be given to one call of a client with a transport',
    });
  });

  it("fails with NETWORK when nothing listens, and retries a read", async () => {
    const server = await orderServer();
    const url = server.url;
    await server.close();
    const client = createApiClient<paths>(
      exampleConfig({ baseUrl: url, transport: undiciTransport(), retry: { baseDelayMs: 1 } }),
    );
    const error = await client.GET("/orders/{id}", { params: { path: { id: "o-1" } } }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "NETWORK",
      retryable: true,
      message: expect.stringContaining("after 3 tries"),
    });
  });
});
