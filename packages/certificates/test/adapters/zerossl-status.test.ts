import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  mapZerosslStatus,
  mapZerosslValidationStatus,
  ZEROSSL_STATUS_TABLE,
} from "../../src/providers/zerossl/index.js";
import { CERTIFICATE_STATUSES } from "../../src/index.js";

describe("mapZerosslStatus", () => {
  it("maps ZeroSSL's documented statuses", () => {
    expect(
      Object.fromEntries(
        ["draft", "pending_validation", "issued", "cancelled", "revoked", "expired", "expiring_soon"].map((status) => [
          status,
          mapZerosslStatus(status).status,
        ]),
      ),
    ).toEqual({
      draft: "awaiting_validation",
      pending_validation: "processing",
      issued: "issued",
      cancelled: "cancelled",
      revoked: "revoked",
      expired: "expired",
      expiring_soon: "issued",
    });
  });

  it("maps any value to a valid status without throwing, keeping a string unchanged", () => {
    fc.assert(
      fc.property(fc.anything(), (status) => {
        const mapped = mapZerosslStatus(status);
        expect(CERTIFICATE_STATUSES).toContain(mapped.status);
        if (typeof status === "string") expect(mapped.providerStatus).toBe(status);
      }),
    );
  });

  it("maps anything else to unknown, with the value kept and a message", () => {
    for (const status of ["deleted", "DRAFT", "toString", "__proto__", ""]) {
      expect(mapZerosslStatus(status)).toMatchObject({ status: "unknown", providerStatus: status });
      expect(mapZerosslStatus(status).message).toContain("does not know");
    }
    expect(Object.isFrozen(ZEROSSL_STATUS_TABLE)).toBe(true);
  });

  it("gives each status's validation state, unknown for the rest", () => {
    expect(["draft", "pending_validation", "issued", "cancelled", 7].map(mapZerosslValidationStatus)).toEqual([
      "waiting",
      "pending",
      "valid",
      "unknown",
      "unknown",
    ]);
  });
});
