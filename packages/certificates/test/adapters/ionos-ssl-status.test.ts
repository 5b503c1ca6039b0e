import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  IONOS_SSL_STATUS_NOTES,
  IONOS_SSL_STATUS_TABLE,
  IONOS_SSL_VALIDATION_STATUS_TABLE,
  mapIonosSslStatus,
  mapIonosSslValidationStatus,
} from "../../src/providers/ionos-ssl/index.js";
import { CERTIFICATE_STATUSES } from "../../src/index.js";

/** The documented enums of IONOS's spec (Certificate.status, AuthenticationSummary.status). */
const CERTIFICATE_STATUS_VALUES = ["ACTIVE", "PENDING", "REPLACING", "RENEWING", "FAILED", "PENDING_CA_MANUAL_VETTING"];
const AUTHENTICATION_STATUS_VALUES = ["WAITING_FOR_CUSTOMER", "PENDING", "AUTHENTICATED", "FAILED"];
const VALIDATION_STATUSES = ["waiting", "pending", "valid", "failed", "unknown"];

const documented = (value: string) => Object.hasOwn(IONOS_SSL_STATUS_TABLE, value);

describe("mapIonosSslStatus", () => {
  it("maps any value, with any authentication status, to a valid status without throwing", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (status, authentication) => {
        const mapped = mapIonosSslStatus(status, authentication);
        expect(CERTIFICATE_STATUSES).toContain(mapped.status);
        expect(mapped.status).not.toBe("expired");
        expect(typeof mapped.providerStatus).toBe("string");
      }),
    );
  });

  it("keeps a string status unchanged in providerStatus", () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), (status, authentication) => {
        expect(mapIonosSslStatus(status, authentication).providerStatus).toBe(status);
      }),
    );
  });

  it("maps undocumented strings to unknown with a message", () => {
    fc.assert(
      fc.property(
        fc.string().filter((value) => !documented(value)),
        fc.anything(),
        (status, authentication) => {
          const mapped = mapIonosSslStatus(status, authentication);
          expect(mapped).toMatchObject({ status: "unknown", providerStatus: status });
          expect(mapped.message).toContain(JSON.stringify(status));
        },
      ),
    );
  });

  it("maps non-strings to unknown, with a text providerStatus", () => {
    expect(mapIonosSslStatus(undefined)).toMatchObject({ status: "unknown", providerStatus: "" });
    expect(mapIonosSslStatus(null)).toMatchObject({ status: "unknown", providerStatus: "" });
    expect(mapIonosSslStatus(42)).toMatchObject({ status: "unknown", providerStatus: "42" });
    expect(mapIonosSslStatus({ status: "ACTIVE" })).toMatchObject({
      status: "unknown",
      providerStatus: '{"status":"ACTIVE"}',
    });
    expect(mapIonosSslStatus(Object.create(null))).toMatchObject({ status: "unknown" });
    expect(mapIonosSslStatus(Symbol("ACTIVE"))).toMatchObject({ status: "unknown", providerStatus: "Symbol(ACTIVE)" });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(mapIonosSslStatus(circular)).toMatchObject({ status: "unknown", providerStatus: "[object Object]" });
    expect(mapIonosSslStatus("toString").status).toBe("unknown");
    expect(mapIonosSslStatus("__proto__").status).toBe("unknown");
  });

  it("maps every documented status, with every documented authentication status, to its table entry", () => {
    for (const status of CERTIFICATE_STATUS_VALUES) {
      expect(documented(status)).toBe(true);
      expect(mapIonosSslStatus(status).status).toBe(IONOS_SSL_STATUS_TABLE[status]);
      for (const authentication of [...AUTHENTICATION_STATUS_VALUES, undefined, "SOMETHING_NEW", 7]) {
        const combined = `${status}/${String(authentication)}`;
        const expected = Object.hasOwn(IONOS_SSL_STATUS_TABLE, combined)
          ? IONOS_SSL_STATUS_TABLE[combined]
          : IONOS_SSL_STATUS_TABLE[status];
        expect(mapIonosSslStatus(status, authentication)).toMatchObject({ status: expected, providerStatus: status });
      }
    }
  });

  it("has exactly the documented rows, each with a note and a valid status", () => {
    expect(Object.keys(IONOS_SSL_STATUS_TABLE).sort()).toEqual(
      [
        ...CERTIFICATE_STATUS_VALUES,
        ...AUTHENTICATION_STATUS_VALUES.map((authentication) => `PENDING/${authentication}`),
      ].sort(),
    );
    expect(Object.keys(IONOS_SSL_STATUS_NOTES).sort()).toEqual(Object.keys(IONOS_SSL_STATUS_TABLE).sort());
    for (const status of Object.values(IONOS_SSL_STATUS_TABLE)) expect(CERTIFICATE_STATUSES).toContain(status);
    expect(Object.isFrozen(IONOS_SSL_STATUS_TABLE)).toBe(true);
  });

  it.each([
    ["ACTIVE", "AUTHENTICATED", "issued", undefined],
    ["PENDING", undefined, "pending", undefined],
    ["PENDING", "WAITING_FOR_CUSTOMER", "awaiting_validation", undefined],
    ["PENDING", "PENDING", "processing", undefined],
    ["PENDING", "AUTHENTICATED", "processing", undefined],
    ["PENDING", "FAILED", "awaiting_validation", "DCV_FAILED"],
    ["PENDING", "SOMETHING_NEW", "pending", undefined],
    ["PENDING_CA_MANUAL_VETTING", "AUTHENTICATED", "processing", undefined],
    ["REPLACING", "WAITING_FOR_CUSTOMER", "reissuing", undefined],
    ["RENEWING", "WAITING_FOR_CUSTOMER", "renewing", undefined],
    ["FAILED", "FAILED", "failed", "DCV_FAILED"],
    ["FAILED", "AUTHENTICATED", "failed", undefined],
  ] as const)("maps %s with authentication %s to %s (reason %s)", (status, authentication, expected, reason) => {
    const mapped = mapIonosSslStatus(status, authentication);
    expect(mapped.status).toBe(expected);
    expect(mapped.reason).toBe(reason);
  });

  it("explains every status but ACTIVE in a message", () => {
    expect(mapIonosSslStatus("ACTIVE").message).toBeUndefined();
    expect(mapIonosSslStatus("PENDING", "FAILED").message).toBe(
      "The domain validation failed: correct the record or file shown in validation and confirm it again.",
    );
    expect(mapIonosSslStatus("PENDING_CA_MANUAL_VETTING").message).toBe("The CA is checking the order by hand.");
  });
});

describe("mapIonosSslValidationStatus", () => {
  it("maps any value to a validation status without throwing", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(VALIDATION_STATUSES).toContain(mapIonosSslValidationStatus(value));
      }),
    );
  });

  it("maps every documented authentication status to its table entry, and the rest to unknown", () => {
    expect(Object.keys(IONOS_SSL_VALIDATION_STATUS_TABLE).sort()).toEqual([...AUTHENTICATION_STATUS_VALUES].sort());
    expect(AUTHENTICATION_STATUS_VALUES.map(mapIonosSslValidationStatus)).toEqual([
      "waiting",
      "pending",
      "valid",
      "failed",
    ]);
    fc.assert(
      fc.property(
        fc.string().filter((value) => !Object.hasOwn(IONOS_SSL_VALIDATION_STATUS_TABLE, value)),
        (value) => {
          expect(mapIonosSslValidationStatus(value)).toBe("unknown");
        },
      ),
    );
  });
});
