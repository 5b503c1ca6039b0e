import { createServer, type Server, type Socket } from "node:net";
import { inspect } from "node:util";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { startLoopbackServer } from "@certkit/test-kit";
import { describe, expect, it } from "vitest";
import { createApiClient } from "../src/index.js";
import { undiciTransport } from "../src/undici/index.js";
import { exampleConfig, SECRET, type paths } from "./support/example-api.js";

// Answers a server may give whatever it was asked, read by the undici transport as the fetch transport reads them.

const ORDER = '{"id":"o-1","state":"issued"}';

/** A TCP server on loopback that answers every request with `raw`, byte for byte. */
async function rawServer(raw: string): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once("data", () => socket.write(raw));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const undiciClient = (baseUrl: string, extra: object = {}) =>
  createApiClient<paths>(exampleConfig({ baseUrl, transport: undiciTransport(), retry: false, ...extra }));

describe("the undici transport, reading what servers send", () => {
  it("gives arrayBuffer() and bytes() fresh copies of the body alone, never the memory around it", async () => {
    // The body in two parts: each is a view of a larger buffer of undici's.
    const server = await startLoopbackServer((_, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(ORDER.length) });
      response.write(ORDER.slice(0, 10));
      setTimeout(() => response.end(ORDER.slice(10)), 20);
    });
    try {
      const client = undiciClient(server.url);
      for (let round = 0; round < 2; round++) {
        const { data } = await client.GET("/orders/{id}", {
          params: { path: { id: "o-1" } },
          parseAs: "arrayBuffer",
        });
        expect(data?.byteLength).toBe(ORDER.length);
        expect(new TextDecoder().decode(data)).toBe(ORDER);
        expect(Buffer.from(data!).includes(SECRET)).toBe(false);
      }
      const { response } = await client.GET("/orders/{id}", { params: { path: { id: "o-1" } } });
      const first = await response.bytes();
      expect(first.buffer.byteLength).toBe(ORDER.length);
      first[0] = 0x41;
      expect(new TextDecoder().decode(await response.bytes())).toBe(ORDER);
      expect((await response.arrayBuffer()).byteLength).toBe(ORDER.length);
    } finally {
      await server.close();
    }
  });

  it.each([
    ["gzip", gzipSync],
    ["deflate", deflateSync],
    ["deflate", deflateRawSync],
    ["br", brotliCompressSync],
  ])("decodes an answer sent %s though none was asked for, as fetch does", async (coding, encode) => {
    const server = await startLoopbackServer((_, response) =>
      response.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": coding }).end(encode(ORDER)),
    );
    try {
      const { data } = await undiciClient(server.url).GET("/orders/{id}", { params: { path: { id: "o-1" } } });
      expect(data).toEqual({ id: "o-1", state: "issued" });
    } finally {
      await server.close();
    }
  });

  it("holds a decoded answer to maxResponseBytes: a small gzip of a large body is refused, once", async () => {
    const bomb = gzipSync(`{"id":"${"0".repeat(200_000)}"}`);
    const server = await startLoopbackServer((_, response) =>
      response.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" }).end(bomb),
    );
    try {
      const client = createApiClient<paths>(
        exampleConfig({ baseUrl: server.url, transport: undiciTransport(), maxResponseBytes: 10_000 }),
      );
      expect(bomb.byteLength).toBeLessThan(10_000);
      await expect(client.GET("/orders/{id}", { params: { path: { id: "o-1" } } })).rejects.toMatchObject({
        code: "PROVIDER",
        message: expect.stringContaining("over 10000 bytes (maxResponseBytes)"),
      });
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("takes a 204 or a 304 as complete when a Content-Length promises a body they cannot have", async () => {
    const noContent = await rawServer("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n");
    const notModified = await rawServer('HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\nETag: "x"\r\n\r\n');
    try {
      const written = await undiciClient(noContent.url).POST("/orders", { body: { domain: "example.com" } });
      expect(written.response.status).toBe(204);
      expect(written.error).toBeUndefined();
      const { error } = await undiciClient(notModified.url).GET("/orders/{id}", { params: { path: { id: "o-1" } } });
      expect(error).toMatchObject({ code: "PROVIDER", status: 304 });
    } finally {
      await noContent.close();
      await notModified.close();
    }
  });

  it("keeps the reason phrase, and prints the answer and its headers as Node prints a Response", async () => {
    const server = await startLoopbackServer((_, response) =>
      response.writeHead(404, "Not Found", { "Content-Type": "application/json" }).end('{"error":"nope"}'),
    );
    try {
      const { error, response } = await undiciClient(server.url).GET("/orders/{id}", {
        params: { path: { id: "o-1" } },
      });
      expect(response.statusText).toBe("Not Found");
      expect(error?.message).toContain("HTTP 404 Not Found");
      expect(inspect(response)).toMatch(/^Response \{\s+status: 404,\s+statusText: 'Not Found'/);
      expect(inspect(response.headers)).toMatch(/^Headers \{[^]*'content-type': 'application\/json'/);
    } finally {
      await server.close();
    }
  });

  it("reads only the headers that came: nothing an object inherits", async () => {
    const server = await startLoopbackServer((_, response) =>
      response.writeHead(200, { "Content-Type": "application/json" }).end(ORDER),
    );
    try {
      const { response } = await undiciClient(server.url).GET("/orders/{id}", { params: { path: { id: "o-1" } } });
      for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
        expect(response.headers.get(name)).toBeNull();
        expect(response.headers.has(name)).toBe(false);
      }
    } finally {
      await server.close();
    }
  });

  it("ends a call on time while a middleware's request body never ends", async () => {
    const server = await startLoopbackServer(() => undefined);
    try {
      const client = undiciClient(server.url);
      client.use({
        onRequest: ({ request }) =>
          new Request(request.url, {
            method: request.method,
            headers: request.headers,
            body: new ReadableStream({ start: (stream) => stream.enqueue(new TextEncoder().encode('{"domain":')) }),
            duplex: "half",
          } as RequestInit),
      });
      await expect(client.POST("/orders", { body: { domain: "example.com" }, timeoutMs: 300 })).rejects.toMatchObject({
        code: "TIMEOUT",
      });
    } finally {
      await server.close();
    }
  });
});
