import { useMswServer } from "@certkit/test-kit";
import { HttpResponse, http } from "msw";
import { describe, expect, it, vi } from "vitest";
import { MAX_TEXT_BODY_LENGTH } from "../src/http-error.js";
import { CertkitError, createApiClient, readFieldErrors, type ApiClientConfig } from "../src/index.js";

/** A one-operation API, enough to drive the client the way a generated `paths` does. */
interface paths {
  "/things/{id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: Record<string, unknown>; content: { "application/json": { id: string } } };
        404: { headers: Record<string, unknown>; content: { "application/json": { error: string; kind: string } } };
      };
    };
  };
}

const BASE_URL = "https://api.example.test/v9";
const SECRET = "very-secret-token-42";
const { server } = useMswServer();

function client(overrides: Partial<ApiClientConfig> = {}) {
  return createApiClient<paths>({
    provider: "example",
    apiName: "Example API",
    packageName: "@certkit/example",
    packageVersion: "1.2.3",
    baseUrl: BASE_URL,
    auth: { headers: { Authorization: `Bearer ${SECRET}` }, secrets: [SECRET] },
    describeError: (body) => {
      const { error, kind } = body as { error?: string; kind?: string };
      return { message: error, providerCode: kind, code: kind === "gone" ? "NOT_FOUND" : undefined };
    },
    ...overrides,
  });
}

const get = (c = client(), init: { signal?: AbortSignal } = {}) =>
  c.GET("/things/{id}", { params: { path: { id: "7" } }, ...init });

describe("createApiClient", () => {
  it("sends auth and User-Agent, and returns data for a 2xx answer", async () => {
    let seen: Request | undefined;
    server.use(
      http.get(`${BASE_URL}/things/:id`, ({ request, params }) => {
        seen = request;
        return HttpResponse.json({ id: String(params.id) });
      }),
    );
    const { data, error } = await get();
    expect(error).toBeUndefined();
    expect(data).toEqual({ id: "7" });
    expect(seen?.headers.get("authorization")).toBe(`Bearer ${SECRET}`);
    expect(seen?.headers.get("user-agent")).toBe("@certkit/example/1.2.3");
  });

  it("lets the provider's describeError name the code, provider code and message", async () => {
    server.use(
      http.get(`${BASE_URL}/things/:id`, () =>
        HttpResponse.json({ error: `no thing for ${SECRET}`, kind: "gone" }, { status: 400 }),
      ),
    );
    const { error } = await get();
    expect(error).toMatchObject({ code: "NOT_FOUND", status: 400, providerCode: "gone", provider: "example" });
    expect(error?.message).toBe(
      "Example API: GET /things/{id} failed with HTTP 400 Bad Request (gone): no thing for [REDACTED]",
    );
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it("gives describeError the status and headers too, even for an empty body", async () => {
    server.use(
      http.get(
        `${BASE_URL}/things/:id`,
        () => new HttpResponse(null, { status: 401, headers: { "X-Challenge": "otp" } }),
      ),
    );
    const { error } = await get(
      client({
        describeError: (body, status, headers) => ({
          providerCode: `${String(body)}/${status}/${headers.get("x-challenge")}`,
        }),
      }),
    );
    expect(error).toMatchObject({ code: "AUTH", providerCode: "undefined/401/otp" });
  });

  it("names the rejected fields in the message when the provider sent no text but messages per field", async () => {
    server.use(
      http.get(`${BASE_URL}/things/:id`, () =>
        HttpResponse.json(
          { errors: { csr: ["is invalid"], name: ["can't be blank", `is not ${SECRET}`] } },
          { status: 422 },
        ),
      ),
    );
    const { error } = await get(
      client({ describeError: (body) => ({ fieldErrors: readFieldErrors((body as { errors?: unknown }).errors) }) }),
    );
    expect(error).toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: { csr: ["is invalid"], name: ["can't be blank", "is not [REDACTED]"] },
    });
    expect(error?.message).toBe(
      "Example API: GET /things/{id} failed with HTTP 422 Unprocessable Entity: csr: is invalid; name: can't be blank, is not [REDACTED]",
    );
  });

  it("reads {field: message | [messages]}, leaving out what is not text", () => {
    expect(readFieldErrors({ csr: "is invalid", years: [1, "is too long", null, " "], other: {} })).toEqual({
      csr: ["is invalid"],
      years: ["is too long"],
    });
    expect(readFieldErrors(["not", "fields"])).toBeUndefined();
    expect(readFieldErrors({ name: [] })).toBeUndefined();
  });

  it("truncates a long text body at MAX_TEXT_BODY_LENGTH", async () => {
    server.use(http.get(`${BASE_URL}/things/:id`, () => HttpResponse.text("e".repeat(10_000), { status: 503 })));
    const { error } = await get(client({ retry: false }));
    expect(error?.body).toBe(`${"e".repeat(MAX_TEXT_BODY_LENGTH)}… [truncated]`);
    expect(error?.retryable).toBe(true);
  });

  it("throws TIMEOUT when the caller's AbortSignal.timeout fires, distinct from ABORTED", async () => {
    server.use(http.get(`${BASE_URL}/things/:id`, () => new Promise<never>(() => undefined)));
    await expect(get(client(), { signal: AbortSignal.timeout(20) })).rejects.toMatchObject({ code: "TIMEOUT" });
    const controller = new AbortController();
    controller.abort();
    await expect(get(client(), { signal: controller.signal })).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("runs openapi-fetch middleware added with use, and stops after eject", async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${BASE_URL}/things/:id`, ({ request }) =>
        HttpResponse.json({ id: request.headers.get("x-trace") ?? "" }),
      ),
    );
    const c = client();
    const trace = {
      onRequest({ request }: { request: Request }) {
        seen.push(request.url);
        request.headers.set("x-trace", "t-1");
        return request;
      },
    };
    c.use(trace);
    expect((await get(c)).data).toEqual({ id: "t-1" });
    c.eject(trace);
    expect((await get(c)).data).toEqual({ id: "" });
    expect(seen).toEqual([`${BASE_URL}/things/7`]);
  });

  it("sends a call's own fetch options (cache, keepalive) in a real Request, and a plain call as fetch(url, init)", async () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(() => Promise.resolve(Response.json({ id: "7" })));
    try {
      const c = client();
      const withOptions = await c.GET("/things/{id}", {
        params: { path: { id: "7" } },
        cache: "no-store",
        keepalive: true,
        redirect: "follow",
      });
      expect(withOptions.data).toEqual({ id: "7" });
      const [request, settings] = fetch.mock.calls[0]!;
      expect(request).toBeInstanceOf(Request);
      expect(request).toMatchObject({ url: `${BASE_URL}/things/7`, cache: "no-store", keepalive: true });
      expect(settings?.redirect).toBe("manual");
      expect((await c.GET("/things/{id}", { params: { path: { id: "7" } } })).data).toEqual({ id: "7" });
      const [url, init] = fetch.mock.calls[1]!;
      expect(url).toBe(`${BASE_URL}/things/7`);
      expect(init).toMatchObject({ method: "GET", redirect: "manual" });
      expect(new Headers(init?.headers).get("authorization")).toBe(`Bearer ${SECRET}`);
      expect(fetch).toHaveBeenCalledTimes(2);
    } finally {
      fetch.mockRestore();
    }
  });

  it("refuses a path parameter that is missing, empty or a dot segment, before any request", async () => {
    const sent: string[] = [];
    const c = client({
      fetch: (input) => {
        sent.push(new Request(input).url);
        return Promise.resolve(Response.json({ id: "x" }));
      },
    });
    // An array or an object is joined into the path as it is: `[".."]` would be `..`.
    for (const id of [".", "..", "", undefined, null, [".."], [""], ["a", "b"], { a: "1" }, true]) {
      const path = { id } as unknown as { id: string };
      const call = c.GET("/things/{id}", { params: { path } });
      await expect(call, JSON.stringify(id)).rejects.toMatchObject({
        code: "INVALID_INPUT",
        provider: "example",
        message:
          'example: GET /things/{id}: path parameter "id" must be given as a text or a number, and be neither empty nor "." or ".."',
      });
    }
    await expect(c.GET("/things/{id}", {} as never)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(sent).toEqual([]);
    // What is one segment goes, encoded: a zero, dots inside a name, a slash.
    for (const id of ["0", "...", "a.b", "a/b"]) await c.GET("/things/{id}", { params: { path: { id } } });
    expect(sent).toEqual([
      `${BASE_URL}/things/0`,
      `${BASE_URL}/things/...`,
      `${BASE_URL}/things/a.b`,
      `${BASE_URL}/things/a%2Fb`,
    ]);
  });

  it("passes a CertkitError thrown by a custom fetch through unchanged", async () => {
    const own = new CertkitError({ code: "RATE_LIMITED", provider: "example", message: "queue full", retryable: true });
    await expect(get(client({ fetch: () => Promise.reject(own) }))).rejects.toBe(own);
  });

  it("removes secrets from a transport error's message and cause", async () => {
    const failing = client({
      fetch: () => Promise.reject(new TypeError(`connect failed for ${SECRET}`)),
      retry: false,
    });
    const error = (await get(failing).catch((e: unknown) => e)) as CertkitError;
    expect(error.code).toBe("NETWORK");
    expect(error.message).toBe("Example API: GET /things/{id} got no answer: connect failed for [REDACTED]");
    expect(String((error.cause as Error).message)).not.toContain(SECRET);
  });

  it("takes plain http only for this machine, or when the option that says it is insecure is set", () => {
    for (const baseUrl of [
      "http://127.0.0.1:8080/api",
      "http://127.3.4.5/",
      "http://localhost:3000",
      "http://api.localhost/v1",
      "http://[::1]:8080/",
    ]) {
      expect(() => client({ baseUrl }), baseUrl).not.toThrow();
    }
    for (const baseUrl of ["http://api.example.test/v9", "http://10.0.0.5/api", "http://127.0.0.1.example.test/"]) {
      expect(() => client({ baseUrl }), baseUrl).toThrow(
        expect.objectContaining({
          code: "INVALID_INPUT",
          message:
            'example: option "baseUrl" must use https, not http: (http only for a loopback host, or with allowInsecureHttp: true)',
        }),
      );
      expect(() => client({ baseUrl, allowInsecureHttp: true }), baseUrl).not.toThrow();
    }
    expect(() => client({ baseUrl: "ftp://api.example.test/" })).toThrow(/must use https, not ftp:/);
  });

  it("holds a call's own baseUrl to the same rule, before any request, and sends to it when it passes", async () => {
    const sent: string[] = [];
    const c = client({
      fetch: (input) => {
        sent.push(new Request(input).url);
        return Promise.resolve(Response.json({ id: "x" }));
      },
    });
    const id = { params: { path: { id: "7" } } };
    for (const baseUrl of ["http://api.example.test/v9", "https://user:pass@api.example.test/", "not a url"]) {
      await expect(c.GET("/things/{id}", { ...id, baseUrl }), baseUrl).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: expect.stringContaining('option "baseUrl" must'),
      });
    }
    expect(sent).toEqual([]);
    await c.GET("/things/{id}", { ...id, baseUrl: "https://eu.api.example.test/v9/" });
    expect(sent).toEqual(["https://eu.api.example.test/v9/things/7"]);
  });

  it("lets middleware see one request and its final answer, however many tries it took", async () => {
    let tries = 0;
    server.use(
      http.get(`${BASE_URL}/things/:id`, () =>
        ++tries < 3 ? HttpResponse.json({ error: "busy" }, { status: 503 }) : HttpResponse.json({ id: "7" }),
      ),
    );
    const seen: string[] = [];
    const c = client({ retry: { baseDelayMs: 1 } });
    c.use({
      onRequest: ({ request }) => void seen.push(`request ${request.method} redirect=${request.redirect}`),
      onResponse: async ({ response }) =>
        void seen.push(`response ${response.status} ${JSON.stringify(await response.clone().json())}`),
    });
    expect((await get(c)).data).toEqual({ id: "7" });
    expect(tries).toBe(3);
    expect(seen).toEqual(["request GET redirect=manual", 'response 200 {"id":"7"}']);
  });
});
