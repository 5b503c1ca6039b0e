import { execFile } from "node:child_process";
import type { ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { createGzip } from "node:zlib";
import { describe, expect, it } from "vitest";
import { startLoopbackServer } from "@certkit/test-kit";

const child = fileURLToPath(new URL("./support/endless-answer.mjs", import.meta.url));
const MiB = 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, "a");

/** Runs one call through the built client in a fresh process; what it ended with, and that process's RSS growth. */
function run(baseUrl: string, kind: string): Promise<{ code: string; grownBytes: number }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [child, baseUrl, kind], { timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as { code: string; grownBytes: number });
    });
  });
}

/** Writes `chunk` for as long as the stream is open, as fast as it is taken. */
function pump(stream: NodeJS.WritableStream & { destroyed: boolean }) {
  const more = () => {
    while (!stream.destroyed && stream.write(chunk));
    if (!stream.destroyed) stream.once("drain", more);
  };
  stream.on("error", () => undefined);
  more();
}

const answers: Record<string, (response: ServerResponse) => void> = {
  endless: (response) => {
    response.writeHead(200, { "Content-Type": "application/json" });
    pump(response);
  },
  gzip: (response) => {
    response.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
    const gzip = createGzip();
    gzip.pipe(response);
    response.on("close", () => gzip.destroy());
    pump(gzip);
  },
  lying: (response) => response.writeHead(500).end(),
};
answers.undici = answers.endless!;

describe("an answer that never ends, with the default maxResponseBytes", () => {
  it.each([
    ["chunked, over loopback", "endless"],
    ["gzip that never ends, counted after decoding", "gzip"],
    ["a Content-Length of 10 on a stream that never ends (a custom fetch)", "lying"],
    ["chunked, through undici's Dispatcher API", "undici"],
  ])(
    "%s: the call fails with PROVIDER and the client's process grows by less than 64 MiB",
    async (_, kind) => {
      const server = await startLoopbackServer((request, response) =>
        request.url === "/warm-up" ? response.end("{}") : answers[kind]!(response),
      );
      try {
        const { code, grownBytes } = await run(server.url, kind);
        expect(code).toBe(
          "PROVIDER: Example API: GET /orders/{id} answered HTTP 200 with a body over 8388608 bytes (maxResponseBytes)",
        );
        expect(grownBytes).toBeLessThan(64 * MiB);
      } finally {
        await server.close();
      }
      // A fresh process and 8 MiB over loopback take seconds on a busy machine; the bound is the child's own 120 s.
    },
    150_000,
  );
});
