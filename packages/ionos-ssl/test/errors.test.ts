import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CertkitError, createIonosSslClient, type IonosSslClient } from "../src/index.js";
import { AUTHENTICATION_ID, CERTIFICATE_ID } from "./support/fixtures.js";
import { API_KEY, BASE_URL, requests, server } from "./support/server.js";

// Sent once: these tests are about how each documented error reads, not about retries.
const ionos = () => createIonosSslClient({ apiKey: API_KEY, baseUrl: BASE_URL, retry: false });

type Call = (client: IonosSslClient) => Promise<{ error?: CertkitError | undefined; response: Response }>;

/** One valid call per operation of the spec, by operationId. */
const calls: Record<string, { method: string; path: string; call: Call }> = {
  getCertificates: { method: "get", path: "/v1/certificates", call: (c) => c.GET("/v1/certificates") },
  createCertificate: {
    method: "post",
    path: "/v1/certificates",
    call: (c) =>
      c.POST("/v1/certificates", { body: { certificateType: "SSL_STARTER", commonName: "shop.example.test" } }),
  },
  getCertificateDetails: {
    method: "get",
    path: "/v1/certificates/:id",
    call: (c) => c.GET("/v1/certificates/{id}", { params: { path: { id: CERTIFICATE_ID } } }),
  },
  unassignCertificate: {
    method: "delete",
    path: "/v1/certificates/:id",
    call: (c) => c.DELETE("/v1/certificates/{id}", { params: { path: { id: CERTIFICATE_ID } } }),
  },
  getCertificatesQuota: { method: "get", path: "/v1/certificates/quota", call: (c) => c.GET("/v1/certificates/quota") },
  performAuthenticationAction: {
    method: "post",
    path: "/v1/certificates/:id/authentications/:authenticationId",
    call: (c) =>
      c.POST("/v1/certificates/{id}/authentications/{authenticationId}", {
        params: { path: { id: CERTIFICATE_ID, authenticationId: AUTHENTICATION_ID }, query: { action: "DCV_READY" } },
      }),
  },
};

interface Example {
  operationId: string;
  status: number;
  name: string;
  value: { code?: string; message: string };
}

/** Every documented error example of the spec, resolved through `$ref`s to shared responses. */
function documentedErrorExamples(): Example[] {
  const spec = parse(readFileSync(new URL("../../../specs/ionos-ssl/openapi.yaml", import.meta.url), "utf8"));
  const resolve = (node: { $ref?: string }) =>
    node.$ref
      ? node.$ref
          .split("/")
          .slice(1)
          .reduce((at: any, key: string) => at[key], spec)
      : node;
  const examples: Example[] = [];
  for (const item of Object.values<Record<string, any>>(spec.paths)) {
    for (const operation of Object.values<any>(item)) {
      for (const [status, ref] of Object.entries<any>(operation.responses)) {
        if (Number(status) < 400) continue;
        const response = resolve(ref);
        for (const [name, example] of Object.entries<any>(response.content["application/json"].examples)) {
          examples.push({ operationId: operation.operationId, status: Number(status), name, value: example.value });
        }
      }
    }
  }
  return examples;
}

const expectedCode: Record<number, string> = {
  400: "VALIDATION_FAILED",
  401: "AUTH",
  404: "NOT_FOUND",
  500: "PROVIDER",
};

describe("documented IONOS errors", () => {
  const examples = documentedErrorExamples();

  it("covers every operation of the spec", () => {
    expect(new Set(examples.map((e) => e.operationId))).toEqual(new Set(Object.keys(calls)));
    expect(examples.length).toBeGreaterThanOrEqual(20);
  });

  it.each(examples.map((e) => [e.operationId, e.status, e.name, e] as const))(
    "%s %d (%s) becomes a typed CertkitError",
    async (operationId, status, _name, example) => {
      const operation = calls[operationId]!;
      server.use(
        http[operation.method as "get"](`${BASE_URL}${operation.path}`, () =>
          HttpResponse.json(example.value, { status }),
        ),
      );
      const { error, response } = await operation.call(ionos());
      expect(response.status).toBe(status);
      expect(error).toBeInstanceOf(CertkitError);
      expect(error).toMatchObject({
        code: expectedCode[status],
        provider: "ionos-ssl",
        status,
        providerCode: example.value.code,
        body: example.value,
        retryable: status === 500 && operation.method === "get",
      });
      expect(error?.message).toContain(example.value.message);
      expect(error?.message).toContain(`HTTP ${status}`);
    },
  );
});

describe("answers outside the spec", () => {
  it("keeps a non-JSON error body as truncated text", async () => {
    const page = `<html><body><h1>502 Bad Gateway</h1>${"x".repeat(5000)}</body></html>`;
    server.use(http.get(`${BASE_URL}/v1/certificates/quota`, () => HttpResponse.html(page, { status: 502 })));
    const { error } = await ionos().GET("/v1/certificates/quota");
    expect(error).toMatchObject({ code: "PROVIDER", status: 502, providerCode: undefined, retryable: true });
    expect(typeof error?.body).toBe("string");
    const text = error?.body as string;
    expect(text).toMatch(/^<html><body><h1>502 Bad Gateway/);
    expect(text.length).toBeLessThan(2100);
    expect(text).toMatch(/\[truncated\]$/);
  });

  it("still reports an error whose body is empty", async () => {
    server.use(http.get(`${BASE_URL}/v1/certificates/:id`, () => new HttpResponse(null, { status: 500 })));
    const { data, error } = (await calls.getCertificateDetails!.call(ionos())) as {
      data?: unknown;
      error?: CertkitError;
    };
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ code: "PROVIDER", status: 500, body: undefined });
    expect(error?.message).toBe("IONOS SSL API: GET /v1/certificates/{id} failed with HTTP 500 Internal Server Error");
  });

  it("reports an empty 404 on a write as NOT_FOUND, not retryable", async () => {
    server.use(http.delete(`${BASE_URL}/v1/certificates/:id`, () => new HttpResponse(null, { status: 404 })));
    const { error } = await calls.unassignCertificate!.call(ionos());
    expect(error).toMatchObject({ code: "NOT_FOUND", status: 404, retryable: false });
  });

  it("says a 500 on a write is not retryable", async () => {
    server.use(
      http.post(`${BASE_URL}/v1/certificates`, () =>
        HttpResponse.json({ code: "ERROR", message: "x" }, { status: 500 }),
      ),
    );
    const { error } = await calls.createCertificate!.call(ionos());
    expect(error).toMatchObject({ code: "PROVIDER", retryable: false });
  });

  it("maps 429 to RATE_LIMITED, retryable for any method", async () => {
    server.use(
      http.post(`${BASE_URL}/v1/certificates`, () =>
        HttpResponse.json({ message: "Too many requests" }, { status: 429 }),
      ),
    );
    const { error } = await calls.createCertificate!.call(ionos());
    expect(error).toMatchObject({ code: "RATE_LIMITED", status: 429, retryable: true });
  });

  it("keeps the provider's request id", async () => {
    server.use(
      http.get(`${BASE_URL}/v1/certificates`, () =>
        HttpResponse.json(
          { code: "ERROR", message: "General error" },
          { status: 500, headers: { "X-Request-Id": "req-7f3a" } },
        ),
      ),
    );
    const { error } = await ionos().GET("/v1/certificates");
    expect(error?.requestId).toBe("req-7f3a");
  });

  it("rejects a 2xx answer that is not JSON with a PROVIDER error", async () => {
    server.use(
      http.get(
        `${BASE_URL}/v1/certificates/quota`,
        () => new HttpResponse("{ not json", { status: 200, headers: { "Content-Type": "application/json" } }),
      ),
    );
    await expect(ionos().GET("/v1/certificates/quota")).rejects.toMatchObject({
      code: "PROVIDER",
      message: expect.stringContaining("not valid JSON"),
    });
  });

  it("throws NETWORK when no answer arrives; a read may be retried, a write may not", async () => {
    server.use(
      http.get(`${BASE_URL}/v1/certificates`, () => HttpResponse.error()),
      http.post(`${BASE_URL}/v1/certificates`, () => HttpResponse.error()),
    );
    await expect(ionos().GET("/v1/certificates")).rejects.toMatchObject({ code: "NETWORK", retryable: true });
    const write = calls.createCertificate!.call(ionos());
    await expect(write).rejects.toMatchObject({ code: "NETWORK", retryable: false });
    await expect(write).rejects.toThrow(/may have reached the provider/);
  });

  it("throws ABORTED when the caller aborts", async () => {
    server.use(http.get(`${BASE_URL}/v1/certificates`, () => new Promise<never>(() => undefined)));
    const controller = new AbortController();
    const call = ionos().GET("/v1/certificates", { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: "ABORTED", provider: "ionos-ssl" });
    await expect(call).rejects.toBeInstanceOf(CertkitError);
  });
});

describe("the API key never leaks", () => {
  it("is removed from an error body and message that echo it", async () => {
    server.use(
      http.get(`${BASE_URL}/v1/certificates`, ({ request }) =>
        HttpResponse.json(
          { message: `Invalid API key ${request.headers.get("x-api-key")}`, apiKey: request.headers.get("x-api-key") },
          { status: 401 },
        ),
      ),
    );
    const { error } = await ionos().GET("/v1/certificates");
    expect(requests[0]?.headers.get("x-api-key")).toBe(API_KEY);
    expect(error?.code).toBe("AUTH");
    for (const shown of [error?.message, JSON.stringify(error), inspect(error, { depth: 10 }), String(error?.stack)]) {
      expect(shown).not.toContain(API_KEY);
      expect(shown).not.toContain("s3cr3t");
    }
    expect(error?.message).toContain("Invalid API key [REDACTED]");
  });

  it("is absent from a thrown network error and its cause", async () => {
    server.use(http.get(`${BASE_URL}/v1/certificates`, () => HttpResponse.error()));
    const error = await ionos()
      .GET("/v1/certificates")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CertkitError);
    expect(inspect(error, { depth: 10 })).not.toContain(API_KEY);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });
});
