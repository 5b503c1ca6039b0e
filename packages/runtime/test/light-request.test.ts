import { HttpResponse, http } from "msw";
import { describe, expect, expectTypeOf, it } from "vitest";
import { BuiltRequest, queryAuthStep, type OutgoingRequest, type Send, type Step } from "../src/index.js";
import { BASE_URL, exampleClient, fakeClock, useServer } from "./support/example-api.js";
import { testCall, testContext } from "./support/steps.js";

// Without middleware, openapi-fetch builds a light request that each try sends as fetch(url, init). Whatever a call
// gives that only a real Request handles (a stream to send twice, middleware of its own, fetch options to check) must
// behave as it did with one.
const server = useServer();

describe("the light request", () => {
  it("sends a body the caller's serializer streams whole on every try", async () => {
    const bodies: string[] = [];
    server.use(
      http.post(`${BASE_URL}/orders`, async ({ request }) => {
        bodies.push(await request.text());
        return bodies.length === 1
          ? new HttpResponse(null, { status: 429, headers: { "Retry-After": "0" } })
          : HttpResponse.json({ id: "o-1", state: "new" }, { status: 202 });
      }),
    );
    const client = exampleClient(fakeClock().clock);
    const { data } = await client.POST("/orders", {
      body: { domain: "a.example.test" },
      bodySerializer: (body: unknown) => new Blob([JSON.stringify(body)]).stream(),
      duplex: "half",
    } as never);
    expect(data).toEqual({ id: "o-1", state: "new" });
    expect(bodies).toEqual(['{"domain":"a.example.test"}', '{"domain":"a.example.test"}']);
  });

  it("gives middleware passed to one call a real Request, which it may read and replace", async () => {
    const seen: string[] = [];
    server.use(
      http.post(`${BASE_URL}/orders`, ({ request }) => {
        seen.push(`header ${request.headers.get("x-trace")}`);
        return HttpResponse.json({ id: "o-1", state: "new" }, { status: 202 });
      }),
    );
    const client = exampleClient(fakeClock().clock);
    const { data } = await client.POST("/orders", {
      body: { domain: "a.example.test" },
      middleware: [
        {
          async onRequest({ request }: { request: Request }) {
            seen.push(`${request instanceof Request} ${JSON.stringify(await request.clone().json())}`);
            const headers = new Headers(request.headers);
            headers.set("x-trace", "t-1");
            return new Request(request, { headers });
          },
        },
      ],
    });
    expect(data).toEqual({ id: "o-1", state: "new" });
    expect(seen).toEqual(['true {"domain":"a.example.test"}', "header t-1"]);
  });

  it("refuses a fetch option fetch would refuse before any try: not a network failure, not retried", async () => {
    let sent = 0;
    server.use(
      http.all(`${BASE_URL}/*`, () => (sent++, HttpResponse.json({ id: "o-1", state: "new" }, { status: 202 }))),
    );
    const client = exampleClient(fakeClock().clock);
    const read = client.GET("/orders/{id}", { params: { path: { id: "o-1" } }, cache: "bogus" as RequestCache });
    await expect(read).rejects.toMatchObject({ code: "PROVIDER", retryable: false, effectUnknown: false });
    const write = client.POST("/orders", { body: { domain: "a.example.test" }, priority: "urgent" as RequestPriority });
    await expect(write).rejects.toMatchObject({ code: "PROVIDER", effectUnknown: false });
    expect(sent).toBe(0);
  });

  it("is what a provider's own auth step sees, and a header it sets is sent", async () => {
    let seen: OutgoingRequest | undefined;
    server.use(
      http.get(`${BASE_URL}/orders/:id`, ({ request }) =>
        HttpResponse.json({ id: request.headers.get("x-signature") ?? "", state: "new" }),
      ),
    );
    const sign: Step = (next) => (request, call) => {
      seen = request;
      request.headers.set("X-Signature", "s-1");
      return next(request, call);
    };
    const client = exampleClient(fakeClock().clock, { auth: { headers: {}, secrets: [], step: sign } });
    const { data } = await client.GET("/orders/{id}", { params: { path: { id: "o-1" } } });
    expect(data).toEqual({ id: "s-1", state: "new" });
    expect(seen).toBeInstanceOf(BuiltRequest);
    // The type says so: a step cannot take it for a Request (and, say, copy it with `new Request(request)`).
    expectTypeOf<Parameters<Send>[0]>().toEqualTypeOf<Request | BuiltRequest>();
    // @ts-expect-error a light request is not a Request
    const copy: Request = seen!;
    expect(copy).toBe(seen);
  });

  it("stays light through the query-string credentials step, with every setting it was built with", async () => {
    const { context } = testContext();
    let sent: OutgoingRequest | undefined;
    const step = queryAuthStep({ access_key: "k-1" })(
      (request) => ((sent = request), Promise.resolve(new Response("{}"))),
      context,
    );
    const built = new BuiltRequest("https://api.example.test/v1/orders?access_key=x&page=2", {
      method: "GET",
      headers: new Headers({ Accept: "application/json" }),
      cache: "no-store",
    });
    await step(built, testCall(context));
    expect(sent).toBeInstanceOf(BuiltRequest);
    expect(sent?.url).toBe("https://api.example.test/v1/orders?page=2&access_key=k-1");
    expect((sent as BuiltRequest).init.cache).toBe("no-store");
    expect(sent?.headers.get("accept")).toBe("application/json");
  });
});
