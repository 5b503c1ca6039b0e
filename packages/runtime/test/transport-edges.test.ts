import { gzipSync } from "node:zlib";
import { startLoopbackServer, type LoopbackServer } from "@certkit/test-kit";
import type { Middleware } from "openapi-fetch";
import { afterEach, describe, expect, it } from "vitest";
import { CertkitError, createApiClient, type Transport } from "../src/index.js";
import { undiciTransport } from "../src/undici/index.js";
import { exampleConfig, type paths } from "./support/example-api.js";

const servers: LoopbackServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serve(handle: Parameters<typeof startLoopbackServer>[0]): Promise<string> {
  const server = await startLoopbackServer(handle);
  servers.push(server);
  return server.url;
}

const ORDER = '{"id":"o-1","state":"pending"}';
const TWENTY_MIB = String(20 * 1024 * 1024);

/** `text` gzipped `layers` times, as a server would send it with `Content-Encoding: gzip, gzip, ...`. */
function gzipLayers(text: string, layers: number): Buffer {
  let bytes = Buffer.from(text);
  for (let layer = 0; layer < layers; layer++) bytes = gzipSync(bytes);
  return bytes;
}

describe.each<[string, () => Transport | undefined]>([
  ["fetch", () => undefined],
  ["undici's Dispatcher API", () => undiciTransport()],
])("on %s", (_, transport) => {
  const client = (baseUrl: string) => createApiClient<paths>(exampleConfig({ baseUrl, transport: transport() }));

  it("takes a HEAD's and a 304's Content-Length for the resource's, not for a body over maxResponseBytes", async () => {
    const url = await serve((request, response) => {
      const status = request.headers["if-none-match"] === undefined ? 200 : 304;
      response.writeHead(status, { "Content-Length": TWENTY_MIB, ETag: '"v1"' }).end();
    });
    const head = (client(url) as unknown as { HEAD: ReturnType<typeof client>["GET"] }).HEAD;
    expect((await head("/orders/{id}", { params: { path: { id: "1" } } })).response.status).toBe(200);
    const conditional = await client(url).GET("/orders/{id}", {
      params: { path: { id: "1" } },
      headers: { "If-None-Match": '"v1"' },
    });
    expect(conditional.response.status).toBe(304);
  });

  it("refuses a request fetch will not send as given (Expect, Transfer-Encoding) as INVALID_INPUT, sent nowhere", async () => {
    const server = await startLoopbackServer((_, response) => response.writeHead(202).end(ORDER));
    servers.push(server);
    for (const headers of [{ Expect: "100-continue" }, { "Transfer-Encoding": "chunked" }, { Upgrade: "h2c" }]) {
      const write = client(server.url).POST("/orders", { body: { domain: "a.example.test" }, headers });
      await expect(write, JSON.stringify(headers)).rejects.toMatchObject({
        name: "CertkitError",
        code: "INVALID_INPUT",
        retryable: false,
        effectUnknown: false,
        message: expect.stringContaining("cannot be sent as given"),
      });
    }
    expect(server.requests).toEqual([]);
  });

  it("decodes up to five content codings, and refuses more as fetch does (each is undone at once, in full)", async () => {
    const url = await serve((request, response) => {
      const layers = Number(request.url?.split("/").at(-1));
      response
        .writeHead(200, {
          "Content-Type": "application/json",
          "Content-Encoding": Array(layers).fill("gzip").join(", "),
        })
        .end(gzipLayers(ORDER, layers));
    });
    const five = await client(url).GET("/orders/{id}", { params: { path: { id: "5" } } });
    expect(five.data).toEqual(JSON.parse(ORDER));
    const six = client(url).GET("/orders/{id}", { params: { path: { id: "6" } }, retry: false });
    await expect(six).rejects.toMatchObject({ name: "CertkitError", code: "NETWORK" });
  });
});

describe("a try that fails at once, before any promise", () => {
  const ok = () => new Response(ORDER, { status: 200, headers: { "Content-Type": "application/json" } });

  it("gives back its concurrency slot: the client's next call is sent", async () => {
    let sends = 0;
    const throwsFirst: Transport = {
      send: () => {
        if (++sends === 1) throw new TypeError("a transport that throws instead of rejecting");
        return Promise.resolve(ok());
      },
    };
    const c = createApiClient<paths>(exampleConfig({ transport: throwsFirst, maxConcurrency: 1 }));
    await expect(c.GET("/orders/{id}", { params: { path: { id: "1" } }, retry: false })).rejects.toBeInstanceOf(
      CertkitError,
    );
    expect((await c.GET("/orders/{id}", { params: { path: { id: "2" } } })).data).toEqual(JSON.parse(ORDER));
  });

  it("on undici, a body a middleware used up fails its call, and the next call is sent", async () => {
    const url = await serve((_, response) =>
      response.writeHead(202, { "Content-Type": "application/json" }).end(ORDER),
    );
    const c = createApiClient<paths>(exampleConfig({ baseUrl: url, transport: undiciTransport(), maxConcurrency: 1 }));
    // A logging middleware that reads the body instead of a clone of it.
    const readsBody: Middleware = {
      async onRequest({ request }) {
        await request.text();
      },
    };
    c.use(readsBody);
    await expect(c.POST("/orders", { body: { domain: "a.example.test" }, retry: false })).rejects.toBeInstanceOf(
      CertkitError,
    );
    c.eject(readsBody);
    expect((await c.GET("/orders/{id}", { params: { path: { id: "1" } } })).response.status).toBe(202);
  });
});
