import { describe, expect, it } from "vitest";
import {
  unwrapResello,
  type CertificateListResponse,
  type CertificateResponse,
  type ValidationDetailsResponse,
} from "../src/index.js";
import { activeCertificate, envelope, pendingCertificate, plans } from "./support/fixtures.js";

describe("unwrapResello", () => {
  it("gives the result of an envelope", () => {
    expect(unwrapResello(envelope(activeCertificate))).toBe(activeCertificate);
    expect(unwrapResello(envelope(plans, { total: 2, limit: 100, offset: 0 }))).toBe(plans);
  });

  it("gives a bare item or a bare list as it is", () => {
    expect(unwrapResello(activeCertificate)).toBe(activeCertificate);
    const list: CertificateListResponse = [pendingCertificate, activeCertificate];
    expect(unwrapResello(list)).toBe(list);
  });

  it("tells validation details in an envelope from bare ones, even when they are an array", () => {
    const steps = [{ step: "dns", done: false }];
    expect(unwrapResello(envelope(steps) as ValidationDetailsResponse)).toBe(steps);
    expect(unwrapResello(steps as ValidationDetailsResponse)).toBe(steps);
    expect(unwrapResello({ dcv: "pending" })).toEqual({ dcv: "pending" });
  });

  it("takes an object without `result` as the bare item, as the spec's rule says", () => {
    const bare: CertificateResponse = { success: true, id: "c-1" };
    expect(unwrapResello(bare)).toBe(bare);
  });

  it("gives a `result` of null as it is, rather than the envelope", () => {
    expect(unwrapResello({ success: true, result: null } as unknown as CertificateResponse)).toBeNull();
  });
});
