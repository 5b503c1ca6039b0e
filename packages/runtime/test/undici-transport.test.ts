import type { ServerResponse } from "node:http";
import { Agent, type Dispatcher } from "undici";
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

/** A server accepting every write as order o-2, pending. */
const acceptingServer = () =>
  startLoopbackServer((_, response) =>
    response.writeHead(202, { "Content-Type": "application/json" }).end('{"id":"o-2","state":"pending"}'),
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
    const server = await acceptingServer();
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

  it("ends a call whose request still waits for a connection at once, when aborted or out of time: it is never sent", async () => {
    let held: ServerResponse | undefined;
    let arrived!: () => void;
    const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
    // The first request is held until the end of the test; with one connection, the others wait behind it.
    const server = await startLoopbackServer((_, response) => {
      held = response;
      arrived();
    });
    const dispatcher = new Agent({ connections: 1 });
    try {
      const client = createApiClient<paths>(
        exampleConfig({ baseUrl: server.url, transport: undiciTransport({ dispatcher }), retry: false }),
      );
      const first = client.GET("/orders/{id}", { params: { path: { id: "o-1" } } });
      await firstArrived;
      const controller = new AbortController();
      const aborted = client.GET("/orders/{id}", { params: { path: { id: "o-2" } }, signal: controller.signal });
      const timedOut = client.GET("/orders/{id}", { params: { path: { id: "o-3" } }, timeoutMs: 20 });
      controller.abort();
      await expect(aborted).rejects.toMatchObject({ code: "ABORTED" });
      await expect(timedOut).rejects.toMatchObject({ code: "TIMEOUT" });
      held!.writeHead(200, { "Content-Type": "application/json" }).end('{"id":"o-1","state":"issued"}');
      expect((await first).data).toEqual({ id: "o-1", state: "issued" });
      expect(server.requests.map((request) => request.url)).toEqual(["/orders/o-1"]);
    } finally {
      await dispatcher.close();
      await server.close();
    }
  });

  it("reads the answer after 1xx informational ones (103 Early Hints)", async () => {
    const server = await startLoopbackServer((_, response) => {
      response.writeEarlyHints({ link: "</style.css>; rel=preload" });
      response.writeHead(200, { "Content-Type": "application/json" }).end('{"id":"o-1","state":"issued"}');
    });
    try {
      const client = createApiClient<paths>(exampleConfig({ baseUrl: server.url, transport: undiciTransport() }));
      const { data, response } = await client.GET("/orders/{id}", { params: { path: { id: "o-1" } } });
      expect(data).toEqual({ id: "o-1", state: "issued" });
      expect([response.status, response.headers.get("link")]).toEqual([200, null]);
    } finally {
      await server.close();
    }
  });

  it("never asks for an encoded answer, even when a call's headers do", async () => {
    const server = await orderServer();
    try {
      const client = createApiClient<paths>(exampleConfig({ baseUrl: server.url, transport: undiciTransport() }));
      const { data } = await client.GET("/orders/{id}", {
        params: { path: { id: "o-1" } },
        headers: { "Accept-Encoding": "gzip, br", "X-Trace": "t-1" },
      });
      expect(data).toEqual({ id: "o-1", state: "issued" });
      expect(server.requests[0]?.headers["accept-encoding"]).toBeUndefined();
      expect(server.requests[0]?.headers["x-trace"]).toBe("t-1");
    } finally {
      await server.close();
    }
  });

  it("sends a FormData body with the multipart label fetch would give it", async () => {
    const server = await acceptingServer();
    try {
      const client = createApiClient<paths>(exampleConfig({ baseUrl: server.url, transport: undiciTransport() }));
      const form = new FormData();
      form.set("domain", "shop.example.test");
      const { data } = await client.POST("/orders", {
        body: { domain: "shop.example.test" },
        bodySerializer: () => form,
      });
      expect(data).toEqual({ id: "o-2", state: "pending" });
      const [sent] = server.requests;
      const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(sent?.headers["content-type"] ?? "")?.[1];
      expect(boundary).toBeDefined();
      expect(sent?.body).toContain(
        `--${boundary}\r\nContent-Disposition: form-data; name="domain"\r\n\r\nshop.example.test`,
      );
    } finally {
      await server.close();
    }
  });

  it("gives a dispatcher that throws instead of reporting to its handler a NETWORK error", async () => {
    const throwing = {
      dispatch: () => {
        throw new Error("no socket left");
      },
    } as unknown as Dispatcher;
    const client = createApiClient<paths>(
      exampleConfig({ transport: undiciTransport({ dispatcher: throwing }), retry: false }),
    );
    await expect(client.GET("/orders/{id}", { params: { path: { id: "o-1" } } })).rejects.toMatchObject({
      code: "NETWORK",
      message: expect.stringContaining("no socket left"),
    });
  });

  it("stops a body that stalls half-way when the try runs out of time, and when the caller aborts", async () => {
    // Resolved when the server has written the first part of the body of the request it answers next.
    let wrote: () => void = () => undefined;
    const nextPartWritten = () => new Promise<void>((resolve) => (wrote = resolve));
    const server = await startLoopbackServer((_, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "1000" });
      response.write('{"id":"o-1",', () => wrote());
    });
    try {
      const client = createApiClient<paths>(
        exampleConfig({ baseUrl: server.url, transport: undiciTransport(), retry: false }),
      );
      const get = (options: { timeoutMs?: number; signal?: AbortSignal }) =>
        client.GET("/orders/{id}", { params: { path: { id: "o-1" } }, ...options });
      await expect(get({ timeoutMs: 300 })).rejects.toMatchObject({ code: "TIMEOUT" });
      const controller = new AbortController();
      const partWritten = nextPartWritten();
      const aborted = get({ signal: controller.signal });
      await partWritten;
      controller.abort();
      await expect(aborted).rejects.toMatchObject({ code: "ABORTED" });
    } finally {
      await server.close();
    }
  });

  it("gives an answer whose headers pass undici's limit as a NETWORK error", async () => {
    const server = await startLoopbackServer((_, response) =>
      response.writeHead(200, { "Content-Type": "application/json", "X-Padding": "a".repeat(100_000) }).end("{}"),
    );
    try {
      const client = createApiClient<paths>(
        exampleConfig({ baseUrl: server.url, transport: undiciTransport(), retry: false }),
      );
      await expect(client.GET("/orders/{id}", { params: { path: { id: "o-1" } } })).rejects.toMatchObject({
        code: "NETWORK",
        retryable: true,
      });
    } finally {
      await server.close();
    }
  });
});
