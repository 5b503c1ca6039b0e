// The client conformance suite (from @certkit/test-kit) with what only DNSimple v1's options do: its sandbox server,
// and its token header made of the email and the token.
import { describeClientConformance } from "@certkit/test-kit";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  CertkitError,
  createDnsimpleV1Client,
  DNSIMPLE_V1_BASE_URL,
  DNSIMPLE_V1_SANDBOX_BASE_URL,
  PACKAGE_VERSION,
} from "../src/index.js";
import { PACKAGE_NAME } from "../src/version.js";
import { domains } from "./support/fixtures.js";
import { BASE_URL, EMAIL, requests, server, TOKEN, TOKEN_HEADER } from "./support/server.js";
import packageJson from "../package.json" with { type: "json" };

const credentials = { email: EMAIL, token: TOKEN };

describeClientConformance({
  provider: "dnsimple-v1",
  packageName: PACKAGE_NAME,
  packageVersion: PACKAGE_VERSION,
  manifest: packageJson,
  CertkitError,
  create: createDnsimpleV1Client,
  credentials,
  secrets: [TOKEN, "s3cr3t"],
  auth: { header: "x-dnsimple-token", value: TOKEN_HEADER },
  defaultBaseUrl: DNSIMPLE_V1_BASE_URL,
  baseUrl: BASE_URL,
  read: { path: "/domains", answer: domains, call: (client, options) => client.GET("/domains", { ...options }) },
  errorBody: (message) => ({ message }),
  invalidCredentials: [
    ["no options", undefined, /"email" is required/],
    ["no email", { token: TOKEN }, /"email" is required/],
    ["an empty email", { email: "", token: TOKEN }, /"email" is required/],
    ["an email that is not a string", { email: 42, token: TOKEN }, /"email" is required/],
    ["an email with a space", { email: "admin @example.test", token: TOKEN }, /"email" must not contain whitespace/],
    ["an email with a colon", { email: "a:b@example.test", token: TOKEN }, /"email" must be an email address/],
    ["an email without @", { email: "admin", token: TOKEN }, /"email" must be an email address/],
    ["no token", { email: EMAIL }, /"token" is required/],
    ["an empty token", { email: EMAIL, token: "" }, /"token" is required/],
    [
      "a token with a line break",
      { email: EMAIL, token: "s3cr3t\r\nX-Evil: 1" },
      /"token" must not contain whitespace/,
    ],
  ],
  msw: { server, requests },
});

describe("createDnsimpleV1Client options", () => {
  it("names the sandbox server beside production's", () => {
    expect(DNSIMPLE_V1_BASE_URL).toBe("https://api.dnsimple.com/v1");
    expect(DNSIMPLE_V1_SANDBOX_BASE_URL).toBe("https://api.sandbox.dnsimple.com/v1");
  });

  it("sends X-DNSimple-Token as <email>:<token>, Accept: application/json, and no Authorization", async () => {
    server.use(http.get(`${BASE_URL}/domains`, () => HttpResponse.json(domains)));
    await createDnsimpleV1Client({ ...credentials, baseUrl: BASE_URL }).GET("/domains");
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.get("x-dnsimple-token")).toBe("admin@example.test:v1-t0ken-s3cr3t-4c8e");
    expect(requests[0]?.headers.get("accept")).toBe("application/json");
    expect(requests[0]?.headers.get("authorization")).toBeNull();
  });
});
