import type { components } from "../../src/index.js";

export const CERTIFICATE_ID = "6d0f7a3ab6f04d0c9b7c1e2f3a4b5c6d";

/** A draft for shop.example.test as `createCertificate` answers it, with every validation method's targets. */
export const draftCertificate: components["schemas"]["Certificate"] = {
  id: CERTIFICATE_ID,
  type: "1",
  common_name: "shop.example.test",
  additional_domains: "",
  created: "2026-12-02 10:00:00",
  expires: "2027-03-02 10:00:00",
  status: "draft",
  validation_type: null,
  validation_emails: null,
  replacement_for: null,
  validation: {
    email_validation: { "shop.example.test": ["admin@example.test", "webmaster@example.test"] },
    other_methods: {
      "shop.example.test": {
        file_validation_url_http: "http://shop.example.test/.well-known/pki-validation/0A1B2C3D.txt",
        file_validation_url_https: "https://shop.example.test/.well-known/pki-validation/0A1B2C3D.txt",
        file_validation_content: ["ABCDEF0123456789", "comodoca.com", "c0ffee"],
        cname_validation_p1: "_0A1B2C3D.shop.example.test",
        cname_validation_p2: "ABCDEF01.23456789.c0ffee.comodoca.com",
      },
    },
  },
};

export const CSR = "-----BEGIN CERTIFICATE REQUEST-----\nMIIC\n-----END CERTIFICATE REQUEST-----";
export const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

/** ZeroSSL's error body. */
export const errorBody = (code: number, type: string) => ({ success: false, error: { code, type } });
