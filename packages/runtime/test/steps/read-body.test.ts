import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { readBodyStep } from "../../src/steps/read-body.js";
import { SECRET } from "../support/example-api.js";
import { orderRequest, scripted, testCall, testContext } from "../support/steps.js";

/** A body that sends `chunk` for ever, counting what it sent and whether it was cancelled. */
function endless(chunk = new Uint8Array(256).fill(97)) {
  const state = { sent: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull: (controller) => {
      state.sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel: () => void (state.cancelled = true),
  });
  return { stream, state };
}

const read = (response: Response, init: Parameters<typeof testCall>[1] = {}, limit = 1024) => {
  const { context } = testContext({ maxResponseBytes: limit });
  return readBodyStep(scripted(() => response).next, context)(orderRequest(), testCall(context, init));
};

describe("the body reading step", () => {
  it("reads an answer once and lets it be read again in every way, any number of times", async () => {
    const response = await read(Response.json({ id: "o-1" }, { headers: { "X-Request-Id": "r-1" } }));
    expect(await response.json()).toEqual({ id: "o-1" });
    expect(await response.json()).toEqual({ id: "o-1" });
    expect(await response.text()).toBe('{"id":"o-1"}');
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe('{"id":"o-1"}');
    expect(await response.bytes()).toHaveLength(12);
    expect(await (await response.blob()).text()).toBe('{"id":"o-1"}');
    expect(await new Response(response.body).text()).toBe('{"id":"o-1"}');
    expect(await response.clone().json()).toEqual({ id: "o-1" });
    expect(response).toBeInstanceOf(Response);
    expect(response.bodyUsed).toBe(false);
    expect(response.headers.get("x-request-id")).toBe("r-1");
  });

  it("stops an answer whose Content-Length is over maxResponseBytes before reading any of it", async () => {
    const { stream, state } = endless();
    const error = await read(new Response(stream, { headers: { "Content-Length": "2048" } })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PROVIDER", status: 200, retryable: false });
    expect((error as Error).message).toBe(
      "Example API: GET /orders/{id} answered HTTP 200 with a body over 1024 bytes (maxResponseBytes)",
    );
    expect(state.cancelled).toBe(true);
  });

  it("stops an endless answer, or one whose Content-Length lies, as soon as it passes the limit", async () => {
    const lies: Record<string, string>[] = [{}, { "Content-Length": "10" }];
    for (const headers of lies) {
      const { stream, state } = endless();
      const error = await read(new Response(stream, { headers })).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "PROVIDER", message: expect.stringContaining("over 1024 bytes") });
      expect(state.cancelled).toBe(true);
      expect(state.sent).toBeLessThanOrEqual(1024 + 2 * 256);
    }
  });

  it("says a write's effect is unknown when its answer is too long", async () => {
    const { stream } = endless();
    const error = await read(new Response(stream, { status: 201 }), { method: "POST" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PROVIDER", status: 201, effectUnknown: true });
  });

  it("parses JSON once: what does not parse is an unusable answer, retryable for a read, of unknown effect for a write", async () => {
    const body = `{"id": "o-1", "echo": "${SECRET}`;
    const readError = await read(new Response(body)).catch((e: unknown) => e);
    expect(readError).toMatchObject({ code: "PROVIDER", status: 200, retryable: true, effectUnknown: false });
    expect((readError as Error).message).toBe(
      "Example API: GET /orders/{id} answered HTTP 200 with a body that is not valid JSON",
    );
    expect(String((readError as Error).cause)).not.toContain(SECRET);
    // The parser quotes the body near where it stopped: a 10-character run of a long secret, too short to redact.
    const long = "Zq7ErT5yUa8Fk2Lq9Zx7Wm3Np4Vb6Hc1Jd";
    const quoted = await read(new Response(long)).catch((e: unknown) => e);
    expect(String((quoted as Error).cause)).toBe("SyntaxError: not valid JSON");
    for (let at = 0; at + 6 <= long.length; at++)
      expect(inspect(quoted, { depth: 5 }), long.slice(at, at + 6)).not.toContain(long.slice(at, at + 6));
    const writeError = await read(new Response(body, { status: 202 }), { method: "POST" }).catch((e: unknown) => e);
    expect(writeError).toMatchObject({ retryable: false, effectUnknown: true });
  });

  it("leaves other bodies unparsed: text, downloads, and error answers", async () => {
    expect(await (await read(new Response("not json"), { parseAs: "text" })).text()).toBe("not json");
    expect((await (await read(new Response("not json"), { parseAs: "arrayBuffer" })).arrayBuffer()).byteLength).toBe(8);
    expect(await (await read(new Response("<html>busy</html>", { status: 503 }))).text()).toBe("<html>busy</html>");
  });

  it("refuses an empty 200 to a GET, which must carry the resource, but not an empty 204 or an empty write answer", async () => {
    expect(await read(new Response(null, { status: 200 })).catch((e: unknown) => e)).toMatchObject({
      code: "PROVIDER",
      retryable: true,
      message: "Example API: GET /orders/{id} answered HTTP 200 with an empty body",
    });
    expect((await read(new Response(null, { status: 204 }))).status).toBe(204);
    expect((await read(new Response("", { status: 201 }), { method: "POST" })).status).toBe(201);
  });

  it("turns a connection cut mid-body into NETWORK", async () => {
    const cut = new ReadableStream({
      start: (controller) => {
        controller.enqueue(new TextEncoder().encode('{"id":'));
        controller.error(new TypeError("terminated"));
      },
    });
    await expect(read(new Response(cut))).rejects.toMatchObject({ code: "NETWORK", retryable: true });
  });

  it("stops reading at once when the call is aborted, even a body that ignores the signal", async () => {
    const { context } = testContext();
    const call = testCall(context);
    const state = { cancelled: false };
    // Headers, then a body that never sends a byte and never ends.
    const silent = new ReadableStream({
      pull: () => new Promise<void>(() => undefined),
      cancel: () => void (state.cancelled = true),
    });
    const pending = readBodyStep(scripted(() => new Response(silent)).next, context)(orderRequest(), call);
    await new Promise((resolve) => setTimeout(resolve, 5));
    call.abort(new DOMException("late", "TimeoutError"));
    await expect(pending).rejects.toMatchObject({ name: "TimeoutError" });
    expect(state.cancelled).toBe(true);
  });

  it("reads a body of any nesting depth", async () => {
    const depth = 100_000;
    const response = await read(new Response(`${"[".repeat(depth)}${"]".repeat(depth)}`), {}, 1_000_000);
    expect(Array.isArray(await response.json())).toBe(true);
  });
});
