import { describe, expect, it } from "vitest";
import { basicAuthorization, sharedClientOptions } from "../src/index.js";

describe("sharedClientOptions", () => {
  it("keeps the options every client shares and leaves credentials behind", () => {
    const onEvent = () => undefined;
    const fetch = (request: Request) => globalThis.fetch(request);
    const picked = sharedClientOptions({
      apiKey: "secret-key",
      baseUrl: "https://api.example.test",
      fetch,
      userAgent: "app/1",
      timeoutMs: 5,
      retry: false,
      maxConcurrency: 2,
      onEvent,
    } as Parameters<typeof sharedClientOptions>[0]);
    expect(picked).toEqual({
      baseUrl: "https://api.example.test",
      fetch,
      userAgent: "app/1",
      timeoutMs: 5,
      retry: false,
      maxConcurrency: 2,
      onEvent,
    });
    expect(JSON.stringify(picked)).not.toContain("secret-key");
  });
});

describe("basicAuthorization", () => {
  it("encodes user:password as UTF-8 base64 (RFC 7617)", () => {
    expect(basicAuthorization("Aladdin", "open sesame")).toBe("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    expect(basicAuthorization("test", "123£")).toBe("Basic dGVzdDoxMjPCow==");
  });
});
