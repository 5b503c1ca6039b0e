import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  CertkitError,
  createDnsimpleV1Client,
  DNSIMPLE_V1_BASE_URL,
  DNSIMPLE_V1_SANDBOX_BASE_URL,
  PACKAGE_VERSION,
} from "../src/index.js";
import { domains } from "./support/fixtures.js";
import { BASE_URL, EMAIL, requests, server, TOKEN, TOKEN_HEADER } from "./support/server.js";
import packageJson from "../package.json" with { type: "json" };

const credentials = { email: EMAIL, token: TOKEN };

describe("createDnsimpleV1Client options", () => {
  it("uses the production server by default, and names the sandbox", async () => {
    const seen: string[] = [];
    const client = createDnsimpleV1Client({
      ...credentials,
      fetch: (request) => {
        seen.push(request.url);
        return Promise.resolve(Response.json(domains));
      },
    });
    await client.GET("/domains");
    expect(DNSIMPLE_V1_BASE_URL).toBe("https://api.dnsimple.com/v1");
    expect(DNSIMPLE_V1_SANDBOX_BASE_URL).toBe("https://api.sandbox.dnsimple.com/v1");
    expect(seen).toEqual(["https://api.dnsimple.com/v1/domains"]);
  });

  it("sends X-DNSimple-Token as <email>:<token> and Accept: application/json on every request", async () => {
    server.use(http.get(`${BASE_URL}/domains`, () => HttpResponse.json(domains)));
    await createDnsimpleV1Client({ ...credentials, baseUrl: BASE_URL }).GET("/domains");
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.get("x-dnsimple-token")).toBe("admin@example.test:v1-t0ken-s3cr3t-4c8e");
    expect(requests[0]?.headers.get("x-dnsimple-token")).toBe(TOKEN_HEADER);
    expect(requests[0]?.headers.get("accept")).toBe("application/json");
    expect(requests[0]?.headers.get("authorization")).toBeNull();
  });

  it("accepts a baseUrl with a trailing slash", async () => {
    server.use(http.get(`${BASE_URL}/domains`, () => HttpResponse.json(domains)));
    const { data } = await createDnsimpleV1Client({ ...credentials, baseUrl: `${BASE_URL}/` }).GET("/domains");
    expect(data).toEqual(domains);
  });

  it("names the package and version in User-Agent, after the caller's own token", async () => {
    server.use(http.get(`${BASE_URL}/domains`, () => HttpResponse.json(domains)));
    await createDnsimpleV1Client({ ...credentials, baseUrl: BASE_URL }).GET("/domains");
    await createDnsimpleV1Client({ ...credentials, baseUrl: BASE_URL, userAgent: "archive-reader/3.0" }).GET("/domains");
    expect(requests.map((r) => r.headers.get("user-agent"))).toEqual([
      `@certkit/dnsimple-v1/${PACKAGE_VERSION}`,
      `archive-reader/3.0 @certkit/dnsimple-v1/${PACKAGE_VERSION}`,
    ]);
  });

  it("keeps PACKAGE_VERSION equal to package.json's version", () => {
    expect(PACKAGE_VERSION).toBe(packageJson.version);
  });

  it("sends requests through a given fetch", async () => {
    const client = createDnsimpleV1Client({
      ...credentials,
      baseUrl: BASE_URL,
      fetch: (request) =>
        Promise.resolve(Response.json(request.headers.get("x-dnsimple-token") === TOKEN_HEADER ? domains : [])),
    });
    const { data } = await client.GET("/domains");
    expect(data).toHaveLength(2);
    expect(requests).toHaveLength(0);
  });

  const invalidOptions: [string, unknown, RegExp][] = [
    ["no options", undefined, /"email" is required/],
    ["no email", { token: TOKEN }, /"email" is required/],
    ["an empty email", { email: "", token: TOKEN }, /"email" is required/],
    ["an email that is not a string", { email: 42, token: TOKEN }, /"email" is required/],
    ["an email with a space", { email: "admin @example.test", token: TOKEN }, /"email" must not contain whitespace/],
    ["an email with a colon", { email: "a:b@example.test", token: TOKEN }, /"email" must be an email address/],
    ["an email without @", { email: "admin", token: TOKEN }, /"email" must be an email address/],
    ["no token", { email: EMAIL }, /"token" is required/],
    ["an empty token", { email: EMAIL, token: "" }, /"token" is required/],
    ["a token with a line break", { email: EMAIL, token: "s3cr3t\r\nX-Evil: 1" }, /"token" must not contain whitespace/],
    ["a relative baseUrl", { ...credentials, baseUrl: "/v1" }, /"baseUrl" must be an absolute https URL/],
    ["a baseUrl of another scheme", { ...credentials, baseUrl: "ftp://dnsimple.example.test" }, /must use https, not ftp:/],
    ["a plain-http baseUrl to another machine", { ...credentials, baseUrl: "http://dnsimple.example.test" }, /must use https, not http: \(http only for a loopback host, or with allowInsecureHttp: true\)/],
    ["a baseUrl with credentials", { ...credentials, baseUrl: "https://u:p@dnsimple.example.test" }, /must not hold credentials/],
    ["a baseUrl with a query", { ...credentials, baseUrl: `${BASE_URL}?x=1` }, /must not have a query/],
    ["a userAgent with a line break", { ...credentials, userAgent: "a\nb" }, /"userAgent" must be printable/],
    ["a fetch that is not a function", { ...credentials, fetch: "fetch" }, /"fetch" must be a function/],
    ["a timeoutMs of 0", { ...credentials, timeoutMs: 0 }, /"timeoutMs" must be a number of milliseconds/],
    ["retry settings that are not an object", { ...credentials, retry: 3 }, /"retry" must be an object/],
    ["a negative retry delay", { ...credentials, retry: { maxDelayMs: -5 } }, /"retry.maxDelayMs"/],
    ["a maxConcurrency of 0", { ...credentials, maxConcurrency: 0 }, /"maxConcurrency" must be a whole number/],
    ["an onEvent that is not a function", { ...credentials, onEvent: true }, /"onEvent" must be a function/],
  ];

  it.each(invalidOptions)("rejects %s with INVALID_INPUT before any request", (_, options, message) => {
    let thrown: unknown;
    try {
      createDnsimpleV1Client(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CertkitError);
    expect(thrown).toMatchObject({ code: "INVALID_INPUT", provider: "dnsimple-v1", retryable: false });
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain("s3cr3t");
    expect(requests).toHaveLength(0);
  });

  it("passes the network policy to the runtime: retries, timeouts, the concurrency cap and events", async () => {
    let count = 0;
    server.use(
      http.get(`${BASE_URL}/domains`, () =>
        count++ === 0 ? HttpResponse.json({ message: "busy" }, { status: 503 }) : HttpResponse.json(domains),
      ),
    );
    const events: string[] = [];
    const client = createDnsimpleV1Client({
      ...credentials,
      baseUrl: BASE_URL,
      retry: { baseDelayMs: 1 },
      timeoutMs: 5_000,
      maxConcurrency: 1,
      onEvent: (event) => events.push(`${event.type} ${event.path}`),
    });
    const { data } = await client.GET("/domains");
    expect(data).toEqual(domains);
    expect(events).toEqual(["request /domains", "response /domains", "retry /domains", "request /domains", "response /domains"]);
    const once = await createDnsimpleV1Client({ ...credentials, baseUrl: BASE_URL, retry: false }).GET("/domains");
    expect(once.data).toEqual(domains);
    expect(count).toBe(3);
  });

  it("applies timeoutMs to each try", async () => {
    server.use(http.get(`${BASE_URL}/domains`, () => new Promise<never>(() => undefined)));
    const client = createDnsimpleV1Client({ ...credentials, baseUrl: BASE_URL, timeoutMs: 50 });
    await expect(client.GET("/domains")).rejects.toMatchObject({ code: "TIMEOUT", provider: "dnsimple-v1" });
  });

  it("holds calls beyond maxConcurrency until one finishes", async () => {
    let inFlight = 0;
    let most = 0;
    server.use(
      http.get(`${BASE_URL}/domains`, async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 10));
        inFlight--;
        return HttpResponse.json(domains);
      }),
    );
    const client = createDnsimpleV1Client({ ...credentials, baseUrl: BASE_URL, maxConcurrency: 2 });
    await Promise.all(Array.from({ length: 5 }, () => client.GET("/domains")));
    expect(requests).toHaveLength(5);
    expect(most).toBe(2);
  });
});
