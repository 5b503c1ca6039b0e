import { describe, expect, it } from "vitest";
import { describeReselloError } from "../src/describe-resello-error.js";

describe("describeReselloError", () => {
  it("reads the envelope's code and text message", () => {
    expect(
      describeReselloError({ success: false, error: { code: "certificate_not_found", message: "Not found." } }),
    ).toEqual({
      providerCode: "certificate_not_found",
      message: "Not found.",
      fieldErrors: undefined,
    });
  });

  it("turns a message of messages per field into fieldErrors, leaving the summary to the runtime", () => {
    const body = {
      success: false,
      error: {
        code: "request_validation_failed",
        message: { csr: ["This field is required."], plan: ["Not a valid UUID.", "Unknown plan."] },
      },
    };
    expect(describeReselloError(body)).toEqual({
      providerCode: "request_validation_failed",
      message: undefined,
      fieldErrors: { csr: ["This field is required."], plan: ["Not a valid UUID.", "Unknown plan."] },
    });
  });

  it("flattens nested fields and reads {message, code} entries", () => {
    const body = {
      error: {
        code: "request_validation_failed",
        message: {
          approver: { email_address: [{ message: "Not a valid e-mail address.", code: "invalid" }] },
          company_name: { message: "Too long.", code: "max_length" },
          dcv_type: "Must be EMAIL, FILE or DNS.",
        },
      },
    };
    expect(describeReselloError(body).fieldErrors).toEqual({
      "approver.email_address": ["Not a valid e-mail address."],
      company_name: ["Too long."],
      dcv_type: ["Must be EMAIL, FILE or DNS."],
    });
  });

  it("stops following nested fields at a sane depth", () => {
    let deep: Record<string, unknown> = { leaf: ["too deep"] };
    for (let i = 0; i < 10; i++) deep = { level: deep };
    expect(describeReselloError({ error: { message: { top: ["ok"], deep } } }).fieldErrors).toEqual({ top: ["ok"] });
  });

  it("accepts `error` as a bare string", () => {
    expect(describeReselloError({ success: false, error: "Service temporarily unavailable" })).toEqual({
      providerCode: undefined,
      message: "Service temporarily unavailable",
      fieldErrors: undefined,
    });
  });

  it("accepts a bare {code, message}, and a bare {errors: {field: [...]}}", () => {
    expect(describeReselloError({ code: "forbidden", message: "No access." })).toMatchObject({
      providerCode: "forbidden",
      message: "No access.",
    });
    expect(describeReselloError({ message: "Validation failed", errors: { zip_code: ["Too long."] } })).toEqual({
      providerCode: undefined,
      message: "Validation failed",
      fieldErrors: { zip_code: ["Too long."] },
    });
  });

  it("prefers the envelope's message to an outer one", () => {
    expect(describeReselloError({ message: "outer", error: { message: "inner" } }).message).toBe("inner");
  });

  it.each([
    ["an HTML page", "<html><body>502 Bad Gateway</body></html>"],
    ["null", null],
    ["a number", 503],
    ["an array", [{ message: "x" }]],
    ["an empty object", {}],
    ["unknown JSON", { status: "down", detail: 42 }],
    ["empty strings and wrong types", { error: { code: 7, message: "  " }, message: ["x"], errors: "bad" }],
    ["fields with nothing readable", { error: { message: { csr: [42, null], plan: {} } } }],
  ])("gives no details for %s", (_, body) => {
    const details = describeReselloError(body);
    expect(details.providerCode).toBeUndefined();
    expect(details.message).toBeUndefined();
    expect(details.fieldErrors).toBeUndefined();
  });
});
