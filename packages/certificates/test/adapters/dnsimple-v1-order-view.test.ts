import type { Certificate } from "@certkit/dnsimple-v1";
import { generateCsr, parseCsr, SandboxCa } from "@certkit/sandbox";
import { describe, expect, it } from "vitest";
import {
  decodeDnsimpleV1OrderId,
  dnsimpleV1OrderView,
  encodeDnsimpleV1OrderId,
} from "../../src/providers/dnsimple-v1/index.js";
import { certificateNameIn } from "../../src/providers/dnsimple-v1/dnsimple-v1-host-names.js";

/** A certificate in the shape of the earliest v1 documentation: no `state`, the deprecated names only. */
const LEGACY: Certificate = {
  id: 7,
  domain_id: 3,
  contact_id: 11,
  name: "www",
  certificate_status: "configured",
  csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
  ssl_certificate: null,
  private_key: null,
  approver_email: null,
  available_approver_emails: "admin@example.net, hostmaster@example.net,admin@example.net,,webmaster@www.example.net",
  created_at: "2012-04-02T10:00:00Z",
  updated_at: "2012-04-02T10:05:00Z",
  configured_at: "2012-04-02T10:05:00Z",
  expires_on: "2013-04-02",
};

describe("dnsimpleV1OrderView", () => {
  it("reads the deprecated certificate_status and available_approver_emails", () => {
    expect(dnsimpleV1OrderView(LEGACY, "example.net")).toEqual({
      provider: "dnsimple-v1",
      id: "example.net/7",
      commonName: "www.example.net",
      altNames: [],
      status: "awaiting_validation",
      providerStatus: "configured",
      message: expect.stringMatching(/^Configured, not submitted/),
      validation: [
        {
          domain: "www.example.net",
          method: "email",
          status: "waiting",
          email: { approvers: ["admin@example.net", "hostmaster@example.net", "webmaster@www.example.net"] },
        },
      ],
      validUntil: "2013-04-02T00:00:00.000Z",
      createdAt: "2012-04-02T10:00:00.000Z",
      updatedAt: "2012-04-02T10:05:00.000Z",
      raw: { ...LEGACY, private_key: undefined },
    });
  });

  it("prefers state and approver_emails over the deprecated fields", () => {
    const order = dnsimpleV1OrderView(
      { ...LEGACY, state: "submitted", approver_emails: ["admin@example.net"], approver_email: "admin@example.net" },
      "example.net",
    );
    expect(order).toMatchObject({
      status: "awaiting_validation",
      providerStatus: "submitted",
      validation: [{ email: { approvers: ["admin@example.net"] } }],
    });
  });

  it("shows an unknown state as unknown, and a certificate with no state at all", () => {
    expect(dnsimpleV1OrderView({ ...LEGACY, state: "on_hold" }, "example.net")).toMatchObject({
      status: "unknown",
      providerStatus: "on_hold",
      validation: [{ status: "unknown" }],
    });
    expect(dnsimpleV1OrderView({ ...LEGACY, certificate_status: null }, "example.net")).toMatchObject({
      status: "unknown",
      providerStatus: "",
    });
  });

  it("does not parse the issued certificate (reading orders loads no X.509 code): validity from expires_on, one name", async () => {
    const ca = await SandboxCa.create(new Date("2026-01-01T00:00:00Z"));
    const { csr } = await generateCsr({ commonName: "www.example.net" });
    const parsed = await parseCsr(csr);
    if ("problem" in parsed) throw new Error(parsed.problem);
    const issued = await ca.issue({
      commonName: "www.example.net",
      altNames: ["example.net"],
      publicKey: parsed.publicKey,
      validFrom: new Date("2026-02-01T08:00:00Z"),
      validDays: 365,
    });
    for (const sslCertificate of [
      `${issued.intermediate}\n${issued.certificate}`,
      "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n",
    ]) {
      const order = dnsimpleV1OrderView(
        { ...LEGACY, state: "issued", ssl_certificate: sslCertificate, expires_on: "2027-01-31" },
        "example.net",
      );
      expect(order).toMatchObject({
        status: "issued",
        altNames: [],
        validUntil: "2027-01-31T00:00:00.000Z",
        validation: [{ status: "valid" }],
      });
      expect(order.validFrom).toBeUndefined();
    }
  });
});

describe("order ids", () => {
  it("carry the domain and the certificate id, both ways", () => {
    expect(encodeDnsimpleV1OrderId({ domain: "example.com", certificateId: 42 })).toBe("example.com/42");
    expect(decodeDnsimpleV1OrderId("Example.COM/42")).toEqual({ domain: "example.com", certificateId: 42 });
  });

  it.each([
    "",
    "42",
    "example.com",
    "example.com/",
    "example.com/0",
    "example.com/-1",
    "example.com/1.5",
    "/42",
    "7/42",
    "a b.com/1",
    "example.com/99999999999999999999",
    42,
    null,
  ])("refuses %j with INVALID_INPUT", (id) => {
    expect(() => decodeDnsimpleV1OrderId(id)).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", provider: "dnsimple-v1" }),
    );
  });
});

describe("certificateNameIn", () => {
  const domains = ["example.com", "shop.example.com", "example.org"];
  it.each([
    ["example.com", { domain: "example.com", name: "" }],
    ["www.example.com", { domain: "example.com", name: "www" }],
    ["a.b.example.com", { domain: "example.com", name: "a.b" }],
    ["*.example.com", { domain: "example.com", name: "*" }],
    ["eu.shop.example.com", { domain: "shop.example.com", name: "eu" }],
    ["*.shop.example.com", { domain: "shop.example.com", name: "*" }],
    ["*.www.example.org", { domain: "example.org", name: "*.www" }],
    ["example.net", undefined],
    ["notexample.com", undefined],
  ])("places %s", (commonName, expected) => {
    expect(certificateNameIn(commonName, domains)).toEqual(expected);
  });
});
