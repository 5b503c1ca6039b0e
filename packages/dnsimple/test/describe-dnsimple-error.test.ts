import { describe, expect, it } from "vitest";
import { describeDnsimpleError } from "../src/describe-dnsimple-error.js";
import { DNSIMPLE_OTP_REQUIRED } from "../src/index.js";

/** The body of an error answer without telling headers. */
const describeBody = (body: unknown) => describeDnsimpleError(body, 400, new Headers());

describe("describeDnsimpleError", () => {
  it("reads message and the errors of a 400", () => {
    expect(
      describeBody({ message: "Validation failed", errors: { name: ["is invalid"], alternate_names: ["a", "b"] } }),
    ).toEqual({ message: "Validation failed", fieldErrors: { name: ["is invalid"], alternate_names: ["a", "b"] } });
  });

  it("reads a message alone, with no field errors and no provider code", () => {
    expect(describeBody({ message: "Certificate `0` not found" })).toEqual({
      message: "Certificate `0` not found",
      fieldErrors: undefined,
    });
  });

  it("keeps a field whose messages arrive as one string, and drops what is not text", () => {
    expect(
      describeBody({ message: "x", errors: { name: "is invalid", years: [1, "is too long", null], other: {} } }),
    ).toEqual({
      message: "x",
      fieldErrors: { name: ["is invalid"], years: ["is too long"] },
    });
  });

  it.each([
    ["an HTML page", "<html><body>502 Bad Gateway</body></html>"],
    ["null", null],
    ["a number", 502],
    ["an array", [{ message: "x" }]],
  ])("finds nothing in %s", (_, body) => {
    expect(describeBody(body)).toEqual({});
  });

  it.each([
    ["a message that is not a string", { message: 42 }],
    ["an empty message", { message: "" }],
    ["errors that are a list", { errors: ["bad"] }],
    ["errors that hold no text", { errors: { name: [] } }],
    ["another JSON shape", { error: { code: "E1", text: "x" } }],
  ])("reads no message or field errors from %s", (_, body) => {
    expect(describeBody(body)).toEqual({ message: undefined, fieldErrors: undefined });
  });

  it("names a two-factor challenge by its header, whatever the body", () => {
    const challenge = new Headers({ "X-Dnsimple-OTP": "required" });
    expect(describeDnsimpleError({ message: "Authentication failed" }, 401, challenge)).toEqual({
      providerCode: DNSIMPLE_OTP_REQUIRED,
      message: "Authentication failed",
    });
    expect(describeDnsimpleError(undefined, 401, challenge)).toEqual({ providerCode: "OTP_REQUIRED" });
    expect(describeDnsimpleError({ message: "Authentication failed" }, 401, new Headers())).toEqual({
      message: "Authentication failed",
    });
    expect(describeDnsimpleError({ message: "Forbidden" }, 403, challenge)).toEqual({ message: "Forbidden" });
  });
});
