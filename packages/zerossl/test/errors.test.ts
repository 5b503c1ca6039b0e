import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { expectNoSecret } from "@certkit/test-kit";
import { composeApiClient } from "@certkit/runtime";
import { createZerosslClient, zerosslClientConfig, type ClientEvent, type paths } from "../src/index.js";
import { CERTIFICATE_ID, CSR, draftCertificate, errorBody, PEM } from "./support/fixtures.js";
import { ACCESS_KEY, BASE_URL, requests, server } from "./support/server.js";

const zerossl = (options: { onEvent?: (event: ClientEvent) => void } = {}) =>
  createZerosslClient({ accessKey: ACCESS_KEY, baseUrl: BASE_URL, retry: { baseDelayMs: 1 }, ...options });
const AT = `${BASE_URL}/certificates/${CERTIFICATE_ID}`;
const read = (client = zerossl()) => client.GET("/certificates/{id}", { params: { path: { id: CERTIFICATE_ID } } });

describe("ZeroSSL's errors", () => {
  it.each([
    ["certificate_not_found", 2803, "NOT_FOUND"],
    ["permission_denied", 2801, "NOT_FOUND"],
    ["invalid_access_key", 101, "AUTH"],
    ["duplicate_certificates_found", 2839, "CONFLICT"],
    ["certificate_not_issued", 2832, "VALIDATION_FAILED"],
  ] as const)(
    "an error sent with HTTP 200 (%s) is an error, not data, and is not retried",
    async (type, code, expected) => {
      server.use(http.get(AT, () => HttpResponse.json(errorBody(code, type))));
      const { data, error } = await read();
      expect(data).toBeUndefined();
      expect(error).toMatchObject({ code: expected, provider: "zerossl", providerCode: type, status: 400 });
      expect(error?.message).toContain(`${type} (${code})`);
      expect(error?.message).toContain("ZeroSSL error sent with HTTP 200");
      expect(error?.body).toEqual(errorBody(code, type));
      expect(requests).toHaveLength(1);
    },
  );

  it.each([
    ["internal_server_error", 111],
    ["internal_error_failed_creating_certificate", 2821],
    ["internal_error_failed_processing_csr", 2820],
  ] as const)(
    "a ZeroSSL-side failure of a create sent with HTTP 200 (%s) leaves its effect unknown, and is not repeated",
    async (type, code) => {
      server.use(http.post(`${BASE_URL}/certificates`, () => HttpResponse.json(errorBody(code, type))));
      const { data, error } = await zerossl().POST("/certificates", {
        body: { certificate_domains: "shop.example.test", certificate_csr: CSR },
      });
      expect(data).toBeUndefined();
      expect(error).toMatchObject({
        code: "PROVIDER",
        providerCode: type,
        status: 500,
        effectUnknown: true,
        retryable: false,
      });
      expect(error?.message).toContain("ZeroSSL error sent with HTTP 200");
      expect(requests).toHaveLength(1);
    },
  );

  it.each([
    ["invalid_certificate_domain", 2808],
    ["invalid_certificate_csr", 2818],
    ["csr_cn_is_invalid", 2836],
  ] as const)("a create refused for its input (%s) is a refusal: nothing was created", async (type, code) => {
    server.use(http.post(`${BASE_URL}/certificates`, () => HttpResponse.json(errorBody(code, type))));
    const { error } = await zerossl().POST("/certificates", {
      body: { certificate_domains: "shop.example.test", certificate_csr: CSR },
    });
    expect(error).toMatchObject({ providerCode: type, status: 400, effectUnknown: false, retryable: false });
    expect(requests).toHaveLength(1);
  });

  it("a read that meets a ZeroSSL-side failure sent with HTTP 200 is retried, and then succeeds", async () => {
    let tries = 0;
    server.use(
      http.get(AT, () =>
        (tries += 1) === 1
          ? HttpResponse.json(errorBody(2822, "failed_showing_certificate"))
          : HttpResponse.json(draftCertificate),
      ),
    );
    const { data, error } = await read();
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ id: CERTIFICATE_ID });
    expect(requests).toHaveLength(2);
  });

  it("an error with `success: 0` and an `info` text shows the text", async () => {
    server.use(
      http.post(`${BASE_URL}/certificates`, () =>
        HttpResponse.json({
          success: 0,
          error: { code: 2817, type: "certificate_limit_reached", info: "Quota used up" },
        }),
      ),
    );
    const { error } = await zerossl().POST("/certificates", {
      body: { certificate_domains: "shop.example.test", certificate_csr: CSR },
    });
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", providerCode: "certificate_limit_reached" });
    expect(error?.message).toContain("Quota used up");
  });

  it("a JSON error sent in place of a PEM or ZIP download is an error", async () => {
    server.use(
      http.get(`${AT}/download/pem`, () => HttpResponse.json(errorBody(2832, "certificate_not_issued"))),
      http.get(`${AT}/download`, () => HttpResponse.json(errorBody(2860, "certificate_not_downloadable"))),
    );
    const client = zerossl();
    const pem = await client.GET("/certificates/{id}/download/pem", {
      params: { path: { id: CERTIFICATE_ID } },
      parseAs: "text",
    });
    expect(pem.error).toMatchObject({ providerCode: "certificate_not_issued" });
    const zip = await client.GET("/certificates/{id}/download", {
      params: { path: { id: CERTIFICATE_ID } },
      parseAs: "arrayBuffer",
    });
    expect(zip.error).toMatchObject({ providerCode: "certificate_not_downloadable" });
  });

  it("a 200 that only looks like an error is data: `success` true, or a PEM that mentions `error`", async () => {
    server.use(
      http.get(AT, () => HttpResponse.json({ success: true, error: { code: 1, type: "none" } })),
      http.get(`${AT}/download/pem`, () => HttpResponse.text(`{"success":false,"error":{}}\n${PEM}`)),
    );
    const client = zerossl();
    expect((await read(client)).error).toBeUndefined();
    const pem = await client.GET("/certificates/{id}/download/pem", {
      params: { path: { id: CERTIFICATE_ID } },
      parseAs: "text",
    });
    expect(pem.data).toContain(PEM);
  });

  it("a 401 with ZeroSSL's body is AUTH; a proxy's HTML page is kept as the body", async () => {
    server.use(
      http.get(AT, () => HttpResponse.json(errorBody(101, "invalid_access_key"), { status: 401 })),
      http.post(`${AT}/cancel`, () => HttpResponse.html("<h1>Bad gateway</h1>", { status: 502 })),
    );
    const client = zerossl();
    expect((await read(client)).error).toMatchObject({ code: "AUTH", status: 401, providerCode: "invalid_access_key" });
    const { error } = await client.POST("/certificates/{id}/cancel", { params: { path: { id: CERTIFICATE_ID } } });
    expect(error).toMatchObject({ code: "PROVIDER", status: 502, body: "<h1>Bad gateway</h1>" });
  });

  it("replaces an access_key the caller's params hold with the client's own", async () => {
    server.use(http.get(`${BASE_URL}/certificates`, () => HttpResponse.json({ total_count: 0, results: [] })));
    await zerossl().GET("/certificates", { params: { query: { access_key: "someone else's" } as never } });
    expect(new URL(requests[0]!.url).searchParams.getAll("access_key")).toEqual([ACCESS_KEY]);
  });
});

describe("the access key", () => {
  it("is in no error, cause or event, even when ZeroSSL echoes the URL it was sent", async () => {
    server.use(
      http.get(AT, ({ request }) =>
        HttpResponse.json(
          {
            success: false,
            error: { code: 2803, type: "certificate_not_found", info: `no such thing: ${request.url}` },
          },
          { headers: { "X-Request-Id": request.url } },
        ),
      ),
    );
    const events: ClientEvent[] = [];
    const { error } = await read(zerossl({ onEvent: (event) => events.push(event) }));
    expect(error?.code).toBe("NOT_FOUND");
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({ type: "request", url: expect.stringContaining("access_key=[REDACTED]") });
    expectNoSecret(ACCESS_KEY, error, events);
  });

  it("is in no error when the network fails, nor when retries run out", async () => {
    const failing = createZerosslClient({
      accessKey: ACCESS_KEY,
      baseUrl: BASE_URL,
      retry: false,
      fetch: (request) => Promise.reject(new TypeError(`could not reach ${request.url}`)),
    });
    const thrown = await read(failing).catch((error: unknown) => error);
    expect(thrown).toMatchObject({ code: "NETWORK" });
    expectNoSecret(ACCESS_KEY, thrown);
    server.use(http.get(AT, ({ request }) => HttpResponse.text(request.url, { status: 503 })));
    const events: ClientEvent[] = [];
    const { error } = await read(zerossl({ onEvent: (event) => events.push(event) }));
    expect(error).toMatchObject({ code: "PROVIDER", status: 503 });
    expect(requests).toHaveLength(3);
    expectNoSecret(ACCESS_KEY, error, events);
  });

  it("is set by a client composed with no optional step, and errors in 200 are read there too", async () => {
    server.use(http.get(AT, () => HttpResponse.json(errorBody(2803, "certificate_not_found"))));
    const lean = composeApiClient<paths>(zerosslClientConfig({ accessKey: ACCESS_KEY, baseUrl: BASE_URL }));
    const { error } = await read(lean);
    expect(error).toMatchObject({ code: "NOT_FOUND" });
    expect(new URL(requests[0]!.url).searchParams.get("access_key")).toBe(ACCESS_KEY);
  });
});
