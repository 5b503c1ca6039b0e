import { describe, expect, it } from "vitest";
import { describeDnsimpleV1Error } from "../src/describe-dnsimple-v1-error.js";

describe("describeDnsimpleV1Error", () => {
  it("reads {message}", () => {
    expect(describeDnsimpleV1Error({ message: "Certificate `0' not found" }, 404)).toEqual({
      message: "Certificate `0' not found",
      fieldErrors: undefined,
      code: undefined,
    });
  });

  it("reads the older {error}", () => {
    expect(describeDnsimpleV1Error({ error: "Couldn't find Certificate with id=12" }, 404)).toMatchObject({
      message: "Couldn't find Certificate with id=12",
    });
  });

  it("prefers message over error when a body has both", () => {
    expect(describeDnsimpleV1Error({ error: "older text", message: "newer text" }, 400).message).toBe("newer text");
  });

  it("reads {errors: {field: [problem]}} into fieldErrors, leaving the message to the runtime when no text is sent", () => {
    expect(
      describeDnsimpleV1Error({ errors: { phone: ["is invalid"], name: ["can't be blank", "is too long"] } }, 400),
    ).toEqual({
      message: undefined,
      fieldErrors: { phone: ["is invalid"], name: ["can't be blank", "is too long"] },
      code: undefined,
    });
  });

  it("takes a lone string as a one-problem list, and drops what is not text", () => {
    expect(
      describeDnsimpleV1Error(
        { errors: { csr: "is invalid", contact_id: [7, null, "must exist"], x: {}, y: [] } },
        400,
      ),
    ).toEqual({
      message: undefined,
      fieldErrors: { csr: ["is invalid"], contact_id: ["must exist"] },
      code: undefined,
    });
  });

  it("reads a 406 with a body as CONFLICT: v1's answer to buying a certificate that exists", () => {
    expect(describeDnsimpleV1Error({ message: "Certificate already exists" }, 406).code).toBe("CONFLICT");
    expect(describeDnsimpleV1Error({}, 406).code).toBe("CONFLICT");
    expect(describeDnsimpleV1Error({ message: "x" }, 409).code).toBeUndefined();
  });

  it.each([
    ["HTML text", "<html><body>502 Bad Gateway</body></html>"],
    ["a number", 502],
    ["null", null],
    ["a JSON array", [{ message: "inside an array" }]],
    ["an unknown object", { status: "error", detail: { message: "nested" } }],
    ["non-string fields", { message: 42, error: { text: "x" }, errors: ["a", "b"] }],
    ["blank text", { message: "  ", error: "" }],
  ])("yields no details for %s", (_, body) => {
    const details = describeDnsimpleV1Error(body, 500);
    expect(details.message).toBeUndefined();
    expect(details.fieldErrors).toBeUndefined();
    expect(details.providerCode).toBeUndefined();
    expect(details.code).toBeUndefined();
  });
});
