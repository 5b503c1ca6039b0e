// The client conformance suite (from @certkit/test-kit) with what only IONOS's options are: its API key.
import { describeClientConformance } from "@certkit/test-kit";
import { describe, expect, it } from "vitest";
import { CertkitError, createIonosSslClient, IONOS_SSL_BASE_URL, PACKAGE_VERSION } from "../src/index.js";
import { PACKAGE_NAME } from "../src/version.js";
import { quota } from "./support/fixtures.js";
import { API_KEY, BASE_URL, requests, server } from "./support/server.js";
import packageJson from "../package.json" with { type: "json" };

describeClientConformance({
  provider: "ionos-ssl",
  packageName: PACKAGE_NAME,
  packageVersion: PACKAGE_VERSION,
  manifest: packageJson,
  CertkitError,
  create: createIonosSslClient,
  credentials: { apiKey: API_KEY },
  secrets: [API_KEY, "pub.secret"],
  auth: { header: "x-api-key", value: API_KEY },
  defaultBaseUrl: IONOS_SSL_BASE_URL,
  baseUrl: BASE_URL,
  read: {
    path: "/v1/certificates/quota",
    answer: quota,
    call: (client, options) => client.GET("/v1/certificates/quota", { ...options }),
  },
  errorBody: (message) => ({ code: "ERROR", message }),
  invalidCredentials: [
    ["no options", undefined, /"apiKey" is required/],
    ["no apiKey", {}, /"apiKey" is required/],
    ["an empty apiKey", { apiKey: "" }, /"apiKey" is required/],
    ["an apiKey that is not a string", { apiKey: 42 }, /"apiKey" is required/],
    ["an apiKey with a line break", { apiKey: "pub.secret\r\nX-Evil: 1" }, /"apiKey" must not contain whitespace/],
  ],
  msw: { server, requests },
});

describe("createIonosSslClient options", () => {
  it("names IONOS's one production server", () => {
    expect(IONOS_SSL_BASE_URL).toBe("https://api.hosting.ionos.com/ssl");
  });
});
