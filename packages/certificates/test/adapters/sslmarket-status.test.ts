import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  mapSslmarketStatus,
  SSLMARKET_DERIVED_STATUSES,
  SSLMARKET_STATUS_NOTES,
  SSLMARKET_STATUS_TABLE,
} from "../../src/providers/sslmarket/index.js";
import { CERTIFICATE_STATUSES } from "../../src/index.js";

/** The order states SSLmarket documents (the spec's `OrderStatus` enum). */
const DOCUMENTED = ["published"];
/** The states the sandbox shows besides `published`: named nowhere in SSLmarket's documentation. */
const SANDBOX_ONLY = ["pending_validation", "processing", "reissuing", "revoked", "expired"];

describe("mapSslmarketStatus", () => {
  it("maps any value to a valid status, never throwing, with or without context", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (state, context) => {
        for (const mapped of [mapSslmarketStatus(state), mapSslmarketStatus(state, context as never)]) {
          expect(CERTIFICATE_STATUSES).toContain(mapped.status);
          expect(typeof mapped.providerStatus).toBe("string");
          if (mapped.status === "unknown") expect(typeof mapped.message).toBe("string");
        }
      }),
      { numRuns: 500 },
    );
  });

  it("survives values that refuse to become text and contexts that throw", () => {
    const hostile = [
      Object.create(null),
      Symbol("state"),
      10n,
      {
        toString: () => {
          throw new Error("no");
        },
      },
      () => "published",
      [["published"]],
    ];
    const throwing = new Proxy(
      {},
      {
        get: () => {
          throw new Error("no");
        },
      },
    );
    for (const state of hostile) {
      expect(mapSslmarketStatus(state, throwing).status).toBe("unknown");
    }
    expect(mapSslmarketStatus(null)).toMatchObject({ status: "unknown", providerStatus: "" });
    expect(mapSslmarketStatus(undefined)).toMatchObject({ status: "unknown", providerStatus: "" });
    expect(mapSslmarketStatus(42)).toMatchObject({ status: "unknown", providerStatus: "42" });
  });

  it("maps every documented state to its table entry, which has a note", () => {
    expect(Object.keys(SSLMARKET_STATUS_TABLE).sort()).toEqual(DOCUMENTED);
    expect(Object.keys(SSLMARKET_STATUS_NOTES).sort()).toEqual(DOCUMENTED);
    for (const state of DOCUMENTED) {
      expect(mapSslmarketStatus(state)).toEqual({ status: SSLMARKET_STATUS_TABLE[state], providerStatus: state });
    }
    expect(mapSslmarketStatus("published", { published: "2026-03-01 12:00:00", expired: "2027-03-01" })).toEqual({
      status: "issued",
      providerStatus: "published",
    });
  });

  it("maps undocumented strings to unknown, keeping the value and explaining it", () => {
    fc.assert(
      fc.property(
        fc.string().filter((state) => !Object.hasOwn(SSLMARKET_STATUS_TABLE, state)),
        (state) => {
          const mapped = mapSslmarketStatus(state);
          expect(mapped.status).toBe("unknown");
          expect(mapped.providerStatus).toBe(state);
          expect(mapped.message).toContain('SSLmarket documents only "published"');
        },
      ),
      { numRuns: 500 },
    );
    for (const state of [
      "constructor",
      "__proto__",
      "toString",
      "Published",
      " published",
      "PUBLISHED",
      "issued",
      "",
    ]) {
      expect(mapSslmarketStatus(state)).toMatchObject({ status: "unknown", providerStatus: state });
    }
  });

  it("derives awaiting_validation from the documented fields: no published date, and a DCV method; the state's name does not matter", () => {
    for (const state of ["pending_validation", "processing", "anything", "", null]) {
      expect(mapSslmarketStatus(state, { published: null, expired: null, dvAuthMethod: "DNS" })).toMatchObject({
        status: "awaiting_validation",
        providerStatus: state ?? "",
      });
    }
    // Issued once (a published date), in a state the documentation does not name: a reissue, a revocation...
    expect(mapSslmarketStatus("reissuing", { published: "2026-03-01 12:00:00", dvAuthMethod: "DNS" }).status).toBe(
      "unknown",
    );
    // No DCV fields (a list item, a client certificate): nothing documented tells.
    expect(mapSslmarketStatus("pending_validation", { published: null }).status).toBe("unknown");
    expect(mapSslmarketStatus("pending_validation", { dvAuthMethod: "" }).status).toBe("unknown");
    expect(Object.keys(SSLMARKET_DERIVED_STATUSES)).toEqual(["awaiting_validation"]);
  });

  it("gives the sandbox's own states no meaning, only a message saying what the order's dates tell", () => {
    for (const state of SANDBOX_ONLY) {
      expect(mapSslmarketStatus(state, { published: null, expired: null })).toEqual({
        status: "unknown",
        providerStatus: state,
        message: `SSLmarket documents only "published" (issued); the state "${state}" is not documented, so its meaning is unknown: no certificate has been issued for it yet`,
      });
    }
    expect(mapSslmarketStatus("revoked", { published: "2025-12-01 12:00:00", expired: "2026-12-01" }).message).toBe(
      'SSLmarket documents only "published" (issued); the state "revoked" is not documented, so its meaning is unknown: a certificate was issued on 2025-12-01 12:00:00 and ends on 2026-12-01',
    );
    expect(mapSslmarketStatus("", {}).message).toContain("an empty state is not documented");
  });
});
