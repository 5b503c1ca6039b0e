import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { CertkitError, createIonosSslClient, IONOS_SSL_BASE_URL, PACKAGE_VERSION } from "../src/index.js";
import { quota } from "./support/fixtures.js";
import { API_KEY, BASE_URL, requests, server } from "./support/server.js";
import packageJson from "../package.json" with { type: "json" };

describe("createIonosSslClient options", () => {
  it("uses the production server by default", async () => {
    const seen: string[] = [];
    const client = createIonosSslClient({
      apiKey: API_KEY,
      fetch: (request) => {
        seen.push(request.url);
        return Promise.resolve(Response.json(quota));
      },
    });
    await client.GET("/v1/certificates/quota");
    expect(IONOS_SSL_BASE_URL).toBe("https://api.hosting.ionos.com/ssl");
    expect(seen).toEqual(["https://api.hosting.ionos.com/ssl/v1/certificates/quota"]);
  });

  it("accepts a baseUrl with a trailing slash", async () => {
    server.use(http.get(`${BASE_URL}/v1/certificates/quota`, () => HttpResponse.json(quota)));
    const { data } = await createIonosSslClient({ apiKey: API_KEY, baseUrl: `${BASE_URL}/` }).GET("/v1/certificates/quota");
    expect(data).toEqual(quota);
  });

  it("names the package and version in User-Agent, after the caller's own token", async () => {
    server.use(http.get(`${BASE_URL}/v1/certificates/quota`, () => HttpResponse.json(quota)));
    await createIonosSslClient({ apiKey: API_KEY, baseUrl: BASE_URL }).GET("/v1/certificates/quota");
    await createIonosSslClient({ apiKey: API_KEY, baseUrl: BASE_URL, userAgent: "shop-renewer/2.1" }).GET(
      "/v1/certificates/quota",
    );
    expect(requests.map((r) => r.headers.get("user-agent"))).toEqual([
      `@certkit/ionos-ssl/${PACKAGE_VERSION}`,
      `shop-renewer/2.1 @certkit/ionos-ssl/${PACKAGE_VERSION}`,
    ]);
  });

  it("keeps PACKAGE_VERSION equal to package.json's version", () => {
    expect(PACKAGE_VERSION).toBe(packageJson.version);
  });

  it("sends requests through a given fetch", async () => {
    const client = createIonosSslClient({
      apiKey: API_KEY,
      baseUrl: BASE_URL,
      fetch: (request) =>
        Promise.resolve(Response.json({ ...quota, total: request.headers.get("x-api-key") === API_KEY ? 99 : 0 })),
    });
    const { data } = await client.GET("/v1/certificates/quota");
    expect(data?.total).toBe(99);
  });

  const invalidOptions: [string, unknown, RegExp][] = [
    ["no options", undefined, /"apiKey" is required/],
    ["no apiKey", {}, /"apiKey" is required/],
    ["an empty apiKey", { apiKey: "" }, /"apiKey" is required/],
    ["an apiKey that is not a string", { apiKey: 42 }, /"apiKey" is required/],
    ["an apiKey with a line break", { apiKey: "pub.secret\r\nX-Evil: 1" }, /"apiKey" must not contain whitespace/],
    ["a relative baseUrl", { apiKey: API_KEY, baseUrl: "/ssl" }, /"baseUrl" must be an absolute https URL/],
    ["a baseUrl of another scheme", { apiKey: API_KEY, baseUrl: "ftp://ionos.example.test" }, /must use https, not ftp:/],
    ["a plain-http baseUrl to another machine", { apiKey: API_KEY, baseUrl: "http://ionos.example.test" }, /must use https, not http: \(http only for a loopback host, or with allowInsecureHttp: true\)/],
    ["a baseUrl with credentials", { apiKey: API_KEY, baseUrl: "https://u:p@ionos.example.test" }, /must not hold credentials/],
    ["a baseUrl with a query", { apiKey: API_KEY, baseUrl: `${BASE_URL}?x=1` }, /must not have a query/],
    ["a userAgent with a line break", { apiKey: API_KEY, userAgent: "a\nb" }, /"userAgent" must be printable/],
    ["a fetch that is not a function", { apiKey: API_KEY, fetch: "fetch" }, /"fetch" must be a function/],
    ["a timeoutMs of 0", { apiKey: API_KEY, timeoutMs: 0 }, /"timeoutMs" must be a number of milliseconds/],
    ["retry settings that are not an object", { apiKey: API_KEY, retry: 3 }, /"retry" must be an object/],
    ["a negative retry delay", { apiKey: API_KEY, retry: { maxDelayMs: -5 } }, /"retry.maxDelayMs"/],
    ["a maxConcurrency of 0", { apiKey: API_KEY, maxConcurrency: 0 }, /"maxConcurrency" must be a whole number/],
    ["an onEvent that is not a function", { apiKey: API_KEY, onEvent: true }, /"onEvent" must be a function/],
  ];

  it.each(invalidOptions)("rejects %s with INVALID_INPUT before any request", (_, options, message) => {
    let thrown: unknown;
    try {
      createIonosSslClient(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CertkitError);
    expect(thrown).toMatchObject({ code: "INVALID_INPUT", provider: "ionos-ssl", retryable: false });
    expect((thrown as Error).message).toMatch(message);
    expect(String((thrown as Error).message)).not.toContain("secret");
    expect(requests).toHaveLength(0);
  });

  it("passes the network policy to the runtime: retries, timeouts, the concurrency cap and events", async () => {
    let count = 0;
    server.use(
      http.get(`${BASE_URL}/v1/certificates/quota`, () =>
        count++ === 0 ? HttpResponse.json({ code: "ERROR", message: "busy" }, { status: 503 }) : HttpResponse.json(quota),
      ),
    );
    const events: string[] = [];
    const client = createIonosSslClient({
      apiKey: API_KEY,
      baseUrl: BASE_URL,
      retry: { baseDelayMs: 1 },
      timeoutMs: 5_000,
      maxConcurrency: 1,
      onEvent: (event) => events.push(`${event.type} ${event.path}`),
    });
    const { data } = await client.GET("/v1/certificates/quota");
    expect(data).toEqual(quota);
    expect(events).toEqual([
      "request /v1/certificates/quota",
      "response /v1/certificates/quota",
      "retry /v1/certificates/quota",
      "request /v1/certificates/quota",
      "response /v1/certificates/quota",
    ]);
    const once = await createIonosSslClient({ apiKey: API_KEY, baseUrl: BASE_URL, retry: false }).GET("/v1/certificates/quota");
    expect(once.data).toEqual(quota);
    expect(count).toBe(3);
  });
});
