// Run by memory.test.ts in a process of its own, so that the client's memory is measured alone (the endless server
// runs in the test's process): one call through the built runtime, with the default maxResponseBytes. Prints what
// the call ended with and how much the process's peak RSS grew, as one line of JSON.
import { createApiClient } from "../../dist/index.js";
import { undiciTransport } from "../../dist/undici/index.js";

const [baseUrl, kind] = process.argv.slice(2);

// A fetch that hands over a stream whose Content-Length says 10 bytes while it never ends.
const chunk = new Uint8Array(64 * 1024).fill(97);
const lyingFetch = () =>
  Promise.resolve(
    new Response(new ReadableStream({ pull: (controller) => controller.enqueue(chunk.slice()) }), {
      headers: { "Content-Length": "10" },
    }),
  );

const client = createApiClient({
  provider: "example",
  apiName: "Example API",
  packageName: "@certkit/example",
  packageVersion: "1.0.0",
  baseUrl,
  auth: { headers: {}, secrets: [] },
  retry: false,
  ...(kind === "lying" ? { fetch: lyingFetch } : {}),
  ...(kind === "undici" ? { transport: undiciTransport() } : {}),
});

// The first request of a process loads fetch's HTTP machinery; that is not what is measured.
await (await fetch(`${baseUrl}/warm-up`)).arrayBuffer();
const before = process.resourceUsage().maxRSS;
let code;
try {
  await client.GET("/orders/{id}", { params: { path: { id: "o-1" } } });
  code = "none";
} catch (error) {
  code = `${error.code}: ${error.message}`;
}
console.log(JSON.stringify({ code, grownBytes: (process.resourceUsage().maxRSS - before) * 1024 }));
