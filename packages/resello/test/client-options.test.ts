// The client conformance suite (from @certkit/test-kit) with what only Resello's options do: its OTE server, and its
// three kinds of credentials (HTTP Basic, OIDC client credentials, a bearer token).
import { describeClientConformance } from "@certkit/test-kit";
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
import {
  ACCESS_TOKEN,
  API_KEY,
  BASE_URL,
  BASIC_AUTHORIZATION,
  RESELLER_REFERENCE,
  requests,
  server,
} from "./support/server.js";
import packageJson from "../package.json" with { type: "json" };

const basic = { resellerReference: RESELLER_REFERENCE, apiKey: API_KEY };
const OIDC = {
  tokenUrl: "https://id.resello.example.test/realms/r/protocol/openid-connect/token",
  clientId: "rs-4711",
  clientSecret: "oidc-SECRET-77a1",
};
const answerPlans = () =>
  server.use(http.get(`${BASE_URL}/ssl-certificate-plan`, () => HttpResponse.json(envelope(plans))));

describeClientConformance({
  provider: "resello",
  packageName: PACKAGE_NAME,
  packageVersion: PACKAGE_VERSION,
  manifest: packageJson,
  CertkitError,
  create: createReselloClient,
  credentials: basic,
  secrets: [API_KEY, ACCESS_TOKEN, OIDC.clientSecret],
  auth: { header: "authorization", value: BASIC_AUTHORIZATION },
  defaultBaseUrl: RESELLO_BASE_URL,
  baseUrl: BASE_URL,
  read: {
    path: "/ssl-certificate-plan",
    answer: envelope(plans),
    call: (client, options) => client.GET("/ssl-certificate-plan", { ...options }),
  },
  errorBody: (message) => ({ success: false, error: { code: "busy", message } }),
  invalidCredentials: [
    [
      "no options",
      undefined,
      /give "resellerReference" and "apiKey" \(HTTP Basic\), "oidc" \(client credentials\) or "accessToken" \(bearer\)/,
    ],
    ["no credentials", { baseUrl: BASE_URL }, /give "resellerReference" and "apiKey"/],
    ["a reseller reference without an API key", { resellerReference: RESELLER_REFERENCE }, /"apiKey" is required/],
    ["an API key without a reseller reference", { apiKey: API_KEY }, /"resellerReference" is required/],
    ["an empty API key", { ...basic, apiKey: "" }, /"apiKey" is required/],
    ["an API key that is not a string", { ...basic, apiKey: 42 }, /"apiKey" is required/],
    ["an API key with a line break", { ...basic, apiKey: "abc\r\nX-Evil: 1" }, /"apiKey" must not contain whitespace/],
    [
      "a reseller reference with a colon",
      { ...basic, resellerReference: "RS:4711" },
      /"resellerReference" must not contain ":"/,
    ],
    [
      "a reseller reference with a space",
      { ...basic, resellerReference: "RS 4711" },
      /"resellerReference" must not contain whitespace/,
    ],
    ["both Basic credentials and a token", { ...basic, accessToken: ACCESS_TOKEN }, /not several/],
    ["a token and an API key", { apiKey: API_KEY, accessToken: ACCESS_TOKEN }, /not several/],
    ["OIDC credentials and a token", { oidc: OIDC, accessToken: ACCESS_TOKEN }, /not several/],
    ["OIDC credentials that are not an object", { oidc: "client:secret" }, /"oidc" must be an object/],
    ["OIDC credentials without a secret", { oidc: { ...OIDC, clientSecret: "" } }, /"clientSecret" is required/],
    [
      "OIDC credentials with a relative token URL",
      { oidc: { ...OIDC, tokenUrl: "/token" } },
      /"tokenUrl" must be an absolute/,
    ],
    ["an empty token", { accessToken: "" }, /"accessToken" is required/],
    ["a token with its scheme", { accessToken: `Bearer ${ACCESS_TOKEN}` }, /"accessToken" must not contain whitespace/],
  ],
  msw: { server, requests },
});

describe("createReselloClient options", () => {
  it("names the production and OTE servers, and sends to the OTE one when given its URL", async () => {
    expect(RESELLO_BASE_URL).toBe("https://rp01.hostcontrol.com/api/v1");
    expect(RESELLO_OTE_BASE_URL).toBe("https://rp.hostcontrol-ote.com/api/v1");
    const seen: string[] = [];
    const client = createReselloClient({
      accessToken: ACCESS_TOKEN,
      baseUrl: RESELLO_OTE_BASE_URL,
      fetch: (request) => (seen.push(request.url), Promise.resolve(Response.json([]))),
    });
    await client.GET("/ssl-certificate");
    expect(seen).toEqual(["https://rp.hostcontrol-ote.com/api/v1/ssl-certificate"]);
  });

  it("encodes the Basic credentials as UTF-8", async () => {
    answerPlans();
    await createReselloClient({ resellerReference: "Résello-ü", apiKey: "k€y-1234", baseUrl: BASE_URL }).GET(
      "/ssl-certificate-plan",
    );
    expect(requests[0]?.headers.get("authorization")).toBe(
      `Basic ${Buffer.from("Résello-ü:k€y-1234").toString("base64")}`,
    );
  });

  it("sends an access token as a bearer token", async () => {
    answerPlans();
    await createReselloClient({ accessToken: ACCESS_TOKEN, baseUrl: BASE_URL }).GET("/ssl-certificate-plan");
    expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${ACCESS_TOKEN}`);
  });

  it("with oidc, fetches its own access token, sends it as a bearer token and reuses it until it nears expiry", async () => {
    const forms: Record<string, string>[] = [];
    server.use(
      http.post(OIDC.tokenUrl, async ({ request }) => {
        forms.push(Object.fromEntries(new URLSearchParams(await request.text())));
        return HttpResponse.json({
          access_token: ACCESS_TOKEN,
          expires_in: 300,
          refresh_expires_in: 1800,
          token_type: "Bearer",
        });
      }),
    );
    answerPlans();
    const client = createReselloClient({ oidc: OIDC, baseUrl: BASE_URL });
    expect((await client.GET("/ssl-certificate-plan")).error).toBeUndefined();
    expect((await client.GET("/ssl-certificate-plan")).error).toBeUndefined();
    expect(forms).toEqual([
      { grant_type: "client_credentials", client_id: OIDC.clientId, client_secret: OIDC.clientSecret },
    ]);
    const apiCalls = requests.filter((request) => request.url.startsWith(BASE_URL));
    expect(apiCalls.map((request) => request.headers.get("authorization"))).toEqual([
      `Bearer ${ACCESS_TOKEN}`,
      `Bearer ${ACCESS_TOKEN}`,
    ]);
  });

  it("with oidc, reports refused client credentials as AUTH, without the secret", async () => {
    server.use(
      http.post(OIDC.tokenUrl, () =>
        HttpResponse.json(
          { error: "unauthorized_client", error_description: "Invalid client secret" },
          { status: 401 },
        ),
      ),
    );
    const error = await createReselloClient({ oidc: OIDC, baseUrl: BASE_URL })
      .GET("/ssl-certificate-plan")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "AUTH",
      provider: "resello",
      status: 401,
      providerCode: "unauthorized_client",
    });
    expect(JSON.stringify(error)).not.toContain(OIDC.clientSecret);
    expect(requests.filter((request) => request.url.startsWith(BASE_URL))).toHaveLength(0);
  });
});
