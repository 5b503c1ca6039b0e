import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { providerTime } from "../../src/status/provider-time.js";
import {
  sslmarketOrderView,
  sslmarketValidations,
  type SslmarketRawOrder,
} from "../../src/providers/sslmarket/index.js";

const DETAIL = {
  product_type: "ssl_certificate",
  product_code: "geotrust-geotrust-standard-dv-ssl",
  domain: "*.example.com",
  dns_names: ["*.example.com", "www.example.org", 42, "www.example.org"],
  inserted: "2026-03-01 12:00:00",
  published: null,
  expired: null,
  dv_auth_method: "DNS",
  dv_auth_content: "abc123",
  state: "pending_validation",
} as unknown as SslmarketRawOrder;

describe("providerTime, as SSLmarket's dates need it", () => {
  it("reads SSLmarket's date-times as UTC, dates as the start of the day, and zoned values as they say", () => {
    expect(providerTime("2026-03-01 12:05:09")).toBe("2026-03-01T12:05:09.000Z");
    expect(providerTime("2026-03-01T12:05")).toBe("2026-03-01T12:05:00.000Z");
    expect(providerTime("2027-03-01")).toBe("2027-03-01T00:00:00.000Z");
    expect(providerTime("2026-03-01T12:00:00+02:00")).toBe("2026-03-01T10:00:00.000Z");
    for (const value of ["2026-02-30", "2026-13-01 00:00:00", "yesterday", "", null, undefined, 1_772_366_400, {}]) {
      expect(providerTime(value)).toBeUndefined();
    }
  });

  it("never throws, and gives ISO 8601 or nothing", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const time = providerTime(value);
        if (time !== undefined) expect(new Date(time).toISOString()).toBe(time);
      }),
    );
  });
});

describe("sslmarketOrderView", () => {
  it("keeps the names once, shows one DNS record per validated name, and omits what SSLmarket has not set", () => {
    const order = sslmarketOrderView(100234, DETAIL);
    expect(order).toMatchObject({
      provider: "sslmarket",
      id: "100234",
      commonName: "*.example.com",
      altNames: ["www.example.org"],
      status: "awaiting_validation",
      providerStatus: "pending_validation",
      createdAt: "2026-03-01T12:00:00.000Z",
      raw: DETAIL,
    });
    expect(order).not.toHaveProperty("validFrom");
    expect(order.validation).toEqual([
      {
        domain: "*.example.com",
        method: "dns",
        status: "waiting",
        dns: { name: "example.com", type: "TXT", value: "abc123" },
      },
      {
        domain: "www.example.org",
        method: "dns",
        status: "waiting",
        dns: { name: "www.example.org", type: "TXT", value: "abc123" },
      },
    ]);
  });

  it("reads the DCV method in any letter case, leaves out a value not yet set, and shows no validation for an unknown method", () => {
    expect(
      sslmarketValidations({
        ...DETAIL,
        dv_auth_method: "file",
        dv_auth_content: null,
        domain: "shop.example.com",
        dns_names: [],
      }),
    ).toEqual([{ domain: "shop.example.com", method: "file", status: "waiting" }]);
    expect(
      sslmarketValidations({ ...DETAIL, dv_auth_method: "EMAIL", domain: "www.example.com", dns_names: [] }),
    ).toEqual([
      {
        domain: "www.example.com",
        method: "email",
        status: "waiting",
        email: {
          approvers: ["admin", "administrator", "hostmaster", "postmaster", "webmaster"].map(
            (mailbox) => `${mailbox}@example.com`,
          ),
        },
      },
    ]);
    expect(sslmarketValidations({ ...DETAIL, dv_auth_method: "CNAME" })).toEqual([]);
    expect(
      sslmarketValidations({ order_id: 1, product_code: "x", domain: "a.example.com", state: "published" }),
    ).toEqual([]);
  });

  it("counts a name as validated once a certificate has been issued, whatever the state says", () => {
    const issued = {
      ...DETAIL,
      state: "reissuing",
      published: "2026-03-01 12:01:00",
      expired: "2027-03-01",
    } as SslmarketRawOrder;
    expect(sslmarketOrderView(1, issued)).toMatchObject({
      status: "unknown",
      validFrom: "2026-03-01T12:01:00.000Z",
      validUntil: "2027-03-01T00:00:00.000Z",
      validation: [{ status: "valid" }, { status: "valid" }],
    });
  });
});
