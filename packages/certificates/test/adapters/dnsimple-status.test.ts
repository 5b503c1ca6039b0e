import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DNSIMPLE_STATUS_NOTES,
  DNSIMPLE_STATUS_TABLE,
  dnsimpleOrderView,
  dnsimpleValidationStatus,
  mapDnsimpleStatus,
} from "../../src/providers/dnsimple/index.js";
import { CERTIFICATE_STATUSES } from "../../src/index.js";

/** Every state DNSimple documents for a certificate (the spec's `CertificateState` enum). */
const DOCUMENTED_STATES = [
  "new",
  "purchased",
  "configured",
  "submitted",
  "issued",
  "rejected",
  "refunded",
  "cancelled",
  "requesting",
  "failed",
];
const VALIDATION_STATUSES = ["waiting", "pending", "valid", "failed", "unknown"];

describe("mapDnsimpleStatus", () => {
  it("maps every documented state, and only those, as its table says", () => {
    expect(Object.keys(DNSIMPLE_STATUS_TABLE).sort()).toEqual([...DOCUMENTED_STATES].sort());
    expect(Object.keys(DNSIMPLE_STATUS_NOTES).sort()).toEqual([...DOCUMENTED_STATES].sort());
    expect(DNSIMPLE_STATUS_TABLE).toEqual({
      new: "pending",
      purchased: "pending",
      configured: "pending",
      submitted: "awaiting_validation",
      requesting: "processing",
      issued: "issued",
      rejected: "failed",
      failed: "failed",
      refunded: "cancelled",
      cancelled: "cancelled",
    });
    for (const state of DOCUMENTED_STATES) {
      expect(mapDnsimpleStatus(state)).toMatchObject({ status: DNSIMPLE_STATUS_TABLE[state], providerStatus: state });
    }
    expect(mapDnsimpleStatus("issued").message).toBeUndefined();
    expect(mapDnsimpleStatus("failed").message).toBe(
      "Let's Encrypt did not issue the certificate (the DNS challenge DNSimple answers did not pass)",
    );
  });

  it("maps any value to a valid status and never throws", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }), (value) => {
        const mapped = mapDnsimpleStatus(value);
        expect(CERTIFICATE_STATUSES).toContain(mapped.status);
        expect(typeof mapped.providerStatus).toBe("string");
        expect(VALIDATION_STATUSES).toContain(dnsimpleValidationStatus(value));
      }),
    );
  });

  it("maps values that are not strings to unknown", () => {
    for (const value of [
      undefined,
      null,
      1,
      true,
      ["issued"],
      { state: "issued" },
      Symbol("issued"),
      Object.create(null),
    ]) {
      expect(mapDnsimpleStatus(value)).toMatchObject({
        status: "unknown",
        message: expect.stringMatching(/is not one the adapter knows/),
      });
    }
    expect(mapDnsimpleStatus(null).providerStatus).toBe("");
    expect(mapDnsimpleStatus(42).providerStatus).toBe("42");
    expect(mapDnsimpleStatus({ toString: 1 }).providerStatus).toBe('{"toString":1}');
  });

  it("maps undocumented strings to unknown and keeps them in providerStatus", () => {
    fc.assert(
      fc.property(
        fc.string().filter((value) => !DOCUMENTED_STATES.includes(value)),
        (value) => {
          expect(mapDnsimpleStatus(value)).toEqual({
            status: "unknown",
            providerStatus: value,
            message: `DNSimple certificate state "${value}" is not one the adapter knows`,
          });
          expect(dnsimpleValidationStatus(value)).toBe("unknown");
        },
      ),
    );
    for (const value of ["ISSUED", " issued", "toString", "__proto__", "constructor", "hasOwnProperty", "renewing"]) {
      expect(mapDnsimpleStatus(value)).toMatchObject({ status: "unknown", providerStatus: value });
    }
  });

  it("shows each name's validation from the state of a Let's Encrypt certificate, and none for other authorities", () => {
    const certificate = {
      id: 7,
      domain_id: 5001,
      name: "www",
      common_name: "www.example.com",
      years: 1,
      csr: null,
      state: "requesting",
      auto_renew: false,
      alternate_names: ["example.com", "www.example.com"],
      authority_identifier: "letsencrypt",
      created_at: "2026-03-01T12:00:00Z",
      updated_at: "2026-03-01T12:00:00Z",
      expires_at: null,
      expires_on: null,
    };
    const expected = {
      requesting: "pending",
      new: "pending",
      issued: "valid",
      failed: "failed",
      cancelled: "unknown",
      mystery: "unknown",
    };
    for (const [state, status] of Object.entries(expected)) {
      expect(dnsimpleOrderView({ ...certificate, state }, 1010, "example.com").validation).toEqual([
        { domain: "www.example.com", method: "dns", status },
        { domain: "example.com", method: "dns", status },
      ]);
    }
    const legacy = dnsimpleOrderView(
      { ...certificate, state: "submitted", authority_identifier: "comodo" },
      1010,
      "example.com",
    );
    expect(legacy).toMatchObject({
      status: "awaiting_validation",
      product: "comodo",
      validation: [],
      altNames: ["example.com"],
    });
    const onlyDay = dnsimpleOrderView(
      { ...certificate, state: "issued", expires_on: "2026-05-30" },
      1010,
      "example.com",
    );
    expect(onlyDay).toMatchObject({ id: "1010/example.com/7", status: "issued", validUntil: "2026-05-30T00:00:00Z" });
  });
});
