import { inspect } from "node:util";
import { HttpResponse, delay, http } from "msw";
import { describe, expect, it } from "vitest";
import { createClientCredentials, dynamicAuthStep, type ClientCredentialsOptions } from "../src/index.js";
import { BASE_URL, exampleClient, fakeClock, useServer } from "./support/example-api.js";

const server = useServer();
const TOKEN_URL = "https://id.example.test/realms/resellers/protocol/openid-connect/token";
const CLIENT_SECRET = "client-SECRET-5b7e-11d2";
const options: ClientCredentialsOptions = {
  provider: "example",
  tokenUrl: TOKEN_URL,
  clientId: "shop-42",
  clientSecret: CLIENT_SECRET,
};

/** A token endpoint handing out `at-1`, `at-2`, ... valid for `expiresIn` seconds, recording each form it got. */
function tokenEndpoint(expiresIn = 300) {
  const forms: URLSearchParams[] = [];
  server.use(
    http.post(TOKEN_URL, async ({ request }) => {
      forms.push(new URLSearchParams(await request.text()));
      await delay(5);
      return HttpResponse.json({
        access_token: `at-${forms.length}-0123456789`,
        expires_in: expiresIn,
        token_type: "Bearer",
      });
    }),
  );
  return forms;
}

/** The example API, answering with the bearer token it was sent. */
function orderEndpoint(status = 200) {
  const seen: (string | null)[] = [];
  server.use(
    http.get(`${BASE_URL}/orders/:id`, ({ request }) => {
      seen.push(request.headers.get("authorization"));
      return status === 200
        ? HttpResponse.json({ id: "o-1", state: "issued" })
        : HttpResponse.json({ error: `token ${request.headers.get("authorization")} revoked` }, { status });
    }),
  );
  return seen;
}

const clientWith = (auth: ReturnType<typeof createClientCredentials>) =>
  exampleClient(fakeClock().clock, { auth: { headers: {}, secrets: [CLIENT_SECRET], step: dynamicAuthStep(auth) } });
const getOrder = (client: ReturnType<typeof clientWith>, init: Record<string, unknown> = {}) =>
  client.GET("/orders/{id}", { params: { path: { id: "o-1" } }, ...init });

describe("createClientCredentials", () => {
  it("asks the token endpoint once for a burst of calls, with the client credentials grant", async () => {
    const forms = tokenEndpoint();
    const seen = orderEndpoint();
    const client = clientWith(createClientCredentials({ ...options, scope: "ssl" }));
    await Promise.all(Array.from({ length: 5 }, () => getOrder(client)));
    expect(forms).toHaveLength(1);
    expect(Object.fromEntries(forms[0]!)).toEqual({
      grant_type: "client_credentials",
      client_id: "shop-42",
      client_secret: CLIENT_SECRET,
      scope: "ssl",
    });
    expect(seen).toEqual(Array.from({ length: 5 }, () => "Bearer at-1-0123456789"));
  });

  it("replaces a token shortly before it expires", async () => {
    const forms = tokenEndpoint(300);
    const seen = orderEndpoint();
    let now = 1_000_000;
    const client = clientWith(createClientCredentials(options, () => now));
    await getOrder(client);
    now += 269_000; // 31 s left: still used
    await getOrder(client);
    now += 2_000; // 29 s left: inside the 30-second margin
    await getOrder(client);
    expect(forms).toHaveLength(2);
    expect(seen).toEqual(["Bearer at-1-0123456789", "Bearer at-1-0123456789", "Bearer at-2-0123456789"]);
  });

  it("drops the cached token after a 401, so the next call gets a new one", async () => {
    const forms = tokenEndpoint();
    orderEndpoint(401);
    const client = clientWith(createClientCredentials(options));
    const { error } = await getOrder(client);
    expect(error).toMatchObject({ code: "AUTH", status: 401 });
    expect(error?.message).toContain("token Bearer [REDACTED] revoked");
    const seen = orderEndpoint();
    await getOrder(client);
    expect(forms).toHaveLength(2);
    expect(seen).toEqual(["Bearer at-2-0123456789"]);
  });

  it("fails the call with AUTH when the token endpoint refuses the credentials, sending nothing to the API", async () => {
    server.use(
      http.post(TOKEN_URL, () =>
        HttpResponse.json(
          { error: "invalid_client", error_description: `bad secret ${CLIENT_SECRET}` },
          { status: 401 },
        ),
      ),
    );
    const seen = orderEndpoint();
    const error = await getOrder(clientWith(createClientCredentials(options))).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AUTH", status: 401, providerCode: "invalid_client", retryable: false });
    expect((error as Error).message).toBe(
      "example: the token endpoint refused the client credentials with HTTP 401 (invalid_client): bad secret [REDACTED]",
    );
    expect(`${inspect(error, { depth: 10 })}${JSON.stringify(error)}`).not.toContain(CLIENT_SECRET);
    expect(seen).toEqual([]);
  });

  it("says NETWORK when the token endpoint cannot be reached, and PROVIDER when it sends no token", async () => {
    let asked = 0;
    server.use(http.post(TOKEN_URL, () => (asked++, HttpResponse.error())));
    await expect(getOrder(clientWith(createClientCredentials(options)))).rejects.toMatchObject({
      code: "NETWORK",
      retryable: true,
    });
    // The call's retry policy bounds it, though no try reached the API: three tries, three token requests.
    expect(asked).toBe(3);
    server.use(http.post(TOKEN_URL, () => HttpResponse.json({ token_type: "Bearer" })));
    await expect(getOrder(clientWith(createClientCredentials(options)))).rejects.toMatchObject({
      code: "PROVIDER",
      message: "example: the token endpoint answered HTTP 200 without an access_token",
    });
  });

  it("never follows a redirect from the token endpoint: the secret goes nowhere else, and no foreign token is used", async () => {
    const elsewhere = { hits: 0 };
    server.use(
      http.post(
        TOKEN_URL,
        () => new HttpResponse(null, { status: 307, headers: { Location: "https://other.example.test/token" } }),
      ),
      http.post(
        "https://other.example.test/token",
        () => (elsewhere.hits++, HttpResponse.json({ access_token: "foreign-token-123", expires_in: 300 })),
      ),
    );
    const seen = orderEndpoint();
    const error = await getOrder(clientWith(createClientCredentials(options))).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PROVIDER", status: 307 });
    expect((error as Error).message).toBe(
      "example: the token endpoint answered with a redirect (HTTP 307) to https://other.example.test, which is never followed: the client secret was sent nowhere else",
    );
    expect(elsewhere.hits).toBe(0);
    expect(seen).toEqual([]);
  });

  it("refuses a token answer longer than any token", async () => {
    server.use(http.post(TOKEN_URL, () => HttpResponse.text("x".repeat(200_000))));
    await expect(getOrder(clientWith(createClientCredentials(options)))).rejects.toMatchObject({
      code: "PROVIDER",
      message: expect.stringContaining("the token endpoint answered with more than"),
    });
  });

  it("refuses an access token longer than 8,192 characters, sending nothing to the API", async () => {
    server.use(http.post(TOKEN_URL, () => HttpResponse.json({ access_token: "t".repeat(8193), expires_in: 300 })));
    const seen = orderEndpoint();
    await expect(getOrder(clientWith(createClientCredentials(options)))).rejects.toMatchObject({
      code: "PROVIDER",
      message: expect.stringContaining("an access_token of 8193 characters, more than the 8192 a client takes"),
    });
    expect(seen).toEqual([]);
  });

  it("takes a plain-http tokenUrl on this machine, or with allowInsecureHttp", () => {
    expect(() => createClientCredentials({ ...options, tokenUrl: "http://127.0.0.1:8080/token" })).not.toThrow();
    expect(() =>
      createClientCredentials({ ...options, tokenUrl: "http://id.example.test/token", allowInsecureHttp: true }),
    ).not.toThrow();
  });

  it("lets the caller abort while the token is fetched", async () => {
    server.use(http.post(TOKEN_URL, () => new Promise<never>(() => undefined)));
    const controller = new AbortController();
    const pending = getOrder(clientWith(createClientCredentials(options)), { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ code: "ABORTED" });
  });

  it.each([
    ["a relative tokenUrl", { tokenUrl: "/token" }, /"tokenUrl" must be an absolute https URL/],
    ["a plain-http tokenUrl", { tokenUrl: "http://id.example.test/token" }, /"tokenUrl" must use https, not http:/],
    ["a tokenUrl with credentials", { tokenUrl: "https://u:p@id.example.test/token" }, /"tokenUrl"/],
    ["no clientId", { clientId: "" }, /"clientId" is required/],
    ["no clientSecret", { clientSecret: "" }, /"clientSecret" is required/],
    ["a timeoutMs of 0", { timeoutMs: 0 }, /"timeoutMs"/],
  ])("rejects %s with INVALID_INPUT", (_, override, message) => {
    expect(() => createClientCredentials({ ...options, ...override })).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", message: expect.stringMatching(message) }),
    );
  });
});
