import { describe, expect, it } from "vitest";
import type { DynamicAuth } from "../../src/dynamic-auth.js";
import { dynamicAuthStep } from "../../src/steps/dynamic-auth.js";
import { queryAuthStep } from "../../src/steps/query-auth.js";
import { scripted, testCall, testContext } from "../support/steps.js";

const KEY = "zs-ACCESS-KEY-5c2e/9f+1";

describe("the query credentials step", () => {
  it("sets query credentials on every try, replacing the caller's, and keeps the rest of the query as it was", async () => {
    const { context } = testContext();
    const { next, requests } = scripted(Response.json({}));
    const send = queryAuthStep({ access_key: KEY })(next, context);
    const call = testCall(context);
    const url = "https://api.example.test/v1/orders?search=a%20b&access_key=theirs&access%5Fkey=again&limit=5";
    await send(new Request(url), call);
    await send(new Request("https://api.example.test/v1/orders"), call);
    expect(requests.map((request) => request.url)).toEqual([
      `https://api.example.test/v1/orders?search=a%20b&limit=5&access_key=${encodeURIComponent(KEY)}`,
      `https://api.example.test/v1/orders?access_key=${encodeURIComponent(KEY)}`,
    ]);
  });

  it("keeps a write's method, headers and body when it sets query credentials", async () => {
    const { context } = testContext();
    const { next, requests } = scripted(Response.json({}));
    await queryAuthStep({ access_key: KEY })(next, context)(
      new Request("https://api.example.test/v1/orders", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: '{"a":1}',
      }),
      testCall(context, { method: "POST" }),
    );
    expect(requests[0]?.method).toBe("POST");
    expect(requests[0]?.headers.get("content-type")).toBe("application/json");
    expect(await requests[0]?.text()).toBe('{"a":1}');
  });
});

describe("the dynamic credentials step", () => {
  it("asks dynamic credentials for headers before every try, learns their secrets, and drops them after a 401", async () => {
    let issued = 0;
    let invalidated = 0;
    const dynamic: DynamicAuth = {
      headers: () => {
        const token = `token-${++issued}-abcdefgh`;
        return Promise.resolve({ headers: { Authorization: `Bearer ${token}` }, secrets: [token] });
      },
      invalidate: () => void invalidated++,
    };
    const { context } = testContext();
    const { next, requests } = scripted(new Response(null, { status: 401 }), Response.json({}));
    const send = dynamicAuthStep(dynamic)(next, context);
    await send(new Request("https://api.example.test/v1/orders"), testCall(context));
    await send(new Request("https://api.example.test/v1/orders"), testCall(context));
    expect(requests.map((request) => request.headers.get("authorization"))).toEqual([
      "Bearer token-1-abcdefgh",
      "Bearer token-2-abcdefgh",
    ]);
    expect(invalidated).toBe(1);
    expect(context.redactor.text("was token-2-abcdefgh")).toBe("was [REDACTED]");
  });
});
