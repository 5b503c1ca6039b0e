import { useMswServer } from "@certkit/test-kit";
import { http, HttpResponse, type JsonBodyType } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { dnsimpleV1 } from "../../src/providers/dnsimple-v1/index.js";
import { resello } from "../../src/providers/resello/index.js";
import { createCertificateClient, type OrderRecovery } from "../../src/index.js";

// Resello and DNSimple v1 dates read with Date.parse: its lenient fallback reads "1" as 2001-01-01 (an issued
// certificate then shows `expired`, and a lost order "created" in 2001 is not found), rolls 2027-02-30 into March,
// and reads a time without a zone in the machine's own time zone. Only ISO 8601 dates and times are read; a time
// without a zone is UTC (as SSLmarket's are); anything else is left out.

const RESELLO = "https://api.resello.example.test/api/v1";
const V1 = "https://api.dnsimple-v1.example.test/v1";
const { server } = useMswServer();
const NOW = new Date("2026-06-01T00:00:00Z");

const reselloClient = () =>
  createCertificateClient(
    resello({ resellerReference: "reseller-1", apiKey: "resello-api-key-0123456789abcdef", baseUrl: RESELLO }),
    { now: () => NOW },
  );
const v1Client = () =>
  createCertificateClient(
    dnsimpleV1({ email: "owner@example.com", token: "dnsimple-v1-token-0123456789", contactId: 1, baseUrl: V1 }),
    { now: () => NOW },
  );

const answering = (url: string, body: JsonBodyType) => server.use(http.get(url, () => HttpResponse.json(body)));
const v1Certificate = (fields: Record<string, unknown>) => ({
  id: 7,
  domain_id: 1,
  contact_id: 1,
  name: "www",
  state: "issued",
  created_at: "2026-05-01T00:00:00Z",
  ...fields,
});

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

describe("resello and dnsimple-v1 adapters: dates that are not ISO 8601", () => {
  it.each(["1", "12", "2027-02-30", "2027-01-01T24:00:00Z"])(
    "an issued certificate whose end is %j is issued, with no validUntil",
    async (end) => {
      answering(`${RESELLO}/ssl-certificate/cert-1`, { id: "cert-1", status: "active", valid_until: end });
      answering(`${V1}/domains/example.com/certificates/7`, { certificate: v1Certificate({ expires_on: end }) });
      for (const order of [await reselloClient().get("cert-1"), await v1Client().get("example.com/7")]) {
        expect(order.status).toBe("issued");
        expect(order.validUntil).toBeUndefined();
      }
    },
  );

  it("reads a time without a zone as UTC, whatever the machine's time zone", async () => {
    process.env.TZ = "America/New_York";
    answering(`${RESELLO}/ssl-certificate/cert-1`, {
      id: "cert-1",
      status: "active",
      valid_until: "2027-01-01 10:00:00",
    });
    answering(`${V1}/domains/example.com/certificates/7`, {
      certificate: v1Certificate({ created_at: "2026-05-01 10:00:00" }),
    });
    expect((await reselloClient().get("cert-1")).validUntil).toBe("2027-01-01T10:00:00.000Z");
    expect((await v1Client().get("example.com/7")).createdAt).toBe("2026-05-01T10:00:00.000Z");
  });

  it("dnsimple-v1 findOrders() keeps a certificate whose created_at cannot be read", async () => {
    const recovery: OrderRecovery = {
      provider: "dnsimple-v1",
      commonName: "www.example.com",
      altNames: [],
      parent: "example.com",
      sentAt: "2026-05-31T00:00:00.000Z",
    };
    answering(`${V1}/domains/example.com/certificates`, [
      { certificate: v1Certificate({ state: "purchased", created_at: "1" }) },
    ]);
    expect(await v1Client().findOrders(recovery, { maxWaitMs: 0 })).toMatchObject([{ id: "example.com/7" }]);
  });
});
