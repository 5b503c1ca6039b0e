import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  CertkitError,
  createDnsimpleClient,
  DNSIMPLE_BASE_URL,
  DNSIMPLE_SANDBOX_BASE_URL,
  PACKAGE_VERSION,
} from "../src/index.js";
import { accountWhoami } from "./support/fixtures.js";
import { BASE_URL, requests, server, TOKEN } from "./support/server.js";
import packageJson from "../package.json" with { type: "json" };

const whoami = () => http.get(`${BASE_URL}/whoami`, () => HttpResponse.json({ data: accountWhoami }));

describe("createDnsimpleClient options", () => {
  it("uses the production server by default, and exports the sandbox's", async () => {
    const seen: string[] = [];
    const client = createDnsimpleClient({
      token: TOKEN,
      fetch: (request) => {
        seen.push(request.url);
        return Promise.resolve(Response.json({ data: accountWhoami }));
      },
    });
    await client.GET("/whoami");
    expect(DNSIMPLE_BASE_URL).toBe("https://api.dnsimple.com/v2");
    expect(DNSIMPLE_SANDBOX_BASE_URL).toBe("https://api.sandbox.dnsimple.com/v2");
    expect(seen).toEqual(["https://api.dnsimple.com/v2/whoami"]);
  });

  it("sends to the sandbox when given its base URL", async () => {
    const seen: string[] = [];
    const client = createDnsimpleClient({
      token: TOKEN,
      baseUrl: DNSIMPLE_SANDBOX_BASE_URL,
      fetch: (request) => {
        seen.push(request.url);
        return Promise.resolve(Response.json({ data: accountWhoami }));
      },
    });
    await client.GET("/{account}/domains", { params: { path: { account: 1010 } } });
    expect(seen).toEqual(["https://api.sandbox.dnsimple.com/v2/1010/domains"]);
  });

  it("accepts a baseUrl with a trailing slash", async () => {
    server.use(whoami());
    const { data } = await createDnsimpleClient({ token: TOKEN, baseUrl: `${BASE_URL}/` }).GET("/whoami");
    expect(data).toEqual({ data: accountWhoami });
    expect(requests[0]?.url).toBe(`${BASE_URL}/whoami`);
  });

  it("names the package and version in User-Agent, after the caller's own token", async () => {
    server.use(whoami());
    await createDnsimpleClient({ token: TOKEN, baseUrl: BASE_URL }).GET("/whoami");
    await createDnsimpleClient({ token: TOKEN, baseUrl: BASE_URL, userAgent: "cert-renewer/3.2" }).GET("/whoami");
    expect(requests.map((r) => r.headers.get("user-agent"))).toEqual([
      `@certkit/dnsimple/${PACKAGE_VERSION}`,
      `cert-renewer/3.2 @certkit/dnsimple/${PACKAGE_VERSION}`,
    ]);
  });

  it("keeps PACKAGE_VERSION equal to package.json's version", () => {
    expect(PACKAGE_VERSION).toBe(packageJson.version);
  });

  it("sends requests through a given fetch", async () => {
    const client = createDnsimpleClient({
      token: TOKEN,
      baseUrl: BASE_URL,
      fetch: (request) =>
        Promise.resolve(
          Response.json({
            data: { account: null, user: { id: request.headers.get("authorization") === `Bearer ${TOKEN}` ? 99 : 0 } },
          }),
        ),
    });
    const { data } = await client.GET("/whoami");
    expect(data?.data.user?.id).toBe(99);
  });

  const invalidOptions: [string, unknown, RegExp][] = [
    ["no options", undefined, /"token" is required/],
    ["no credentials", {}, /"token" is required/],
    ["an empty token", { token: "" }, /"token" is required/],
    ["a token that is not a string", { token: 42 }, /"token" is required/],
    ["a token with a line break", { token: "abc\r\nX-Evil: 1" }, /"token" must not contain whitespace/],
    ["a token and an email", { token: TOKEN, email: "jane@example.com", password: "pw" }, /either option "token" or/],
    ["an email without a password", { email: "jane@example.com" }, /"password" is required/],
    ["a password without an email", { password: "correct horse" }, /"email" is required/],
    ["an empty password", { email: "jane@example.com", password: "" }, /"password" is required/],
    ["an email with a colon", { email: "jane:x@example.com", password: "pw" }, /"email" must not contain ":"/],
    ["an email with a space", { email: "jane @example.com", password: "pw" }, /"email" must not contain whitespace/],
    ["an otp with a space", { token: TOKEN, otp: "123 456" }, /"otp" must not contain whitespace/],
    ["an empty otp", { token: TOKEN, otp: "" }, /"otp" is required and must be a non-empty string/],
    ["a relative baseUrl", { token: TOKEN, baseUrl: "/v2" }, /"baseUrl" must be an absolute https URL/],
    ["a baseUrl of another scheme", { token: TOKEN, baseUrl: "ftp://dnsimple.example.test" }, /must use https, not ftp:/],
    ["a plain-http baseUrl to another machine", { token: TOKEN, baseUrl: "http://dnsimple.example.test" }, /must use https, not http: \(http only for a loopback host, or with allowInsecureHttp: true\)/],
    ["a baseUrl with credentials", { token: TOKEN, baseUrl: "https://u:p@dnsimple.example.test" }, /must not hold credentials/],
    ["a baseUrl with a query", { token: TOKEN, baseUrl: `${BASE_URL}?x=1` }, /must not have a query/],
    ["a userAgent with a line break", { token: TOKEN, userAgent: "a\nb" }, /"userAgent" must be printable/],
    ["a fetch that is not a function", { token: TOKEN, fetch: "fetch" }, /"fetch" must be a function/],
    ["a timeoutMs of 0", { token: TOKEN, timeoutMs: 0 }, /"timeoutMs" must be a number of milliseconds/],
    ["retry settings that are not an object", { token: TOKEN, retry: 3 }, /"retry" must be an object/],
    ["a negative retry delay", { token: TOKEN, retry: { maxDelayMs: -5 } }, /"retry.maxDelayMs"/],
    ["a maxConcurrency of 0", { token: TOKEN, maxConcurrency: 0 }, /"maxConcurrency" must be a whole number/],
    ["an onEvent that is not a function", { token: TOKEN, onEvent: true }, /"onEvent" must be a function/],
  ];

  it.each(invalidOptions)("rejects %s with INVALID_INPUT before any request", (_, options, message) => {
    let thrown: unknown;
    try {
      createDnsimpleClient(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CertkitError);
    expect(thrown).toMatchObject({ code: "INVALID_INPUT", provider: "dnsimple", retryable: false });
    const text = (thrown as Error).message;
    expect(text).toMatch(message);
    for (const secret of [TOKEN, "correct horse", "123 456", "abc\r\n"]) expect(text).not.toContain(secret);
    expect(requests).toHaveLength(0);
  });

  it("accepts a password with spaces and characters outside ASCII", () => {
    expect(() => createDnsimpleClient({ email: "jane@example.com", password: "correct horse · battery" })).not.toThrow();
  });

  it("passes the network policy to the runtime: retries, timeouts, the concurrency cap and events", async () => {
    let count = 0;
    server.use(
      http.get(`${BASE_URL}/whoami`, () =>
        count++ === 0
          ? HttpResponse.json({ message: "Service unavailable" }, { status: 503 })
          : HttpResponse.json({ data: accountWhoami }),
      ),
    );
    const events: string[] = [];
    const client = createDnsimpleClient({
      token: TOKEN,
      baseUrl: BASE_URL,
      retry: { baseDelayMs: 1 },
      timeoutMs: 5_000,
      maxConcurrency: 1,
      onEvent: (event) => events.push(`${event.type} ${event.path}`),
    });
    const { data } = await client.GET("/whoami");
    expect(data).toEqual({ data: accountWhoami });
    expect(events).toEqual([
      "request /whoami",
      "response /whoami",
      "retry /whoami",
      "request /whoami",
      "response /whoami",
    ]);
    const once = await createDnsimpleClient({ token: TOKEN, baseUrl: BASE_URL, retry: false }).GET("/whoami");
    expect(once.data).toEqual({ data: accountWhoami });
    expect(count).toBe(3);
  });

  it("gives up on a call that outlives timeoutMs, with TIMEOUT", async () => {
    server.use(http.get(`${BASE_URL}/whoami`, () => new Promise<never>(() => undefined)));
    const client = createDnsimpleClient({ token: TOKEN, baseUrl: BASE_URL, timeoutMs: 50 });
    await expect(client.GET("/whoami")).rejects.toMatchObject({ code: "TIMEOUT", provider: "dnsimple" });
  });

  it("keeps at most maxConcurrency requests in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    server.use(
      http.get(`${BASE_URL}/whoami`, async () => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 10));
        inFlight--;
        return HttpResponse.json({ data: accountWhoami });
      }),
    );
    const client = createDnsimpleClient({ token: TOKEN, baseUrl: BASE_URL, maxConcurrency: 2 });
    await Promise.all(Array.from({ length: 6 }, () => client.GET("/whoami")));
    expect(requests).toHaveLength(6);
    expect(peak).toBe(2);
  });
});
