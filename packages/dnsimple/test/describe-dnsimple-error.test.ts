import { describe, expect, it } from "vitest";
import { describeDnsimpleError } from "../src/describe-dnsimple-error.js";

describe("describeDnsimpleError", () => {
  it("reads message and the errors of a 400", () => {
    expect(describeDnsimpleError({ message: "Validation failed", errors: { name: ["is invalid"], alternate_names: ["a", "b"] } }))
      .toEqual({ message: "Validation failed", fieldErrors: { name: ["is invalid"], alternate_names: ["a", "b"] } });
  });

  it("reads a message alone, with no field errors and no provider code", () => {
    expect(describeDnsimpleError({ message: "Certificate `0` not found" })).toEqual({
      message: "Certificate `0` not found",
      fieldErrors: undefined,
    });
  });

  it("keeps a field whose messages arrive as one string, and drops what is not text", () => {
    expect(describeDnsimpleError({ message: "x", errors: { name: "is invalid", years: [1, "is too long", null], other: {} } })).toEqual({
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
    expect(describeDnsimpleError(body)).toEqual({});
  });

  it.each([
    ["a message that is not a string", { message: 42 }],
    ["an empty message", { message: "" }],
    ["errors that are a list", { errors: ["bad"] }],
    ["errors that hold no text", { errors: { name: [] } }],
    ["another JSON shape", { error: { code: "E1", text: "x" } }],
  ])("reads no message or field errors from %s", (_, body) => {
    expect(describeDnsimpleError(body)).toEqual({ message: undefined, fieldErrors: undefined });
  });
});
