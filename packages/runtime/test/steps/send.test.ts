import { afterEach, describe, expect, it, vi } from "vitest";
import { BuiltRequest } from "../../src/built-request.js";
import { CertkitError } from "../../src/certkit-error.js";
import { sendStep } from "../../src/steps/send.js";
import { orderRequest, testCall, testContext } from "../support/steps.js";

/** A request as openapi-fetch builds it for a client without middleware: a POST with a body and a setting of its own. */
const builtOrder = () =>
  new BuiltRequest("https://api.example.test/v1/orders", {
    method: "POST",
    headers: new Headers({ "Content-Type": "application/json", "X-Api-Key": "k" }),
    body: '{"name":"example.test"}',
    cache: "no-store",
    redirect: "follow",
  }) as unknown as Request;

describe("the send step", () => {
  afterEach(() => vi.restoreAllMocks());

  it("sends a built request to the global fetch once, as its URL and every setting it was built with", async () => {
    const { context } = testContext();
    const call = testCall(context);
    const fetch = vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response("{}"));
    await sendStep(builtOrder(), call);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("https://api.example.test/v1/orders");
    expect(init).toMatchObject({ method: "POST", body: '{"name":"example.test"}', cache: "no-store" });
    expect(init?.redirect).toBe("manual");
    expect(init?.signal).toBe(call.signal);
    expect(new Headers(init?.headers).get("x-api-key")).toBe("k");
  });

  it("gives a custom fetch a real Request of a built request: method, headers, body and signal", async () => {
    const { context } = testContext();
    let seen: Request | undefined;
    const call = testCall(context, { fetch: (request) => ((seen = request), Promise.resolve(new Response("{}"))) });
    await sendStep(builtOrder(), call);
    expect(seen).toBeInstanceOf(Request);
    expect(seen?.method).toBe("POST");
    expect(seen?.headers.get("content-type")).toBe("application/json");
    expect(await seen?.text()).toBe('{"name":"example.test"}');
    expect(seen?.redirect).toBe("manual");
    call.abort(new Error("stop"));
    expect(seen?.signal.aborted).toBe(true);
  });

  it("gives a custom fetch a copy of the request that carries the call's signal and never follows a redirect", async () => {
    const { context } = testContext();
    let seen: Request | undefined;
    const call = testCall(context, { fetch: (request) => ((seen = request), Promise.resolve(new Response("{}"))) });
    await sendStep(orderRequest({ redirect: "follow" }), call);
    expect(seen?.redirect).toBe("manual");
    call.abort(new Error("stop"));
    expect(seen?.signal.aborted).toBe(true);
  });

  it("turns a fetch that fails without an answer into NETWORK, naming the cause's code", async () => {
    const { context } = testContext();
    const reset = Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
    });
    const call = testCall(context, { fetch: () => Promise.reject(reset) });
    const error = await sendStep(orderRequest(), call).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "NETWORK",
      retryable: true,
      message: "Example API: GET /orders/{id} got no answer: fetch failed (ECONNRESET)",
    });
  });

  it("passes a CertkitError from a custom fetch unchanged, and leaves an aborted call's failure to the client", async () => {
    const { context } = testContext();
    const own = new CertkitError({ code: "RATE_LIMITED", provider: "example", message: "queue full" });
    await expect(sendStep(orderRequest(), testCall(context, { fetch: () => Promise.reject(own) }))).rejects.toBe(own);
    const aborted = testCall(context, { fetch: () => Promise.reject(new DOMException("aborted", "AbortError")) });
    aborted.abort(new Error("caller"));
    await expect(sendStep(orderRequest(), aborted)).rejects.toMatchObject({ name: "AbortError" });
  });

  it("fails at once when the call is aborted, even with a custom fetch that ignores its signal", async () => {
    const { context } = testContext();
    const call = testCall(context, { fetch: () => new Promise<never>(() => undefined) });
    const pending = sendStep(orderRequest(), call);
    call.abort(new DOMException("late", "TimeoutError"));
    await expect(pending).rejects.toMatchObject({ name: "TimeoutError" });
    expect(call.stop).toBeUndefined();
  });

  it("turns a fetch that throws synchronously into a rejection", async () => {
    const { context } = testContext();
    const call = testCall(context, {
      fetch: () => {
        throw new TypeError("not callable here");
      },
    });
    await expect(sendStep(orderRequest(), call)).rejects.toMatchObject({ code: "NETWORK" });
  });
});
