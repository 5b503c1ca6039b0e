import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  CertkitError,
  createSslmarketClient,
  PACKAGE_VERSION,
  SSLMARKET_BASE_URL,
  SSLMARKET_SITE_BASE_URLS,
} from "../src/index.js";
import { products } from "./support/fixtures.js";
import { BASE_URL, requests, server, TOKEN } from "./support/server.js";
import packageJson from "../package.json" with { type: "json" };

/** A fetch that records the URLs it is given and answers the product list. */
function recordingFetch(seen: string[]) {
  return (request: Request) => {
    seen.push(request.url);
    return Promise.resolve(Response.json(products));
  };
}

describe("createSslmarketClient options", () => {
  it("uses the UK site's API by default", async () => {
    const seen: string[] = [];
    await createSslmarketClient({ token: TOKEN, fetch: recordingFetch(seen) }).GET("/product/list");
    expect(SSLMARKET_BASE_URL).toBe("https://www.sslmarket.co.uk/api");
    expect(seen).toEqual(["https://www.sslmarket.co.uk/api/product/list"]);
  });

  it("offers the API of each national site", async () => {
    expect(SSLMARKET_SITE_BASE_URLS).toEqual({
      "sslmarket.co.uk": "https://www.sslmarket.co.uk/api",
      "sslmarket.com": "https://www.sslmarket.com/api",
      "sslmarket.cz": "https://www.sslmarket.cz/api",
      "sslmarket.sk": "https://www.sslmarket.sk/api",
      "sslmarket.fr": "https://www.sslmarket.fr/api",
    });
    expect(Object.isFrozen(SSLMARKET_SITE_BASE_URLS)).toBe(true);
    const seen: string[] = [];
    await createSslmarketClient({ token: TOKEN, baseUrl: SSLMARKET_SITE_BASE_URLS["sslmarket.cz"], fetch: recordingFetch(seen) }).GET(
      "/order/list",
    );
    expect(seen).toEqual(["https://www.sslmarket.cz/api/order/list"]);
  });

  it("accepts a baseUrl with a trailing slash", async () => {
    server.use(http.get(`${BASE_URL}/product/list`, () => HttpResponse.json(products)));
    const { data } = await createSslmarketClient({ token: TOKEN, baseUrl: `${BASE_URL}/` }).GET("/product/list");
    expect(data).toEqual(products);
    expect(new URL(requests[0]!.url).pathname).toBe("/api/product/list");
  });

  it("sends the token as X-Auth-Token and no other credential", async () => {
    server.use(http.get(`${BASE_URL}/product/list`, () => HttpResponse.json(products)));
    await createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL }).GET("/product/list");
    const headers = requests[0]!.headers;
    expect(headers.get("x-auth-token")).toBe(TOKEN);
    expect(headers.get("authorization")).toBeNull();
    expect(new URL(requests[0]!.url).search).toBe("");
  });

  it("names the package and version in User-Agent, after the caller's own token", async () => {
    server.use(http.get(`${BASE_URL}/product/list`, () => HttpResponse.json(products)));
    await createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL }).GET("/product/list");
    await createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL, userAgent: "cert-renewer/3.2" }).GET("/product/list");
    expect(requests.map((r) => r.headers.get("user-agent"))).toEqual([
      `@certkit/sslmarket/${PACKAGE_VERSION}`,
      `cert-renewer/3.2 @certkit/sslmarket/${PACKAGE_VERSION}`,
    ]);
  });

  it("keeps PACKAGE_VERSION equal to package.json's version", () => {
    expect(PACKAGE_VERSION).toBe(packageJson.version);
  });

  it("sends requests through a given fetch", async () => {
    const client = createSslmarketClient({
      token: TOKEN,
      baseUrl: BASE_URL,
      fetch: (request) => Promise.resolve(Response.json({ products: request.headers.get("x-auth-token") === TOKEN ? products.products : [] })),
    });
    const { data } = await client.GET("/product/list");
    expect(data?.products).toHaveLength(2);
  });

  const invalidOptions: [string, unknown, RegExp][] = [
    ["no options", undefined, /"token" is required/],
    ["no token", {}, /"token" is required/],
    ["an empty token", { token: "" }, /"token" is required/],
    ["a token that is not a string", { token: 12345 }, /"token" is required/],
    ["a token with a line break", { token: "abc\r\nX-Evil: 1" }, /"token" must not contain whitespace/],
    ["a token with a space", { token: "abc def" }, /"token" must not contain whitespace/],
    ["a relative baseUrl", { token: TOKEN, baseUrl: "/api" }, /"baseUrl" must be an absolute https URL/],
    ["a baseUrl of another scheme", { token: TOKEN, baseUrl: "ftp://sslmarket.example.test/api" }, /must use https, not ftp:/],
    ["a plain-http baseUrl to another machine", { token: TOKEN, baseUrl: "http://sslmarket.example.test/api" }, /must use https, not http: \(http only for a loopback host, or with allowInsecureHttp: true\)/],
    ["a baseUrl with credentials", { token: TOKEN, baseUrl: "https://u:p@sslmarket.example.test/api" }, /must not hold credentials/],
    ["a baseUrl with a query", { token: TOKEN, baseUrl: `${BASE_URL}?site=cz` }, /must not have a query/],
    ["a userAgent with a line break", { token: TOKEN, userAgent: "a\nb" }, /"userAgent" must be printable/],
    ["a fetch that is not a function", { token: TOKEN, fetch: "fetch" }, /"fetch" must be a function/],
    ["a timeoutMs of 0", { token: TOKEN, timeoutMs: 0 }, /"timeoutMs" must be a number of milliseconds/],
    ["retry settings that are not an object", { token: TOKEN, retry: 3 }, /"retry" must be an object/],
    ["a negative retry delay", { token: TOKEN, retry: { baseDelayMs: -1 } }, /"retry.baseDelayMs"/],
    ["a maxConcurrency of 0", { token: TOKEN, maxConcurrency: 0 }, /"maxConcurrency" must be a whole number/],
    ["an onEvent that is not a function", { token: TOKEN, onEvent: "log" }, /"onEvent" must be a function/],
  ];

  it.each(invalidOptions)("rejects %s with INVALID_INPUT before any request", (_, options, message) => {
    let thrown: unknown;
    try {
      createSslmarketClient(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CertkitError);
    expect(thrown).toMatchObject({ code: "INVALID_INPUT", provider: "sslmarket", retryable: false });
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain(TOKEN);
    expect(requests).toHaveLength(0);
  });

  it("rejects a malformed per-call option with INVALID_INPUT before any request", async () => {
    const client = createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL });
    await expect(client.GET("/product/list", { timeoutMs: -1 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(requests).toHaveLength(0);
  });

  it("passes the network policy to the runtime: retries, timeouts, the concurrency cap and events", async () => {
    let count = 0;
    server.use(
      http.get(`${BASE_URL}/product/list`, () =>
        count++ === 0 ? HttpResponse.json({ error: "busy", message: "Try later" }, { status: 503 }) : HttpResponse.json(products),
      ),
    );
    const events: string[] = [];
    const client = createSslmarketClient({
      token: TOKEN,
      baseUrl: BASE_URL,
      retry: { baseDelayMs: 1 },
      timeoutMs: 5_000,
      maxConcurrency: 1,
      onEvent: (event) => events.push(`${event.type} ${event.path}`),
    });
    const { data } = await client.GET("/product/list");
    expect(data).toEqual(products);
    expect(events).toEqual([
      "request /product/list",
      "response /product/list",
      "retry /product/list",
      "request /product/list",
      "response /product/list",
    ]);
    const once = await createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL, retry: false }).GET("/product/list");
    expect(once.data).toEqual(products);
    expect(count).toBe(3);
  });

  it("holds calls beyond maxConcurrency until one finishes", async () => {
    let inFlight = 0;
    let most = 0;
    server.use(
      http.get(`${BASE_URL}/order/order_id/:orderId`, async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 10));
        inFlight--;
        return HttpResponse.json({ product_code: "p", domain: "d.example.test", state: "published" });
      }),
    );
    const client = createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL, maxConcurrency: 2 });
    const ids = [1, 2, 3, 4, 5];
    const results = await Promise.all(ids.map((order_id) => client.GET("/order/order_id/{order_id}", { params: { path: { order_id } } })));
    expect(results.every((result) => result.data?.state === "published")).toBe(true);
    expect(requests).toHaveLength(5);
    expect(most).toBe(2);
  });

  it("applies timeoutMs to each call", async () => {
    server.use(http.get(`${BASE_URL}/product/list`, () => new Promise<never>(() => undefined)));
    const started = Date.now();
    const call = createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL, timeoutMs: 40 }).GET("/product/list");
    await expect(call).rejects.toMatchObject({ code: "TIMEOUT" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("exposes the rate limit the provider last reported", async () => {
    server.use(
      http.get(`${BASE_URL}/product/list`, () =>
        HttpResponse.json(products, { headers: { "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "59" } }),
      ),
    );
    const client = createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL });
    expect(client.rateLimit).toBeUndefined();
    await client.GET("/product/list");
    expect(client.rateLimit).toMatchObject({ limit: 60, remaining: 59 });
  });
});
