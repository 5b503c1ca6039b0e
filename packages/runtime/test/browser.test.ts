import { afterEach, describe, expect, it, vi } from "vitest";
import { exampleClient, fakeClock } from "./support/example-api.js";

afterEach(() => vi.unstubAllGlobals());

/** What fetch does in a browser when the server cannot be reached or refuses the page's origin: a bare TypeError. */
function browserFetch() {
  const tries = { count: 0 };
  const fetch = () => (tries.count++, Promise.reject(new TypeError("Failed to fetch")));
  return { fetch, tries };
}

describe("in a browser", () => {
  it("a bare TypeError from fetch is NETWORK, says plainly it may be a CORS refusal, and is not retried", async () => {
    vi.stubGlobal("document", {});
    vi.stubGlobal("location", { origin: "https://app.example.test" });
    const { fetch, tries } = browserFetch();
    const error = await exampleClient(fakeClock().clock, { fetch })
      .GET("/orders/{id}", { params: { path: { id: "o-1" } } })
      .catch((e: unknown) => e);
    expect(tries.count).toBe(1);
    expect(error).toMatchObject({ code: "NETWORK", retryable: false, effectUnknown: false });
    expect((error as Error).message).toBe(
      "Example API: GET /orders/{id} got no answer: Failed to fetch. The browser gives no reason, and a CORS refusal looks the same: " +
        "the server must allow https://app.example.test (Access-Control-Allow-Origin, and the client's headers in Access-Control-Allow-Headers)",
    );
  });

  it("a write that failed that way may have reached the server: its effect is unknown", async () => {
    vi.stubGlobal("document", {});
    const { fetch } = browserFetch();
    const error = await exampleClient(fakeClock().clock, { fetch })
      .POST("/orders", { body: { domain: "shop.example.test" } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NETWORK", retryable: false, effectUnknown: true });
    expect((error as Error).message).toContain("the server must allow the page's origin");
  });

  it("outside a browser, the same TypeError is a network failure that a read retries", async () => {
    const { fetch, tries } = browserFetch();
    const error = await exampleClient(fakeClock().clock, { fetch })
      .GET("/orders/{id}", { params: { path: { id: "o-1" } } })
      .catch((e: unknown) => e);
    expect(tries.count).toBe(3);
    expect(error).toMatchObject({ code: "NETWORK", retryable: true });
  });
});
