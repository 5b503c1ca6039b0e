import { inspect } from "node:util";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { CertkitError, createReselloClient } from "../src/index.js";
import { OPERATIONS } from "./support/operations.js";
import {
  ACCESS_TOKEN,
  API_KEY,
  BASE_URL,
  BASIC_AUTHORIZATION,
  RESELLER_REFERENCE,
  requests,
  server,
} from "./support/server.js";
import { readSpec, resolveRef } from "./support/spec.js";

// Sent once: these tests are about how each documented error reads, not about retries.
const resello = () =>
  createReselloClient({ resellerReference: RESELLER_REFERENCE, apiKey: API_KEY, baseUrl: BASE_URL, retry: false });

interface Example {
  operationId: string;
  status: number;
  name: string;
  value: { success?: boolean; error?: { code?: string; message?: string | Record<string, string[]> } };
}

// `default` covers every other status; 500 stands for it here, and other statuses are tried below.
const statusOf = (key: string) => (key === "default" ? 500 : Number(key));

/** Every documented error example of the spec, resolved through `$ref`s to shared responses. */
function documentedErrorExamples(): Example[] {
  const spec = readSpec();
  const examples: Example[] = [];
  for (const item of Object.values<Record<string, any>>(spec.paths)) {
    for (const operation of Object.values<any>(item)) {
      if (!operation?.operationId) continue;
      for (const [key, ref] of Object.entries<any>(operation.responses)) {
        if (key !== "default" && Number(key) < 400) continue;
        const response = resolveRef(spec, ref);
        for (const [name, example] of Object.entries<any>(response.content["application/json"].examples)) {
          examples.push({ operationId: operation.operationId, status: statusOf(key), name, value: example.value });
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

describe("documented Resello errors", () => {
  const examples = documentedErrorExamples();

  it("cover every operation, with 401 and default everywhere, 404 with an id and 400 with input", () => {
    expect(new Set(examples.map((e) => e.operationId))).toEqual(new Set(Object.keys(OPERATIONS)));
    const statuses = (id: string) => new Set(examples.filter((e) => e.operationId === id).map((e) => e.status));
    expect(statuses("listCertificates")).toEqual(new Set([400, 401, 500]));
    expect(statuses("renewCertificate")).toEqual(new Set([400, 401, 404, 500]));
    expect(statuses("downloadCertificateZip")).toEqual(new Set([401, 404, 500]));
    // 14 operations × (401, default) + 11 with an id × 404 + 6 with a query or body × 400.
    expect(examples).toHaveLength(45);
  });

  it.each(examples.map((e) => [e.operationId, e.status, e.name, e] as const))(
    "%s %d (%s) becomes a typed CertkitError",
    async (operationId, status, _name, example) => {
      const operation = OPERATIONS[operationId]!;
      server.use(
        http[operation.method](`${BASE_URL}${operation.path}`, () => HttpResponse.json(example.value, { status })),
      );
      const { data, error, response } = await operation.call(resello());
      expect(data).toBeUndefined();
      expect(response.status).toBe(status);
      expect(error).toBeInstanceOf(CertkitError);
      const write = operation.method !== "get";
      expect(error).toMatchObject({
        code: expectedCode[status],
        provider: "resello",
        status,
        providerCode: example.value.error?.code,
        body: example.value,
        retryable: status === 500 && !write,
        effectUnknown: status === 500 && write,
      });
      expect(error?.message).toContain(`HTTP ${status}`);
      const message = example.value.error?.message;
      if (typeof message === "string") {
        expect(error?.message).toContain(message);
        expect(error?.fieldErrors).toBeUndefined();
      } else {
        expect(error?.fieldErrors).toEqual(message);
        expect(error?.message).toContain("csr: This field is required.");
      }
    },
  );
});

describe("statuses under `default`", () => {
  it.each([
    [403, "AUTH"],
    [409, "CONFLICT"],
    [422, "VALIDATION_FAILED"],
    [429, "RATE_LIMITED"],
    [502, "PROVIDER"],
  ])("%d becomes %s", async (status, code) => {
    server.use(
      http.get(`${BASE_URL}/ssl-certificate/:id`, () =>
        HttpResponse.json({ success: false, error: { code: "some_code", message: "Refused." } }, { status }),
      ),
    );
    const { error } = await OPERATIONS.getCertificate!.call(resello());
    expect(error).toMatchObject({ code, status, providerCode: "some_code" });
    expect(error?.message).toContain("Refused.");
  });
});

describe("401 in Resello's own shape", () => {
  it("reads the envelope's message and never shows the API key or the Basic credentials", async () => {
    server.use(
      http.get(`${BASE_URL}/ssl-certificate`, ({ request }) =>
        HttpResponse.json(
          {
            success: false,
            error: {
              code: "unauthorized",
              message: `Authentication failed for ${request.headers.get("authorization")}`,
            },
            password: API_KEY,
          },
          { status: 401, headers: { "X-Request-Id": "rq-401-7" } },
        ),
      ),
    );
    const { error } = await resello().GET("/ssl-certificate");
    expect(requests[0]?.headers.get("authorization")).toBe(BASIC_AUTHORIZATION);
    expect(error).toMatchObject({
      code: "AUTH",
      status: 401,
      providerCode: "unauthorized",
      requestId: "rq-401-7",
      retryable: false,
    });
    expect(error?.message).toBe(
      "Resello API: GET /ssl-certificate failed with HTTP 401 Unauthorized (unauthorized): Authentication failed for Basic [REDACTED]",
    );
    const encoded = BASIC_AUTHORIZATION.replace("Basic ", "");
    for (const shown of [error?.message, JSON.stringify(error), inspect(error, { depth: 10 }), String(error?.stack)]) {
      expect(shown).not.toContain(API_KEY);
      expect(shown).not.toContain(encoded);
    }
  });

  it("never shows a bearer token the server echoes", async () => {
    server.use(
      http.get(`${BASE_URL}/ssl-certificate-plan`, () =>
        HttpResponse.json({ success: false, error: { message: `Token ${ACCESS_TOKEN} expired` } }, { status: 401 }),
      ),
    );
    const { error } = await createReselloClient({ accessToken: ACCESS_TOKEN, baseUrl: BASE_URL }).GET(
      "/ssl-certificate-plan",
    );
    expect(error?.code).toBe("AUTH");
    expect(error?.message).toContain("Token [REDACTED] expired");
    expect(JSON.stringify(error)).not.toContain(ACCESS_TOKEN);
  });
});

describe("answers outside the spec", () => {
  it("keeps an HTML error page from a proxy as truncated text, with no provider details", async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${"x".repeat(4000)}</body></html>`;
    server.use(http.get(`${BASE_URL}/ssl-certificate/:id`, () => HttpResponse.html(page, { status: 502 })));
    const { error } = await OPERATIONS.getCertificate!.call(resello());
    expect(error).toMatchObject({
      code: "PROVIDER",
      status: 502,
      providerCode: undefined,
      fieldErrors: undefined,
      retryable: true,
    });
    expect(error?.body).toMatch(/^<html><head><title>502 Bad Gateway/);
    expect(error?.body).toMatch(/\[truncated\]$/);
    expect(error?.message).toBe("Resello API: GET /ssl-certificate/{id} failed with HTTP 502 Bad Gateway");
  });

  it("reads a bare {message} 404", async () => {
    server.use(
      http.delete(`${BASE_URL}/ssl-certificate/:id`, () =>
        HttpResponse.json({ message: "Not found" }, { status: 404 }),
      ),
    );
    const { error } = await OPERATIONS.deleteCertificate!.call(resello());
    expect(error).toMatchObject({ code: "NOT_FOUND", retryable: false, effectUnknown: false });
    expect(error?.message).toContain(": Not found");
  });

  it("says a 5xx on an order leaves its effect unknown", async () => {
    server.use(http.post(`${BASE_URL}/ssl-certificate`, () => new HttpResponse(null, { status: 503 })));
    const { error } = await OPERATIONS.createCertificate!.call(resello());
    expect(error).toMatchObject({
      code: "PROVIDER",
      status: 503,
      retryable: false,
      effectUnknown: true,
      body: undefined,
    });
    expect(error?.message).toMatch(/the order may exist: check before sending it again$/);
  });

  it("throws NETWORK when no answer arrives; a read may be retried, an order may not", async () => {
    server.use(
      http.get(`${BASE_URL}/ssl-certificate`, () => HttpResponse.error()),
      http.post(`${BASE_URL}/ssl-certificate`, () => HttpResponse.error()),
    );
    await expect(OPERATIONS.listCertificates!.call(resello())).rejects.toMatchObject({
      code: "NETWORK",
      retryable: true,
    });
    await expect(OPERATIONS.createCertificate!.call(resello())).rejects.toMatchObject({
      code: "NETWORK",
      retryable: false,
      effectUnknown: true,
    });
  });
});
