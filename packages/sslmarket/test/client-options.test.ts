// The client conformance suite (from @certkit/test-kit) with what only SSLmarket's options do: one API per national
// site, the token in X-Auth-Token, and the rate limit it reports.
import { describeClientConformance } from "@certkit/test-kit";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  CertkitError,
  createSslmarketClient,
  PACKAGE_VERSION,
  SSLMARKET_BASE_URL,
  SSLMARKET_SITE_BASE_URLS,
} from "../src/index.js";
import { PACKAGE_NAME } from "../src/version.js";
import { products } from "./support/fixtures.js";
import { BASE_URL, requests, server, TOKEN } from "./support/server.js";
import packageJson from "../package.json" with { type: "json" };

describeClientConformance({
  provider: "sslmarket",
  packageName: PACKAGE_NAME,
  packageVersion: PACKAGE_VERSION,
  manifest: packageJson,
  CertkitError,
  create: createSslmarketClient,
  credentials: { token: TOKEN },
  secrets: [TOKEN],
  auth: { header: "x-auth-token", value: TOKEN },
  defaultBaseUrl: SSLMARKET_BASE_URL,
  baseUrl: BASE_URL,
  read: {
    path: "/product/list",
    answer: products,
    call: (client, options) => client.GET("/product/list", { ...options }),
  },
  errorBody: (message) => ({ error: "busy", message }),
  invalidCredentials: [
    ["no options", undefined, /"token" is required/],
    ["no token", {}, /"token" is required/],
    ["an empty token", { token: "" }, /"token" is required/],
    ["a token that is not a string", { token: 12345 }, /"token" is required/],
    ["a token with a line break", { token: "abc\r\nX-Evil: 1" }, /"token" must not contain whitespace/],
    ["a token with a space", { token: "abc def" }, /"token" must not contain whitespace/],
  ],
  msw: { server, requests },
});

describe("createSslmarketClient options", () => {
  it("uses the UK site's API by default, and offers the API of each national site", async () => {
    expect(SSLMARKET_BASE_URL).toBe("https://www.sslmarket.co.uk/api");
    expect(SSLMARKET_SITE_BASE_URLS).toEqual({
      "sslmarket.co.uk": "https://www.sslmarket.co.uk/api",
      "sslmarket.com": "https://www.sslmarket.com/api",
      "sslmarket.cz": "https://www.sslmarket.cz/api",
      "sslmarket.sk": "https://www.sslmarket.sk/api",
      "sslmarket.fr": "https://www.sslmarket.fr/api",
    });
    expect(Object.isFrozen(SSLMARKET_SITE_BASE_URLS)).toBe(true);
    const seen: string[] = [];
    const fetch = (request: Request) => (seen.push(request.url), Promise.resolve(Response.json(products)));
    await createSslmarketClient({ token: TOKEN, baseUrl: SSLMARKET_SITE_BASE_URLS["sslmarket.cz"], fetch }).GET(
      "/order/list",
    );
    expect(seen).toEqual(["https://www.sslmarket.cz/api/order/list"]);
  });

  it("sends the token as X-Auth-Token and no other credential", async () => {
    server.use(http.get(`${BASE_URL}/product/list`, () => HttpResponse.json(products)));
    await createSslmarketClient({ token: TOKEN, baseUrl: BASE_URL }).GET("/product/list");
    const headers = requests[0]!.headers;
    expect(headers.get("x-auth-token")).toBe(TOKEN);
    expect(headers.get("authorization")).toBeNull();
    expect(new URL(requests[0]!.url).search).toBe("");
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
