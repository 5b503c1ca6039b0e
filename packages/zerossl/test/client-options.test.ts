// The client conformance suite (from @certkit/test-kit) with what only ZeroSSL's options are: its access key, sent in
// the query string.
import { describeClientConformance } from "@certkit/test-kit";
import { describe, expect, it } from "vitest";
import { CertkitError, createZerosslClient, PACKAGE_VERSION, ZEROSSL_BASE_URL } from "../src/index.js";
import { PACKAGE_NAME } from "../src/version.js";
import { ACCESS_KEY, BASE_URL, requests, server } from "./support/server.js";
import packageJson from "../package.json" with { type: "json" };

describeClientConformance({
  provider: "zerossl",
  packageName: PACKAGE_NAME,
  packageVersion: PACKAGE_VERSION,
  manifest: packageJson,
  CertkitError,
  create: createZerosslClient,
  credentials: { accessKey: ACCESS_KEY },
  secrets: [ACCESS_KEY, "zs secret"],
  auth: { query: "access_key", value: ACCESS_KEY },
  defaultBaseUrl: ZEROSSL_BASE_URL,
  baseUrl: BASE_URL,
  read: {
    path: "/ca_certificates",
    answer: { data: [], next_cursor: null },
    call: (client, options) => client.GET("/ca_certificates", { ...options }),
  },
  errorBody: (message) => ({ success: false, error: { code: 999, type: "some_error", info: message } }),
  invalidCredentials: [
    ["no options", undefined, /"accessKey" is required/],
    ["no accessKey", {}, /"accessKey" is required/],
    ["an empty accessKey", { accessKey: "" }, /"accessKey" is required/],
    ["an accessKey that is not a string", { accessKey: 42 }, /"accessKey" is required/],
    ["an accessKey with whitespace", { accessKey: "zs secret" }, /"accessKey" must not contain whitespace/],
  ],
  msw: { server, requests },
});

describe("createZerosslClient options", () => {
  it("names ZeroSSL's one production server", () => {
    expect(ZEROSSL_BASE_URL).toBe("https://api.zerossl.com");
  });
});
