import { inspect } from "node:util";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { CertkitError, createDnsimpleClient, DNSIMPLE_OTP_REQUIRED, type ClientEvent } from "../src/index.js";
import { accountWhoami } from "./support/fixtures.js";
import { BASE_URL, requests, server, TOKEN } from "./support/server.js";

const EMAIL = "jane@example.com";
const PASSWORD = "correct horse · battery staple";
const OTP = "482913";

/** What DNSimple answers a Basic request of a user with two-factor authentication that carries no code. */
function twoFactorServer() {
  server.use(
    http.get(`${BASE_URL}/whoami`, ({ request }) =>
      request.headers.get("x-dnsimple-otp") === OTP
        ? HttpResponse.json({ data: { account: null, user: { id: 2020, email: EMAIL } } })
        : HttpResponse.json(
            { message: "Authentication failed: a one-time password is required" },
            { status: 401, headers: { "X-Dnsimple-OTP": "required" } },
          ),
    ),
  );
}

describe("DNSimple authentication", () => {
  it("sends a token as Authorization: Bearer", async () => {
    server.use(http.get(`${BASE_URL}/whoami`, () => HttpResponse.json({ data: accountWhoami })));
    await createDnsimpleClient({ token: TOKEN, baseUrl: BASE_URL }).GET("/whoami");
    expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(requests[0]?.headers.has("x-dnsimple-otp")).toBe(false);
  });

  it("sends an email and password as HTTP Basic, UTF-8 then base64", async () => {
    server.use(http.get(`${BASE_URL}/whoami`, () => HttpResponse.json({ data: accountWhoami })));
    await createDnsimpleClient({ email: EMAIL, password: PASSWORD, baseUrl: BASE_URL }).GET("/whoami");
    const header = requests[0]?.headers.get("authorization") ?? "";
    expect(header).toBe(`Basic ${Buffer.from(`${EMAIL}:${PASSWORD}`, "utf8").toString("base64")}`);
    expect(Buffer.from(header.slice("Basic ".length), "base64").toString("utf8")).toBe(`${EMAIL}:${PASSWORD}`);
  });

  it("sends the otp option as X-Dnsimple-OTP on every request", async () => {
    twoFactorServer();
    const client = createDnsimpleClient({ email: EMAIL, password: PASSWORD, otp: OTP, baseUrl: BASE_URL });
    const first = await client.GET("/whoami");
    const second = await client.GET("/whoami");
    expect(first.data?.data.user?.email).toBe(EMAIL);
    expect(second.error).toBeUndefined();
    expect(requests.map((r) => r.headers.get("x-dnsimple-otp"))).toEqual([OTP, OTP]);
  });

  it("takes a one-time code on a single call, through the spec's header parameter", async () => {
    twoFactorServer();
    const client = createDnsimpleClient({ email: EMAIL, password: PASSWORD, baseUrl: BASE_URL });
    const { data } = await client.GET("/whoami", { params: { header: { "X-Dnsimple-OTP": OTP } } });
    expect(data?.data.user?.id).toBe(2020);
    expect(requests[0]?.headers.get("x-dnsimple-otp")).toBe(OTP);
  });

  it("lets a call's one-time code replace the client's expired one", async () => {
    twoFactorServer();
    const client = createDnsimpleClient({ email: EMAIL, password: PASSWORD, otp: "111111", baseUrl: BASE_URL });
    const { error } = await client.GET("/whoami", { params: { header: { "X-Dnsimple-OTP": OTP } } });
    expect(error).toBeUndefined();
    expect(requests[0]?.headers.get("x-dnsimple-otp")).toBe(OTP);
  });

  it("reports a two-factor challenge as a 401 AUTH error whose response says X-Dnsimple-OTP: required", async () => {
    twoFactorServer();
    const client = createDnsimpleClient({ email: EMAIL, password: PASSWORD, baseUrl: BASE_URL });
    const { error, response } = await client.GET("/whoami");
    expect(error).toBeInstanceOf(CertkitError);
    expect(error).toMatchObject({
      code: "AUTH",
      provider: "dnsimple",
      status: 401,
      retryable: false,
      providerCode: DNSIMPLE_OTP_REQUIRED,
    });
    expect(DNSIMPLE_OTP_REQUIRED).toBe("OTP_REQUIRED");
    expect(error?.message).toBe(
      "DNSimple API: GET /whoami failed with HTTP 401 Unauthorized (OTP_REQUIRED): Authentication failed: a one-time password is required",
    );
    expect(response.headers.get("X-Dnsimple-OTP")).toBe("required");

    const retried = await createDnsimpleClient({ email: EMAIL, password: PASSWORD, otp: OTP, baseUrl: BASE_URL }).GET(
      "/whoami",
    );
    expect(retried.error).toBeUndefined();
    expect(retried.data?.data.user?.id).toBe(2020);
  });

  it("reports DNSimple's own 401 for a bad token, without the token", async () => {
    server.use(
      http.get(`${BASE_URL}/whoami`, () =>
        HttpResponse.json(
          { message: "Authentication failed" },
          { status: 401, headers: { "X-Request-Id": "req-401" } },
        ),
      ),
    );
    const { error, response } = await createDnsimpleClient({ token: TOKEN, baseUrl: BASE_URL }).GET("/whoami");
    expect(error).toMatchObject({
      code: "AUTH",
      status: 401,
      providerCode: undefined,
      requestId: "req-401",
      body: { message: "Authentication failed" },
    });
    expect(error?.message).toBe("DNSimple API: GET /whoami failed with HTTP 401 Unauthorized: Authentication failed");
    expect(response.headers.has("X-Dnsimple-OTP")).toBe(false);
  });

  it("never lets a token, a password, the encoded Basic header or a one-time code into an error or an event", async () => {
    server.use(
      http.get(`${BASE_URL}/whoami`, ({ request }) => {
        const authorization = request.headers.get("authorization");
        const otp = request.headers.get("x-dnsimple-otp");
        // A broken server that decodes the Basic credentials and echoes them.
        const decoded = authorization?.startsWith("Basic ")
          ? Buffer.from(authorization.slice(6), "base64").toString("utf8")
          : "";
        return HttpResponse.json(
          {
            message: `Denied ${authorization} with code ${otp}`,
            errors: { authorization: [`${authorization}`] },
            echo: decoded,
          },
          { status: 403 },
        );
      }),
    );
    const events: ClientEvent[] = [];
    const basic = createDnsimpleClient({
      email: EMAIL,
      password: PASSWORD,
      otp: OTP,
      baseUrl: BASE_URL,
      onEvent: (e) => events.push(e),
    });
    const bearer = createDnsimpleClient({ token: TOKEN, baseUrl: BASE_URL, onEvent: (e) => events.push(e) });
    const encoded = Buffer.from(`${EMAIL}:${PASSWORD}`, "utf8").toString("base64");
    for (const client of [basic, bearer]) {
      const { error } = await client.GET("/whoami");
      expect(error).toMatchObject({ code: "AUTH", status: 403 });
      const renderings = [
        error?.message,
        JSON.stringify(error),
        inspect(error, { depth: 10 }),
        inspect(events, { depth: 10 }),
      ].join("\n");
      for (const secret of [TOKEN, PASSWORD, encoded, OTP]) expect(renderings).not.toContain(secret);
      expect(renderings).toContain("[REDACTED]");
    }
  });
});
