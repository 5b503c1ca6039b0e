import { describe, expect, it } from "vitest";
import { describeSslmarketError } from "../src/describe-sslmarket-error.js";

// SSLmarket does not publish the member names of its error body: each row is a shape it could plausibly send.
const shapes: [string, unknown, ReturnType<typeof describeSslmarketError>][] = [
  [
    "the spec's illustration: {error, message}",
    { error: "not_found", message: "Order 999999 was not found." },
    { providerCode: "not_found", message: "Order 999999 was not found.", fieldErrors: undefined },
  ],
  [
    "{type, description}",
    { type: "InvalidCsr", description: "The CSR cannot be decoded." },
    { providerCode: "InvalidCsr", message: "The CSR cannot be decoded.", fieldErrors: undefined },
  ],
  [
    "a numeric code",
    { code: 1203, message: "Product not available through the API" },
    { providerCode: "1203", message: "Product not available through the API", fieldErrors: undefined },
  ],
  [
    "a nested error object",
    { status: "error", error: { code: "order_locked", message: "The certificate was already requested." } },
    { providerCode: "order_locked", message: "The certificate was already requested.", fieldErrors: undefined },
  ],
  [
    "unknown member names: the first token is the type, the first sentence the description",
    { kind: "wrong_state", text: "The order cannot be edited now.", order: 5 },
    { providerCode: "wrong_state", message: "The order cannot be edited now.", fieldErrors: undefined },
  ],
  [
    "an error member that holds a sentence is the description",
    { error: "Invalid authentication token." },
    { providerCode: undefined, message: "Invalid authentication token.", fieldErrors: undefined },
  ],
  [
    "a type alone",
    { error: "unauthorized" },
    { providerCode: "unauthorized", message: undefined, fieldErrors: undefined },
  ],
  [
    "general messages in a list",
    { error: "invalid_order", errors: ["years is too high", "voucher has expired"] },
    { providerCode: "invalid_order", message: "years is too high; voucher has expired", fieldErrors: undefined },
  ],
  [
    "field messages as strings, lists and objects",
    {
      error: "validation",
      message: "Invalid input",
      errors: {
        owner_zip: "is required",
        dns_names: ["too many", ""],
        auth_email: { message: "not an e-mail" },
        years: 7,
      },
    },
    {
      providerCode: "validation",
      message: "Invalid input",
      fieldErrors: { owner_zip: ["is required"], dns_names: ["too many"], auth_email: ["not an e-mail"] },
    },
  ],
  [
    "field messages as a list of {field|property|param, message}",
    {
      error: "validation",
      violations: [
        { property: "owner_country", message: "must be two letters" },
        { param: "owner_country", msg: "unknown country" },
        { message: "no field named" },
        "not an object",
      ],
    },
    {
      providerCode: "validation",
      message: undefined,
      fieldErrors: { owner_country: ["must be two letters", "unknown country"] },
    },
  ],
  [
    "field messages beside a nested error object",
    { error: { type: "validation", message: "Invalid" }, errors: { csr: ["cannot be decoded"] } },
    { providerCode: "validation", message: "Invalid", fieldErrors: { csr: ["cannot be decoded"] } },
  ],
  [
    "blank strings are no details",
    { error: "  ", message: "" },
    { providerCode: undefined, message: undefined, fieldErrors: undefined },
  ],
];

describe("describeSslmarketError", () => {
  it.each(shapes)("reads %s", (_name, body, details) => {
    expect(describeSslmarketError(body)).toEqual(details);
  });

  it.each([
    ["an HTML page", "<html><body>502 Bad Gateway</body></html>"],
    ["plain text", "Order not found"],
    ["a JSON array", []],
    ["null", null],
    ["a number", 404],
    ["an object without strings", { ok: false, errors: null }],
  ])("gives no details for %s", (_name, body) => {
    expect(Object.values(describeSslmarketError(body)).filter((value) => value !== undefined)).toEqual([]);
  });
});
