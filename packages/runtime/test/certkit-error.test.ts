import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { classify } from "../src/classify.js";
import { errorCodeForStatus, readRequestId } from "../src/http-error.js";
import { CertkitError, isCertkitError } from "../src/index.js";

describe("CertkitError", () => {
  const error = new CertkitError({
    code: "NOT_FOUND",
    provider: "ionos-ssl",
    message: "IONOS SSL API: GET /v1/certificates/{id} failed with HTTP 404",
    status: 404,
    providerCode: "NOT_FOUND",
    requestId: "req-1",
    body: { code: "NOT_FOUND", message: "No certificate exists for the specified id." },
  });

  it("is an Error with a name, a code and its details", () => {
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("CertkitError");
    expect(error).toMatchObject({ code: "NOT_FOUND", status: 404, retryable: false, requestId: "req-1" });
    expect(String(error)).toBe("CertkitError: IONOS SSL API: GET /v1/certificates/{id} failed with HTTP 404");
  });

  it("serializes its public fields to JSON", () => {
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "CertkitError",
      code: "NOT_FOUND",
      provider: "ionos-ssl",
      message: error.message,
      retryable: false,
      effectUnknown: false,
      status: 404,
      providerCode: "NOT_FOUND",
      requestId: "req-1",
      body: { code: "NOT_FOUND", message: "No certificate exists for the specified id." },
    });
  });

  it("is recognised by instanceof across copies of the package (brand, not prototype)", () => {
    const fromAnotherCopy = Object.defineProperty(new Error("x"), Symbol.for("@certkit/runtime/CertkitError"), {
      value: true,
    });
    expect(fromAnotherCopy).toBeInstanceOf(CertkitError);
    expect(new Error("plain")).not.toBeInstanceOf(CertkitError);
    expect(CertkitError[Symbol.hasInstance](null)).toBe(false);
  });

  it("is told apart by isCertkitError, optionally by code", () => {
    expect(isCertkitError(error)).toBe(true);
    expect(isCertkitError(error, "NOT_FOUND")).toBe(true);
    expect(isCertkitError(error, "AUTH")).toBe(false);
    expect(isCertkitError(new Error("x"))).toBe(false);
  });

  it("keeps a cause for inspection", () => {
    const withCause = new CertkitError({
      code: "NETWORK",
      provider: "p",
      message: "m",
      cause: new Error("ECONNRESET"),
    });
    expect(inspect(withCause)).toContain("ECONNRESET");
  });
});

describe("errorCodeForStatus", () => {
  it.each([
    [400, "VALIDATION_FAILED"],
    [401, "AUTH"],
    [402, "PROVIDER"],
    [403, "AUTH"],
    [404, "NOT_FOUND"],
    [409, "CONFLICT"],
    [410, "NOT_FOUND"],
    [422, "VALIDATION_FAILED"],
    [429, "RATE_LIMITED"],
    [500, "PROVIDER"],
    [502, "PROVIDER"],
    [504, "PROVIDER"],
  ] as const)("maps %d to %s", (status, code) => {
    expect(errorCodeForStatus(status)).toBe(code);
  });
});

describe("classify", () => {
  it("lets any method repeat a 429, which did nothing", () => {
    expect(classify("POST", 429)).toEqual({ retryable: true, effectUnknown: false });
  });
  it("lets only reads repeat a 408 or 5xx, which may have done their work: a write's effect is then unknown", () => {
    expect(classify("GET", 503)).toEqual({ retryable: true, effectUnknown: false });
    expect(classify("HEAD", 408).retryable).toBe(true);
    expect(classify("POST", 503)).toEqual({ retryable: false, effectUnknown: true });
    expect(classify("DELETE", 500)).toEqual({ retryable: false, effectUnknown: true });
  });
  it("never repeats other 4xx, a 501 or a 505, which would be answered the same", () => {
    for (const status of [400, 404, 501, 505])
      expect(classify("GET", status)).toEqual({ retryable: false, effectUnknown: false });
    expect(classify("POST", 501).effectUnknown).toBe(false);
  });
  it("repeats a read after a failure without an answer, and a write only when it never left", () => {
    expect(classify("GET", "network")).toEqual({ retryable: true, effectUnknown: false });
    expect(classify("POST", "network")).toEqual({ retryable: false, effectUnknown: true });
    expect(classify("POST", "not-sent")).toEqual({ retryable: true, effectUnknown: false });
    expect(classify("GET", "unusable").retryable).toBe(true);
  });
  it("never repeats what would come back the same: a redirect, an oversize answer, a browser's opaque failure", () => {
    expect(classify("GET", "refused")).toEqual({ retryable: false, effectUnknown: false });
    expect(classify("GET", "opaque")).toEqual({ retryable: false, effectUnknown: false });
    expect(classify("PUT", "refused")).toEqual({ retryable: false, effectUnknown: true });
  });
});

describe("readRequestId", () => {
  it("prefers X-Request-Id and falls back to other common names", () => {
    expect(readRequestId(new Headers({ "X-Request-Id": "a", "X-Correlation-Id": "b" }))).toBe("a");
    expect(readRequestId(new Headers({ "X-Correlation-Id": "b" }))).toBe("b");
    expect(readRequestId(new Headers())).toBeUndefined();
  });
});
