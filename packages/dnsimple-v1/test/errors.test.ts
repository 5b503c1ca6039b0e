import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CertkitError, createDnsimpleV1Client, type DnsimpleV1Client } from "../src/index.js";
import { CERTIFICATE_ID, DOMAIN, PRIVATE_KEY_PEM } from "./support/fixtures.js";
import { BASE_URL, EMAIL, requests, server, TOKEN, TOKEN_HEADER } from "./support/server.js";

// Sent once: these tests are about how each documented error reads, not about retries.
const dnsimple = () => createDnsimpleV1Client({ email: EMAIL, token: TOKEN, baseUrl: BASE_URL, retry: false });

type Call = (client: DnsimpleV1Client) => Promise<{ error?: CertkitError | undefined; response: Response }>;

const path = { domain: DOMAIN, id: CERTIFICATE_ID };

/** One valid call per operation of the spec, by operationId, with the route msw answers it on. */
const calls: Record<string, { method: "get" | "post" | "put"; route: string; call: Call }> = {
  listDomains: { method: "get", route: "/domains", call: (c) => c.GET("/domains") },
  listCertificates: {
    method: "get",
    route: "/domains/:domain/certificates",
    call: (c) => c.GET("/domains/{domain}/certificates", { params: { path: { domain: DOMAIN } } }),
  },
  purchaseCertificate: {
    method: "post",
    route: "/domains/:domain/certificates",
    call: (c) =>
      c.POST("/domains/{domain}/certificates", {
        params: { path: { domain: DOMAIN } },
        body: { certificate: { name: "www", contact_id: 1001 } },
      }),
  },
  getCertificate: {
    method: "get",
    route: "/domains/:domain/certificates/:id",
    call: (c) => c.GET("/domains/{domain}/certificates/{id}", { params: { path } }),
  },
  configureCertificate: {
    method: "put",
    route: "/domains/:domain/certificates/:id/configure",
    call: (c) => c.PUT("/domains/{domain}/certificates/{id}/configure", { params: { path } }),
  },
  submitCertificate: {
    method: "put",
    route: "/domains/:domain/certificates/:id/submit",
    call: (c) =>
      c.PUT("/domains/{domain}/certificates/{id}/submit", {
        params: { path },
        body: { certificate: { approver_email: "admin@example.test" } },
      }),
  },
};

interface V1ErrorBody {
  message?: string;
  error?: string;
  errors?: Record<string, string[]>;
}

interface Example {
  operationId: string;
  /** The documented status; `default` is tried as 422, the status v1 used for "not possible now". */
  status: number;
  name: string;
  value: V1ErrorBody;
}

/** Every documented error example of the spec, resolved through `$ref`s to shared responses. */
function documentedErrorExamples(): Example[] {
  const spec = parse(readFileSync(new URL("../../../specs/dnsimple-v1/openapi.yaml", import.meta.url), "utf8"));
  const resolve = (node: { $ref?: string }) =>
    node.$ref
      ? node.$ref
          .split("/")
          .slice(1)
          .reduce((at: any, key: string) => at[key], spec)
      : node;
  const examples: Example[] = [];
  for (const item of Object.values<Record<string, any>>(spec.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      if (method === "parameters") continue;
      for (const [status, ref] of Object.entries<any>(operation.responses)) {
        if (status !== "default" && Number(status) < 400) continue;
        const response = resolve(ref);
        for (const [name, example] of Object.entries<any>(response.content["application/json"].examples)) {
          examples.push({
            operationId: operation.operationId,
            status: status === "default" ? 422 : Number(status),
            name,
            value: example.value,
          });
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
  406: "CONFLICT",
  422: "VALIDATION_FAILED",
};

describe("documented DNSimple v1 errors", () => {
  const examples = documentedErrorExamples();

  it("cover every operation of the spec, in all three v1 shapes", () => {
    expect(new Set(examples.map((e) => e.operationId))).toEqual(new Set(Object.keys(calls)));
    expect(new Set(examples.map((e) => e.status))).toEqual(new Set([400, 401, 404, 406, 422]));
    expect(examples.some((e) => e.value.message)).toBe(true);
    expect(examples.some((e) => e.value.error)).toBe(true);
    expect(examples.some((e) => e.value.errors)).toBe(true);
    expect(examples.length).toBeGreaterThanOrEqual(35);
  });

  it.each(examples.map((e) => [e.operationId, e.status, e.name, e] as const))(
    "%s %d (%s) becomes a typed CertkitError",
    async (operationId, status, _name, example) => {
      const operation = calls[operationId]!;
      server.use(
        http[operation.method](`${BASE_URL}${operation.route}`, () => HttpResponse.json(example.value, { status })),
      );
      const { error, response } = await operation.call(dnsimple());
      expect(response.status).toBe(status);
      expect(error).toBeInstanceOf(CertkitError);
      expect(error).toMatchObject({
        code: expectedCode[status],
        provider: "dnsimple-v1",
        status,
        providerCode: undefined,
        body: example.value,
        fieldErrors: example.value.errors,
        retryable: false,
        effectUnknown: false,
      });
      const text = example.value.message ?? example.value.error;
      if (text) expect(error?.message).toContain(`: ${text}`);
      for (const [field, problems] of Object.entries(example.value.errors ?? {})) {
        expect(error?.message).toContain(`${field}: ${problems.join(", ")}`);
      }
      expect(error?.message).toContain(`HTTP ${status}`);
    },
  );
});

describe("v1 error shapes in detail", () => {
  it("a 401 asking for a 2FA code keeps the provider's message and its X-DNSimple-OTP header", async () => {
    server.use(
      http.get(`${BASE_URL}/domains`, () =>
        HttpResponse.json(
          { message: "2FA Authentication failed" },
          { status: 401, headers: { "X-DNSimple-OTP": "required" } },
        ),
      ),
    );
    const { error, response } = await dnsimple().GET("/domains");
    expect(requests[0]?.headers.get("x-dnsimple-token")).toBe(TOKEN_HEADER);
    expect(error).toMatchObject({
      code: "AUTH",
      status: 401,
      retryable: false,
      body: { message: "2FA Authentication failed" },
    });
    expect(error?.message).toBe(
      "DNSimple API v1: GET /domains failed with HTTP 401 Unauthorized: 2FA Authentication failed",
    );
    expect(response.headers.get("x-dnsimple-otp")).toBe("required");
  });

  it("the older {error} not-found body gives the message", async () => {
    server.use(
      http.get(`${BASE_URL}/domains/:domain/certificates/:id`, () =>
        HttpResponse.json({ error: "Couldn't find Certificate with id=12" }, { status: 404 }),
      ),
    );
    const { error } = await calls.getCertificate!.call(dnsimple());
    expect(error).toMatchObject({ code: "NOT_FOUND", status: 404, fieldErrors: undefined });
    expect(error?.message).toBe(
      "DNSimple API v1: GET /domains/{domain}/certificates/{id} failed with HTTP 404 Not Found: Couldn't find Certificate with id=12",
    );
  });

  it("validation errors give fieldErrors per field, and the summary text when one is sent", async () => {
    const body = {
      message: "Validation failed",
      errors: { contact_id: ["can't be blank"], csr: ["is invalid", "is too short"] },
    };
    server.use(http.post(`${BASE_URL}/domains/:domain/certificates`, () => HttpResponse.json(body, { status: 400 })));
    const { error } = await calls.purchaseCertificate!.call(dnsimple());
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", status: 400, effectUnknown: false });
    expect(error?.fieldErrors).toEqual({ contact_id: ["can't be blank"], csr: ["is invalid", "is too short"] });
    expect(error?.message).toBe(
      "DNSimple API v1: POST /domains/{domain}/certificates failed with HTTP 400 Bad Request: Validation failed",
    );
  });

  it("a 406 on purchase (the certificate exists) is CONFLICT and not retryable", async () => {
    server.use(
      http.post(`${BASE_URL}/domains/:domain/certificates`, () =>
        HttpResponse.json({ message: "Certificate www.example.test already exists" }, { status: 406 }),
      ),
    );
    const { error } = await calls.purchaseCertificate!.call(dnsimple());
    expect(error).toMatchObject({ code: "CONFLICT", status: 406, retryable: false, effectUnknown: false });
  });

  it("an empty 406 says nothing about existing, and stays PROVIDER", async () => {
    server.use(http.post(`${BASE_URL}/domains/:domain/certificates`, () => new HttpResponse(null, { status: 406 })));
    const { error } = await calls.purchaseCertificate!.call(dnsimple());
    expect(error).toMatchObject({ code: "PROVIDER", status: 406, body: undefined });
  });
});

describe("answers outside the spec", () => {
  it("keeps an HTML error page from the edge as truncated text", async () => {
    const page = `<html><body><h1>502 Bad Gateway</h1>${"x".repeat(5000)}</body></html>`;
    server.use(http.get(`${BASE_URL}/domains`, () => HttpResponse.html(page, { status: 502 })));
    const { error } = await dnsimple().GET("/domains");
    expect(error).toMatchObject({
      code: "PROVIDER",
      status: 502,
      providerCode: undefined,
      fieldErrors: undefined,
      retryable: true,
    });
    const text = error?.body as string;
    expect(text).toMatch(/^<html><body><h1>502 Bad Gateway/);
    expect(text.length).toBeLessThan(2100);
    expect(text).toMatch(/\[truncated\]$/);
    expect(error?.message).toBe("DNSimple API v1: GET /domains failed with HTTP 502 Bad Gateway");
  });

  it("keeps unknown JSON as the body without inventing details", async () => {
    const body = { status: "error", detail: { reason: 42 } };
    server.use(http.get(`${BASE_URL}/domains`, () => HttpResponse.json(body, { status: 500 })));
    const { error } = await dnsimple().GET("/domains");
    expect(error).toMatchObject({ code: "PROVIDER", status: 500, body, fieldErrors: undefined });
    expect(error?.message).toBe("DNSimple API v1: GET /domains failed with HTTP 500 Internal Server Error");
  });

  it("says a 500 on a write may have taken effect, and is not retryable", async () => {
    server.use(
      http.put(`${BASE_URL}/domains/:domain/certificates/:id/submit`, () =>
        HttpResponse.json({ message: "oops" }, { status: 500 }),
      ),
    );
    const { error } = await calls.submitCertificate!.call(dnsimple());
    expect(error).toMatchObject({ code: "PROVIDER", retryable: false, effectUnknown: true });
    expect(error?.message).toMatch(/oops\. .*check before sending it again/);
  });

  it("maps 429 to RATE_LIMITED, retryable for any method, with Retry-After", async () => {
    server.use(
      http.post(`${BASE_URL}/domains/:domain/certificates`, () =>
        HttpResponse.json({ message: "Too many requests" }, { status: 429, headers: { "Retry-After": "30" } }),
      ),
    );
    const { error } = await calls.purchaseCertificate!.call(dnsimple());
    expect(error).toMatchObject({ code: "RATE_LIMITED", status: 429, retryable: true, retryAfterMs: 30_000 });
  });

  it("keeps v1's X-Request-Id", async () => {
    server.use(
      http.get(`${BASE_URL}/domains/:domain/certificates`, () =>
        HttpResponse.json(
          { message: "Domain `example.test' not found" },
          { status: 404, headers: { "X-Request-Id": "5c210ca0-0f2c" } },
        ),
      ),
    );
    const { error } = await calls.listCertificates!.call(dnsimple());
    expect(error?.requestId).toBe("5c210ca0-0f2c");
  });

  it("rejects a 2xx answer that is not JSON with a PROVIDER error", async () => {
    server.use(
      http.get(
        `${BASE_URL}/domains`,
        () => new HttpResponse("<html>maintenance</html>", { status: 200, headers: { "Content-Type": "text/html" } }),
      ),
    );
    await expect(dnsimple().GET("/domains")).rejects.toMatchObject({
      code: "PROVIDER",
      provider: "dnsimple-v1",
      message: expect.stringContaining("not valid JSON"),
    });
  });

  it("throws NETWORK when no answer arrives; a read may be retried, a purchase may not", async () => {
    server.use(
      http.get(`${BASE_URL}/domains`, () => HttpResponse.error()),
      http.post(`${BASE_URL}/domains/:domain/certificates`, () => HttpResponse.error()),
    );
    await expect(dnsimple().GET("/domains")).rejects.toMatchObject({ code: "NETWORK", retryable: true });
    const purchase = calls.purchaseCertificate!.call(dnsimple());
    await expect(purchase).rejects.toMatchObject({ code: "NETWORK", retryable: false, effectUnknown: true });
    await expect(purchase).rejects.toThrow(/may have reached the provider/);
  });

  it("throws ABORTED when the caller aborts", async () => {
    server.use(http.get(`${BASE_URL}/domains`, () => new Promise<never>(() => undefined)));
    const controller = new AbortController();
    const call = dnsimple().GET("/domains", { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: "ABORTED", provider: "dnsimple-v1" });
    await expect(call).rejects.toBeInstanceOf(CertkitError);
  });
});

describe("the credentials never leak", () => {
  const renderings = (error: unknown) => {
    const e = error as Error | undefined;
    return [
      e?.message,
      String(e),
      JSON.stringify(e),
      inspect(e, { depth: 10, showHidden: true }),
      String(e?.stack),
    ].join("\n");
  };

  it("the header value and the token are removed from an error that echoes them; the email alone stays", async () => {
    server.use(
      http.get(`${BASE_URL}/domains`, ({ request }) => {
        const header = request.headers.get("x-dnsimple-token") ?? "";
        return HttpResponse.json(
          {
            message: `Invalid token header ${header}`,
            errors: { token: [`${header.split(":")[1]} is revoked`] },
            header,
          },
          { status: 401 },
        );
      }),
    );
    const { error } = await dnsimple().GET("/domains");
    expect(error?.code).toBe("AUTH");
    const shown = renderings(error);
    expect(shown).not.toContain(TOKEN);
    expect(shown).not.toContain("s3cr3t");
    expect(error?.message).toContain(`Invalid token header ${EMAIL}:[REDACTED]`);
    expect(error?.fieldErrors).toEqual({ token: ["[REDACTED] is revoked"] });
    expect(error?.body).toMatchObject({ header: `${EMAIL}:[REDACTED]` });
  });

  it("the token is removed when it is echoed without the email", async () => {
    server.use(
      http.post(`${BASE_URL}/domains/:domain/certificates`, () =>
        HttpResponse.json({ message: `user ${EMAIL} token ${TOKEN} has no card on file` }, { status: 400 }),
      ),
    );
    const { error } = await calls.purchaseCertificate!.call(dnsimple());
    expect(renderings(error)).not.toContain(TOKEN);
    expect(error?.message).toContain(`user ${EMAIL} token [REDACTED] has no card on file`);
  });

  it("a private key echoed in an error body is removed", async () => {
    server.use(
      http.get(`${BASE_URL}/domains/:domain/certificates/:id`, () =>
        HttpResponse.json({ message: `cannot render ${PRIVATE_KEY_PEM}` }, { status: 500 }),
      ),
    );
    const { error } = await calls.getCertificate!.call(dnsimple());
    expect(renderings(error)).not.toContain("RkFLRS1LRVk");
    expect(error?.message).toContain("cannot render [REDACTED]");
  });

  it("are absent from a thrown network error and its cause", async () => {
    server.use(http.get(`${BASE_URL}/domains`, () => HttpResponse.error()));
    const error = await dnsimple()
      .GET("/domains")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CertkitError);
    expect(renderings(error)).not.toContain(TOKEN);
    expect(inspect((error as Error).cause, { depth: 10 })).not.toContain(TOKEN);
  });
});
