import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapReselloStatus, RESELLO_STATUS_NOTES, RESELLO_STATUS_TABLE } from "../../src/providers/resello/index.js";
import { CERTIFICATE_STATUSES } from "../../src/index.js";

const DOCUMENTED = ["pending", "active", "disabled"];

describe("mapReselloStatus", () => {
  it("maps any value to a valid status without throwing, and never derives expired", () => {
    fc.assert(
      fc.property(fc.anything(), fc.option(fc.boolean(), { nil: undefined }), (raw, validated) => {
        const mapped = mapReselloStatus(raw, { validated });
        expect(CERTIFICATE_STATUSES).toContain(mapped.status);
        expect(mapped.status).not.toBe("expired");
        expect(typeof mapped.providerStatus).toBe("string");
        if (typeof raw === "string") expect(mapped.providerStatus).toBe(raw);
      }),
    );
  });

  it("maps every documented value to its table entry, and keeps the raw value", () => {
    expect(Object.keys(RESELLO_STATUS_TABLE).sort()).toEqual([...DOCUMENTED].sort());
    expect(Object.keys(RESELLO_STATUS_NOTES).sort()).toEqual([...DOCUMENTED].sort());
    for (const raw of DOCUMENTED) {
      expect(mapReselloStatus(raw)).toMatchObject({ status: RESELLO_STATUS_TABLE[raw], providerStatus: raw });
      expect(mapReselloStatus(raw, { validated: false })).toMatchObject({
        status: RESELLO_STATUS_TABLE[raw],
        providerStatus: raw,
      });
    }
    expect(RESELLO_STATUS_TABLE).toEqual({ pending: "awaiting_validation", active: "issued", disabled: "cancelled" });
  });

  it("makes pending processing once every name is validated, and only pending", () => {
    expect(mapReselloStatus("pending", { validated: true })).toEqual({
      status: "processing",
      providerStatus: "pending",
      message: "Every name is validated: Resello is provisioning the certificate",
    });
    expect(mapReselloStatus("active", { validated: true })).toEqual({ status: "issued", providerStatus: "active" });
    expect(mapReselloStatus("disabled", { validated: true })).toEqual({
      status: "cancelled",
      providerStatus: "disabled",
      message: "Deleted: Resello disabled the certificate",
    });
  });

  it("maps undocumented strings to unknown, keeping them in providerStatus", () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.boolean(), { nil: undefined }), (raw, validated) => {
        fc.pre(!Object.hasOwn(RESELLO_STATUS_TABLE, raw));
        const mapped = mapReselloStatus(raw, { validated });
        expect(mapped.status).toBe("unknown");
        expect(mapped.providerStatus).toBe(raw);
        expect(typeof mapped.message).toBe("string");
      }),
    );
    for (const raw of [
      "Active",
      "PENDING",
      " active",
      "constructor",
      "__proto__",
      "toString",
      "expired",
      "revoked",
      "",
    ]) {
      expect(mapReselloStatus(raw)).toMatchObject({ status: "unknown", providerStatus: raw });
    }
  });

  it("shows non-string values as text, and a missing status as empty", () => {
    expect(mapReselloStatus(undefined)).toEqual({
      status: "unknown",
      providerStatus: "",
      message: "Resello sent no certificate status",
    });
    expect(mapReselloStatus(null)).toMatchObject({ status: "unknown", providerStatus: "" });
    expect(mapReselloStatus(3)).toMatchObject({ status: "unknown", providerStatus: "3" });
    expect(mapReselloStatus({ status: "active" })).toMatchObject({
      status: "unknown",
      providerStatus: '{"status":"active"}',
    });
    expect(mapReselloStatus(10n)).toMatchObject({ status: "unknown", providerStatus: "10" });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(mapReselloStatus(cyclic)).toMatchObject({ status: "unknown", providerStatus: "[object Object]" });
    const hostile = Object.create(null) as object;
    Object.defineProperty(hostile, "toJSON", {
      value: () => {
        throw new Error("no");
      },
    });
    expect(mapReselloStatus(hostile)).toMatchObject({ status: "unknown", providerStatus: "[object Object]" });
    expect(mapReselloStatus(Symbol("s"))).toMatchObject({ status: "unknown", providerStatus: "Symbol(s)" });
    expect(mapReselloStatus(Number.NaN)).toMatchObject({ status: "unknown", providerStatus: "NaN" });
    expect(mapReselloStatus(["active"])).toMatchObject({ status: "unknown", providerStatus: '["active"]' });
  });
});
