// The client conformance suite (from @certkit/test-kit) with what only DNSimple's options do: its sandbox server, and
// its two kinds of credentials with their own checks.
import { describeClientConformance } from "@certkit/test-kit";
import { describe, expect, it } from "vitest";
import {
  CertkitError,
  createDnsimpleClient,
  DNSIMPLE_BASE_URL,
  DNSIMPLE_SANDBOX_BASE_URL,
  PACKAGE_VERSION,
} from "../src/index.js";
import { PACKAGE_NAME } from "../src/version.js";
import { accountWhoami } from "./support/fixtures.js";
import { BASE_URL, requests, server, TOKEN } from "./support/server.js";
import packageJson from "../package.json" with { type: "json" };

describeClientConformance({
  provider: "dnsimple",
  packageName: PACKAGE_NAME,
  packageVersion: PACKAGE_VERSION,
  manifest: packageJson,
  CertkitError,
  create: createDnsimpleClient,
  credentials: { token: TOKEN },
  secrets: [TOKEN, "correct horse", "123 456"],
  auth: { header: "authorization", value: `Bearer ${TOKEN}` },
  defaultBaseUrl: DNSIMPLE_BASE_URL,
  baseUrl: BASE_URL,
  read: {
    path: "/whoami",
    answer: { data: accountWhoami },
    call: (client, options) => client.GET("/whoami", { ...options }),
  },
  errorBody: (message) => ({ message }),
  invalidCredentials: [
    ["no options", undefined, /"token" is required/],
    ["no credentials", {}, /"token" is required/],
    ["an empty token", { token: "" }, /"token" is required/],
    ["a token that is not a string", { token: 42 }, /"token" is required/],
    ["a token with a line break", { token: "abc\r\nX-Evil: 1" }, /"token" must not contain whitespace/],
    [
      "a token and an email",
      { token: TOKEN, email: "jane@example.com", password: "correct horse" },
      /either option "token" or/,
    ],
    ["an email without a password", { email: "jane@example.com" }, /"password" is required/],
    ["a password without an email", { password: "correct horse" }, /"email" is required/],
    ["an empty password", { email: "jane@example.com", password: "" }, /"password" is required/],
    [
      "an email with a colon",
      { email: "jane:x@example.com", password: "correct horse" },
      /"email" must not contain ":"/,
    ],
    [
      "an email with a space",
      { email: "jane @example.com", password: "correct horse" },
      /"email" must not contain whitespace/,
    ],
    ["an otp with a space", { token: TOKEN, otp: "123 456" }, /"otp" must not contain whitespace/],
    ["an empty otp", { token: TOKEN, otp: "" }, /"otp" is required and must be a non-empty string/],
  ],
  msw: { server, requests },
});

describe("createDnsimpleClient options", () => {
  it("exports the sandbox's base URL beside production's, and sends there when given it", async () => {
    const seen: string[] = [];
    const client = createDnsimpleClient({
      token: TOKEN,
      baseUrl: DNSIMPLE_SANDBOX_BASE_URL,
      fetch: (request) => (seen.push(request.url), Promise.resolve(Response.json({ data: accountWhoami }))),
    });
    await client.GET("/{account}/domains", { params: { path: { account: 1010 } } });
    expect(DNSIMPLE_BASE_URL).toBe("https://api.dnsimple.com/v2");
    expect(DNSIMPLE_SANDBOX_BASE_URL).toBe("https://api.sandbox.dnsimple.com/v2");
    expect(seen).toEqual(["https://api.sandbox.dnsimple.com/v2/1010/domains"]);
  });

  it("accepts a password with spaces and characters outside ASCII", () => {
    expect(() =>
      createDnsimpleClient({ email: "jane@example.com", password: "correct horse · battery" }),
    ).not.toThrow();
  });
});
