import type { Certificate, Plan } from "../../src/index.js";

export const CERTIFICATE_ID = "5c0f3a2e-8d41-4b7a-9e26-0d1f2c3b4a59";
export const PLAN_ID = "7d2e9b14-3c5a-4f86-a1b0-2e4d6f8a0c13";
export const OTHER_PLAN_ID = "9a1c3e5f-7b2d-4d6f-8e0a-1b3c5d7e9f24";
export const CLIENT_REFERENCE = "shop-order-1001";

/** A DV order just placed. `common_name` is not in the spec: an undeclared field the client must keep. */
export const pendingCertificate: Certificate = {
  id: CERTIFICATE_ID,
  status: "pending",
  plan: PLAN_ID,
  client_reference: CLIENT_REFERENCE,
  common_name: "shop.example.test",
};

export const activeCertificate: Certificate = { ...pendingCertificate, status: "active" };

export const plans: Plan[] = [
  {
    id: PLAN_ID,
    name: "Test DV SSL",
    description: "Domain validated, one hostname",
    brand: "Example CA",
    renew_days_before_expiration: 30,
    interval: 12,
  },
  {
    id: OTHER_PLAN_ID,
    name: "Test OV SSL",
    description: null,
    brand: null,
    renew_days_before_expiration: null,
    interval: 24,
  },
];

/** The `{success, result}` envelope other parts of the platform answer with. */
export function envelope<Result>(result: Result, extra: Record<string, unknown> = {}) {
  return { success: true, result, ...extra };
}

export const CSR_PEM = [
  "-----BEGIN CERTIFICATE REQUEST-----",
  "MIICvDCCAaQCAQAwHDEaMBgGA1UEAwwRc2hvcC5leGFtcGxlLnRlc3QwggEiMA0G",
  "Y2VydGtpdCB0ZXN0IGZpeHR1cmUsIG5vdCBhIHJlYWwgQ1NS",
  "-----END CERTIFICATE REQUEST-----",
  "",
].join("\n");

export const CERTIFICATE_PEM = [
  "-----BEGIN CERTIFICATE-----",
  "MIIFazCCBFOgAwIBAgIQBmV4YW1wbGUtY2VydGlmaWNhdGUwDQYJKoZIhvcNAQEL",
  "Y2VydGtpdCB0ZXN0IGZpeHR1cmUsIG5vdCBhIHJlYWwgY2VydGlmaWNhdGU=",
  "-----END CERTIFICATE-----",
  "",
].join("\n");

/** An intermediate and a root, as one text: a chain is several PEM blocks joined. */
export const CA_CHAIN_PEM = [
  "-----BEGIN CERTIFICATE-----",
  "MIIEqzCCApOgAwIBAgIRAJ5leGFtcGxlLWludGVybWVkaWF0ZTANBgkqhkiG9w0B",
  "-----END CERTIFICATE-----",
  "-----BEGIN CERTIFICATE-----",
  "MIIFYDCCA0igAwIBAgIQCmV4YW1wbGUtcm9vdDANBgkqhkiG9w0BAQsFADBKMQsw",
  "-----END CERTIFICATE-----",
  "",
].join("\r\n");

/**
 * Bytes that text decoding would corrupt: a ZIP local-file signature, then every byte value (NUL, lone UTF-8
 * continuation bytes, 0xFF), so a body read as text instead of bytes cannot come out equal.
 */
export const ZIP_BYTES = new Uint8Array([
  0x50,
  0x4b,
  0x03,
  0x04,
  0x14,
  0x00,
  0x00,
  0x00,
  0x08,
  0x00,
  ...Array.from({ length: 256 }, (_, i) => 255 - i),
  0x50,
  0x4b,
  0x05,
  0x06,
  0x00,
  0x00,
  0x00,
  0x00,
]);

/** A DER PKCS#7 (certs-only) bundle's start: SEQUENCE, OID 1.2.840.113549.1.7.2 (signedData), then raw bytes. */
export const PKCS7_BYTES = new Uint8Array([
  0x30, 0x82, 0x01, 0x2a, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02, 0xa0, 0x82, 0x00, 0xc3,
  0x28, 0xff, 0xfe, 0x80, 0xbf, 0xed, 0xa0, 0x80, 0x0d, 0x0a, 0x00, 0x1a,
]);
