import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  CertkitError,
  createReselloClient,
  PACKAGE_VERSION,
  RESELLO_BASE_URL,
  RESELLO_OTE_BASE_URL,
} from "../src/index.js";
import { PACKAGE_NAME } from "../src/version.js";
import { envelope, plans } from "./support/fixtures.js";
import { ACCESS_TOKEN, API_KEY, BASE_URL, BASIC_AUTHORIZATION, RESELLER_REFERENCE, requests, server } from "./support/server.js";
import packageJson from "../package.json" with { type: "json" };

const basic = { resellerReference: RESELLER_REFERENCE, apiKey: API_KEY };
const OIDC = { tokenUrl: "https://id.resello.example.test/realms/r/protocol/openid-connect/token", clientId: "rs-4711", clientSecret: "oidc-SECRET-77a1" };
const answerPlans = () => server.use(http.get(`${BASE_URL}/ssl-certificate-plan`, () => HttpResponse.json(envelope(plans))));

describe("createReselloClient options", () => {
  it("uses the production server by default, and names the OTE one", async () => {
    const seen: string[] = [];
    const client = createReselloClient({
      ...basic,
      fetch: (request) => {
        seen.push(request.url);
        return Promise.resolve(Response.json(envelope(plans)));
      },
    });
    await client.GET("/ssl-certificate-plan");
    expect(RESELLO_BASE_URL).toBe("https://rp01.hostcontrol.com/api/v1");
    expect(RESELLO_OTE_BASE_URL).toBe("https://rp.hostcontrol-ote.com/api/v1");
    expect(seen).toEqual(["https://rp01.hostcontrol.com/api/v1/ssl-certificate-plan"]);
  });

  it("sends requests to the OTE server when given its URL", async () => {
    const seen: string[] = [];
    const client = createReselloClient({
      accessToken: ACCESS_TOKEN,
      baseUrl: RESELLO_OTE_BASE_URL,
      fetch: (request) => {
        seen.push(request.url);
        return Promise.resolve(Response.json([]));
      },
    });
    await client.GET("/ssl-certificate");
    expect(seen).toEqual(["https://rp.hostcontrol-ote.com/api/v1/ssl-certificate"]);
  });

  it("accepts a baseUrl with a trailing slash", async () => {
    answerPlans();
    const { data } = await createReselloClient({ ...basic, baseUrl: `${BASE_URL}/` }).GET("/ssl-certificate-plan");
    expect(data).toEqual(envelope(plans));
    expect(new URL(requests[0]!.url).pathname).toBe("/api/v1/ssl-certificate-plan");
  });

  it("encodes the Basic credentials as UTF-8", async () => {
    answerPlans();
    await createReselloClient({ ...basic, baseUrl: BASE_URL }).GET("/ssl-certificate-plan");
    await createReselloClient({ resellerReference: "Résello-ü", apiKey: "k€y-1234", baseUrl: BASE_URL }).GET(
      "/ssl-certificate-plan",
    );
    expect(requests[0]?.headers.get("authorization")).toBe(BASIC_AUTHORIZATION);
    expect(requests[1]?.headers.get("authorization")).toBe(`Basic ${Buffer.from("Résello-ü:k€y-1234").toString("base64")}`);
  });

  it("names the package and version in User-Agent, after the caller's own token", async () => {
    answerPlans();
    await createReselloClient({ ...basic, baseUrl: BASE_URL }).GET("/ssl-certificate-plan");
    await createReselloClient({ ...basic, baseUrl: BASE_URL, userAgent: "shop-renewer/2.1" }).GET("/ssl-certificate-plan");
    expect(requests.map((r) => r.headers.get("user-agent"))).toEqual([
      `@certkit/resello/${PACKAGE_VERSION}`,
      `shop-renewer/2.1 @certkit/resello/${PACKAGE_VERSION}`,
    ]);
  });

  it("keeps PACKAGE_NAME and PACKAGE_VERSION equal to package.json's", () => {
    expect(PACKAGE_NAME).toBe(packageJson.name);
    expect(PACKAGE_VERSION).toBe(packageJson.version);
  });

  it("sends requests through a given fetch", async () => {
    const client = createReselloClient({
      accessToken: ACCESS_TOKEN,
      baseUrl: BASE_URL,
      fetch: (request) =>
        Promise.resolve(Response.json(request.headers.get("authorization") === `Bearer ${ACCESS_TOKEN}` ? plans : [])),
    });
    const { data } = await client.GET("/ssl-certificate-plan");
    expect(data).toEqual(plans);
  });

  const invalidOptions: [string, unknown, RegExp][] = [
    ["no options", undefined, /give "resellerReference" and "apiKey" \(HTTP Basic\), "oidc" \(client credentials\) or "accessToken" \(bearer\)/],
    ["no credentials", { baseUrl: BASE_URL }, /give "resellerReference" and "apiKey"/],
    ["a reseller reference without an API key", { resellerReference: RESELLER_REFERENCE }, /"apiKey" is required/],
    ["an API key without a reseller reference", { apiKey: API_KEY }, /"resellerReference" is required/],
    ["an empty API key", { ...basic, apiKey: "" }, /"apiKey" is required/],
    ["an API key that is not a string", { ...basic, apiKey: 42 }, /"apiKey" is required/],
    ["an API key with a line break", { ...basic, apiKey: "abc\r\nX-Evil: 1" }, /"apiKey" must not contain whitespace/],
    ["a reseller reference with a colon", { ...basic, resellerReference: "RS:4711" }, /"resellerReference" must not contain ":"/],
    ["a reseller reference with a space", { ...basic, resellerReference: "RS 4711" }, /"resellerReference" must not contain whitespace/],
    ["both Basic credentials and a token", { ...basic, accessToken: ACCESS_TOKEN }, /not several/],
    ["a token and an API key", { apiKey: API_KEY, accessToken: ACCESS_TOKEN }, /not several/],
    ["OIDC credentials and a token", { oidc: OIDC, accessToken: ACCESS_TOKEN }, /not several/],
    ["OIDC credentials that are not an object", { oidc: "client:secret" }, /"oidc" must be an object/],
    ["OIDC credentials without a secret", { oidc: { ...OIDC, clientSecret: "" } }, /"clientSecret" is required/],
    ["OIDC credentials with a relative token URL", { oidc: { ...OIDC, tokenUrl: "/token" } }, /"tokenUrl" must be an absolute/],
    ["an empty token", { accessToken: "" }, /"accessToken" is required/],
    ["a token with its scheme", { accessToken: `Bearer ${ACCESS_TOKEN}` }, /"accessToken" must not contain whitespace/],
    ["a relative baseUrl", { ...basic, baseUrl: "/api/v1" }, /"baseUrl" must be an absolute https URL/],
    ["a baseUrl of another scheme", { ...basic, baseUrl: "ftp://resello.example.test" }, /must use https, not ftp:/],
    ["a plain-http baseUrl to another machine", { ...basic, baseUrl: "http://resello.example.test" }, /must use https, not http: \(http only for a loopback host, or with allowInsecureHttp: true\)/],
    ["a baseUrl with credentials", { ...basic, baseUrl: "https://u:p@resello.example.test" }, /must not hold credentials/],
    ["a baseUrl with a query", { ...basic, baseUrl: `${BASE_URL}?x=1` }, /must not have a query/],
    ["a userAgent with a line break", { ...basic, userAgent: "a\nb" }, /"userAgent" must be printable/],
    ["a fetch that is not a function", { ...basic, fetch: "fetch" }, /"fetch" must be a function/],
    ["a timeoutMs of 0", { ...basic, timeoutMs: 0 }, /"timeoutMs" must be a number of milliseconds/],
    ["retry settings that are not an object", { ...basic, retry: 3 }, /"retry" must be an object/],
    ["a negative retry delay", { ...basic, retry: { maxDelayMs: -5 } }, /"retry.maxDelayMs"/],
    ["a maxConcurrency of 0", { ...basic, maxConcurrency: 0 }, /"maxConcurrency" must be a whole number/],
    ["an onEvent that is not a function", { ...basic, onEvent: true }, /"onEvent" must be a function/],
  ];

  it.each(invalidOptions)("rejects %s with INVALID_INPUT before any request", (_, options, message) => {
    let thrown: unknown;
    try {
      createReselloClient(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CertkitError);
    expect(thrown).toMatchObject({ code: "INVALID_INPUT", provider: "resello", retryable: false });
    expect((thrown as Error).message).toMatch(message);
    for (const secret of [API_KEY, ACCESS_TOKEN, "abc\r\n"]) expect((thrown as Error).message).not.toContain(secret);
    expect(requests).toHaveLength(0);
  });

  it("passes the network policy to the runtime: retries, timeouts, the concurrency cap and events", async () => {
    let count = 0;
    server.use(
      http.get(`${BASE_URL}/ssl-certificate-plan`, () =>
        count++ === 0
          ? HttpResponse.json({ success: false, error: { message: "busy" } }, { status: 503 })
          : HttpResponse.json(envelope(plans)),
      ),
    );
    const events: string[] = [];
    const client = createReselloClient({
      ...basic,
      baseUrl: BASE_URL,
      retry: { baseDelayMs: 1 },
      timeoutMs: 5_000,
      maxConcurrency: 1,
      onEvent: (event) => events.push(`${event.type} ${event.path}`),
    });
    const { data } = await client.GET("/ssl-certificate-plan");
    expect(data).toEqual(envelope(plans));
    expect(events).toEqual([
      "request /ssl-certificate-plan",
      "response /ssl-certificate-plan",
      "retry /ssl-certificate-plan",
      "request /ssl-certificate-plan",
      "response /ssl-certificate-plan",
    ]);
    count = 0;
    const once = await createReselloClient({ ...basic, baseUrl: BASE_URL, retry: false }).GET("/ssl-certificate-plan");
    expect(once.error).toMatchObject({ code: "PROVIDER", status: 503 });
  });

  it("times out a try that takes longer than timeoutMs", async () => {
    server.use(http.get(`${BASE_URL}/ssl-certificate-plan`, () => new Promise<never>(() => undefined)));
    await expect(
      createReselloClient({ ...basic, baseUrl: BASE_URL, timeoutMs: 50, retry: false }).GET("/ssl-certificate-plan"),
    ).rejects.toMatchObject({ code: "TIMEOUT", provider: "resello" });
  });

  it("holds calls beyond maxConcurrency until a slot is free", async () => {
    let inFlight = 0;
    let most = 0;
    server.use(
      http.get(`${BASE_URL}/ssl-certificate-plan`, async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 10));
        inFlight--;
        return HttpResponse.json(plans);
      }),
    );
    const client = createReselloClient({ ...basic, baseUrl: BASE_URL, maxConcurrency: 2 });
    await Promise.all(Array.from({ length: 5 }, () => client.GET("/ssl-certificate-plan")));
    expect(requests).toHaveLength(5);
    expect(most).toBe(2);
  });

  it("with oidc, fetches its own access token, sends it as a bearer token and reuses it until it nears expiry", async () => {
    const forms: Record<string, string>[] = [];
    server.use(
      http.post(OIDC.tokenUrl, async ({ request }) => {
        forms.push(Object.fromEntries(new URLSearchParams(await request.text())));
        return HttpResponse.json({ access_token: ACCESS_TOKEN, expires_in: 300, refresh_expires_in: 1800, token_type: "Bearer" });
      }),
    );
    answerPlans();
    const client = createReselloClient({ oidc: OIDC, baseUrl: BASE_URL });
    expect((await client.GET("/ssl-certificate-plan")).error).toBeUndefined();
    expect((await client.GET("/ssl-certificate-plan")).error).toBeUndefined();
    expect(forms).toEqual([{ grant_type: "client_credentials", client_id: OIDC.clientId, client_secret: OIDC.clientSecret }]);
    const apiCalls = requests.filter((request) => request.url.startsWith(BASE_URL));
    expect(apiCalls.map((request) => request.headers.get("authorization"))).toEqual([`Bearer ${ACCESS_TOKEN}`, `Bearer ${ACCESS_TOKEN}`]);
  });

  it("with oidc, reports refused client credentials as AUTH, without the secret", async () => {
    server.use(
      http.post(OIDC.tokenUrl, () =>
        HttpResponse.json({ error: "unauthorized_client", error_description: "Invalid client secret" }, { status: 401 }),
      ),
    );
    const error = await createReselloClient({ oidc: OIDC, baseUrl: BASE_URL }).GET("/ssl-certificate-plan").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AUTH", provider: "resello", status: 401, providerCode: "unauthorized_client" });
    expect(JSON.stringify(error)).not.toContain(OIDC.clientSecret);
    expect(requests.filter((request) => request.url.startsWith(BASE_URL))).toHaveLength(0);
  });
});
