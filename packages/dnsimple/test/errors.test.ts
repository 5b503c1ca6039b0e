import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CertkitError, createDnsimpleClient, type DnsimpleClient } from "../src/index.js";
import { ACCOUNT_ID, CERTIFICATE_ID, DOMAIN, PRIVATE_KEY_PEM, RENEWAL_ID, WEBHOOK_ID } from "./support/fixtures.js";
import { BASE_URL, requests, server, TOKEN } from "./support/server.js";

// Sent once: these tests are about how each documented error reads, not about retries.
const dnsimple = () => createDnsimpleClient({ token: TOKEN, baseUrl: BASE_URL, retry: false });

type Call = (client: DnsimpleClient) => Promise<{ error?: CertkitError | undefined; response: Response }>;

const at = { account: ACCOUNT_ID, domain: DOMAIN };
const certificate = { ...at, certificate: CERTIFICATE_ID };

/** One valid call per operation of the spec, by operationId, with the msw path it reaches. */
const calls: Record<string, { method: "get" | "post" | "delete"; path: string; call: Call }> = {
  whoami: { method: "get", path: "/whoami", call: (c) => c.GET("/whoami") },
  listDomains: {
    method: "get",
    path: "/:account/domains",
    call: (c) => c.GET("/{account}/domains", { params: { path: { account: ACCOUNT_ID } } }),
  },
  listCertificates: {
    method: "get",
    path: "/:account/domains/:domain/certificates",
    call: (c) =>
      c.GET("/{account}/domains/{domain}/certificates", { params: { path: at, query: { sort: "id:desc" } } }),
  },
  getCertificate: {
    method: "get",
    path: "/:account/domains/:domain/certificates/:certificate",
    call: (c) => c.GET("/{account}/domains/{domain}/certificates/{certificate}", { params: { path: certificate } }),
  },
  downloadCertificate: {
    method: "get",
    path: "/:account/domains/:domain/certificates/:certificate/download",
    call: (c) =>
      c.GET("/{account}/domains/{domain}/certificates/{certificate}/download", { params: { path: certificate } }),
  },
  getCertificatePrivateKey: {
    method: "get",
    path: "/:account/domains/:domain/certificates/:certificate/private_key",
    call: (c) =>
      c.GET("/{account}/domains/{domain}/certificates/{certificate}/private_key", { params: { path: certificate } }),
  },
  purchaseLetsencryptCertificate: {
    method: "post",
    path: "/:account/domains/:domain/certificates/letsencrypt",
    call: (c) =>
      c.POST("/{account}/domains/{domain}/certificates/letsencrypt", {
        params: { path: at },
        body: { alternate_names: ["x"] },
      }),
  },
  issueLetsencryptCertificate: {
    method: "post",
    path: "/:account/domains/:domain/certificates/letsencrypt/:purchaseId/issue",
    call: (c) =>
      c.POST("/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue", {
        params: { path: { ...at, purchaseId: CERTIFICATE_ID } },
      }),
  },
  purchaseRenewalLetsencryptCertificate: {
    method: "post",
    path: "/:account/domains/:domain/certificates/letsencrypt/:certificate/renewals",
    call: (c) =>
      c.POST("/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals", {
        params: { path: certificate },
        body: { auto_renew: true },
      }),
  },
  issueRenewalLetsencryptCertificate: {
    method: "post",
    path: "/:account/domains/:domain/certificates/letsencrypt/:certificate/renewals/:renewalId/issue",
    call: (c) =>
      c.POST("/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals/{renewalId}/issue", {
        params: { path: { ...certificate, renewalId: RENEWAL_ID } },
      }),
  },
  listWebhooks: {
    method: "get",
    path: "/:account/webhooks",
    call: (c) => c.GET("/{account}/webhooks", { params: { path: { account: ACCOUNT_ID } } }),
  },
  createWebhook: {
    method: "post",
    path: "/:account/webhooks",
    call: (c) =>
      c.POST("/{account}/webhooks", {
        params: { path: { account: ACCOUNT_ID } },
        body: { url: "https://hooks.example.com/x" },
      }),
  },
  getWebhook: {
    method: "get",
    path: "/:account/webhooks/:webhook",
    call: (c) =>
      c.GET("/{account}/webhooks/{webhook}", { params: { path: { account: ACCOUNT_ID, webhook: WEBHOOK_ID } } }),
  },
  deleteWebhook: {
    method: "delete",
    path: "/:account/webhooks/:webhook",
    call: (c) =>
      c.DELETE("/{account}/webhooks/{webhook}", { params: { path: { account: ACCOUNT_ID, webhook: WEBHOOK_ID } } }),
  },
};

interface Example {
  operationId: string;
  status: number;
  mediaType: string;
  name: string;
  value: unknown;
}

/** Every documented error example of the spec's paths, resolved through `$ref`s to shared responses. */
function documentedErrorExamples(): Example[] {
  const spec = parse(readFileSync(new URL("../../../specs/dnsimple/openapi.yaml", import.meta.url), "utf8"));
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
        for (const [mediaType, content] of Object.entries<any>(resolve(ref).content)) {
          for (const [name, example] of Object.entries<any>(content.examples)) {
            examples.push({
              operationId: operation.operationId,
              status: Number(status),
              mediaType,
              name,
              value: example.value,
            });
          }
        }
      }
    }
  }
  return examples;
}

const expectedCode: Record<number, string> = {
  400: "VALIDATION_FAILED",
  401: "AUTH",
  402: "PROVIDER",
  403: "AUTH",
  404: "NOT_FOUND",
  412: "PROVIDER",
  428: "PROVIDER",
  429: "RATE_LIMITED",
  502: "PROVIDER",
  504: "PROVIDER",
};

function answer(example: Example): Response {
  return example.mediaType === "text/html"
    ? HttpResponse.html(example.value as string, { status: example.status })
    : HttpResponse.json(example.value as object, { status: example.status });
}

describe("documented DNSimple errors", () => {
  const examples = documentedErrorExamples();

  it("covers every operation and every documented status", () => {
    expect(new Set(examples.map((e) => e.operationId))).toEqual(new Set(Object.keys(calls)));
    expect(new Set(examples.map((e) => e.status))).toEqual(new Set(Object.keys(expectedCode).map(Number)));
    expect(examples.length).toBeGreaterThanOrEqual(140);
  });

  it.each(examples.map((e) => [e.operationId, e.status, e.mediaType, e.name, e] as const))(
    "%s %d %s (%s) becomes a typed CertkitError",
    async (operationId, status, mediaType, _name, example) => {
      const operation = calls[operationId]!;
      server.use(http[operation.method](`${BASE_URL}${operation.path}`, () => answer(example)));
      const { error, response } = await operation.call(dnsimple());
      expect(response.status).toBe(status);
      expect(requests).toHaveLength(1);
      expect(error).toBeInstanceOf(CertkitError);
      const write = operation.method !== "get";
      expect(error).toMatchObject({
        code: expectedCode[status],
        provider: "dnsimple",
        status,
        providerCode: undefined,
        retryable: status === 429 || (status >= 500 && !write),
        effectUnknown: status >= 500 && write,
      });
      expect(error?.message).toContain(`HTTP ${status}`);
      if (mediaType === "application/json") {
        const body = example.value as { message: string; errors?: Record<string, string[]> };
        expect(error?.body).toEqual(body);
        expect(error?.message).toContain(`: ${body.message}`);
        expect(error?.fieldErrors).toEqual(body.errors);
      } else {
        expect(error?.body).toBe(example.value);
        expect(error?.fieldErrors).toBeUndefined();
        expect(error?.message).not.toContain("<html>");
      }
    },
  );
});

describe("DNSimple errors beyond the examples", () => {
  it("reads every field of a validation error into fieldErrors", async () => {
    const errors = {
      email: ["can't be blank", "is an invalid email address"],
      phone: ["is probably not a phone number"],
    };
    server.use(
      http.post(`${BASE_URL}/:account/domains/:domain/certificates/letsencrypt`, () =>
        HttpResponse.json(
          { message: "Validation failed", errors },
          { status: 400, headers: { "X-Request-Id": "req-400" } },
        ),
      ),
    );
    const { error } = await calls.purchaseLetsencryptCertificate!.call(dnsimple());
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", status: 400, requestId: "req-400", fieldErrors: errors });
    expect(error?.message).toBe(
      "DNSimple API: POST /{account}/domains/{domain}/certificates/letsencrypt failed with HTTP 400 Bad Request: Validation failed",
    );
  });

  it("reads the recorded 404 wording", async () => {
    server.use(
      http.get(`${BASE_URL}/:account/domains/:domain/certificates/:certificate`, () =>
        HttpResponse.json({ message: "Certificate `0` not found" }, { status: 404 }),
      ),
    );
    const { error } = await calls.getCertificate!.call(dnsimple());
    expect(error).toMatchObject({ code: "NOT_FOUND", status: 404, retryable: false, fieldErrors: undefined });
    expect(error?.message).toMatch(/HTTP 404 Not Found: Certificate `0` not found$/);
  });

  it("retries a read that meets the edge's HTML 502, then keeps the page, cut, as the body", async () => {
    const page = `<html>\n<head><title>502 Bad Gateway</title></head>\n<body>${"x".repeat(5000)}</body>\n</html>`;
    server.use(http.get(`${BASE_URL}/whoami`, () => HttpResponse.html(page, { status: 502 })));
    const { error } = await createDnsimpleClient({ token: TOKEN, baseUrl: BASE_URL, retry: { baseDelayMs: 1 } }).GET(
      "/whoami",
    );
    expect(requests).toHaveLength(3);
    expect(error).toMatchObject({ code: "PROVIDER", status: 502, retryable: true, fieldErrors: undefined });
    const text = error?.body as string;
    expect(text).toMatch(/^<html>\n<head><title>502 Bad Gateway/);
    expect(text.length).toBeLessThan(2100);
    expect(text).toMatch(/\[truncated\]$/);
  });

  it("reports a 429 as RATE_LIMITED with the wait DNSimple asked for", async () => {
    const reset = Math.ceil(Date.now() / 1000) + 30;
    server.use(
      http.get(`${BASE_URL}/whoami`, () =>
        HttpResponse.json(
          { message: "API rate limit exceeded" },
          {
            status: 429,
            headers: { "X-RateLimit-Limit": "2400", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": String(reset) },
          },
        ),
      ),
    );
    const client = dnsimple();
    const { error } = await client.GET("/whoami");
    expect(error).toMatchObject({ code: "RATE_LIMITED", status: 429, retryable: true });
    expect(error?.retryAfterMs).toBeGreaterThan(20_000);
    expect(client.rateLimit).toMatchObject({ limit: 2400, remaining: 0 });
  });

  it("still reports an error whose body is empty or of an unknown shape", async () => {
    server.use(
      http.get(`${BASE_URL}/whoami`, () => new HttpResponse(null, { status: 500 })),
      http.get(`${BASE_URL}/:account/domains`, () => HttpResponse.json({ error: { code: 17 } }, { status: 503 })),
    );
    const empty = await calls.whoami!.call(dnsimple());
    expect(empty.error).toMatchObject({ code: "PROVIDER", status: 500, body: undefined });
    expect(empty.error?.message).toBe("DNSimple API: GET /whoami failed with HTTP 500 Internal Server Error");
    const odd = await calls.listDomains!.call(dnsimple());
    expect(odd.error).toMatchObject({
      code: "PROVIDER",
      status: 503,
      body: { error: { code: 17 } },
      fieldErrors: undefined,
    });
    expect(odd.error?.message).toBe("DNSimple API: GET /{account}/domains failed with HTTP 503 Service Unavailable");
  });

  it("removes a private key that an error body echoes", async () => {
    server.use(
      http.get(`${BASE_URL}/:account/domains/:domain/certificates/:certificate/private_key`, () =>
        HttpResponse.json({ message: `could not load ${PRIVATE_KEY_PEM}` }, { status: 500 }),
      ),
    );
    const { error } = await calls.getCertificatePrivateKey!.call(dnsimple());
    expect(error?.status).toBe(500);
    const renderings = [error?.message, JSON.stringify(error), inspect(error, { depth: 10 })].join("\n");
    expect(renderings).not.toContain("MIIEFAKEEXAMPLEPRIVATEKEY");
    expect(renderings).toContain("[REDACTED]");
  });

  it("rejects a 2xx answer that is not JSON with a PROVIDER error", async () => {
    server.use(
      http.get(
        `${BASE_URL}/whoami`,
        () => new HttpResponse("{ not json", { status: 200, headers: { "Content-Type": "application/json" } }),
      ),
    );
    await expect(dnsimple().GET("/whoami")).rejects.toMatchObject({
      code: "PROVIDER",
      provider: "dnsimple",
      message: expect.stringContaining("not valid JSON"),
    });
  });

  it("throws NETWORK when no answer arrives; a read may be retried, a write may not", async () => {
    server.use(
      http.get(`${BASE_URL}/:account/webhooks`, () => HttpResponse.error()),
      http.post(`${BASE_URL}/:account/webhooks`, () => HttpResponse.error()),
    );
    await expect(calls.listWebhooks!.call(dnsimple())).rejects.toMatchObject({ code: "NETWORK", retryable: true });
    await expect(calls.createWebhook!.call(dnsimple())).rejects.toMatchObject({
      code: "NETWORK",
      retryable: false,
      effectUnknown: true,
    });
  });

  it("throws ABORTED when the caller aborts", async () => {
    server.use(http.get(`${BASE_URL}/whoami`, () => new Promise<never>(() => undefined)));
    const controller = new AbortController();
    const call = dnsimple().GET("/whoami", { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: "ABORTED", provider: "dnsimple" });
    await expect(call).rejects.toBeInstanceOf(CertkitError);
  });
});
