import type { Certificate, CertificateEnvelope, DomainList } from "../../src/index.js";

export const DOMAIN = "example.test";
export const DOMAIN_ID = 2001;
export const CERTIFICATE_ID = 104;

/** PEM text with every character a careless encoder breaks: `+`, `/`, `=`, line breaks and a trailing newline. */
export const CSR_PEM = [
  "-----BEGIN NEW CERTIFICATE REQUEST-----",
  "RkFLRS1DU1I+Zm9y/dGVzdHM+b25seQ==",
  "-----END NEW CERTIFICATE REQUEST-----",
  "",
].join("\n");
export const CERTIFICATE_PEM = [
  "-----BEGIN CERTIFICATE-----",
  "RkFLRS1DRVJU+Zm9y/dGVzdHM+b25seS8=",
  "RkFLRS1DRVJUK2xpbmUtdHdv",
  "-----END CERTIFICATE-----",
  "",
].join("\n");
export const PRIVATE_KEY_PEM = [
  "-----BEGIN RSA PRIVATE KEY-----",
  "RkFLRS1LRVk+Zm9y/dGVzdHM+b25seQ==",
  "-----END RSA PRIVATE KEY-----",
  "",
].join("\n");

/** A certificate just bought: DNSimple made the key and CSR, nothing is configured yet. */
export const purchased: Certificate = {
  id: CERTIFICATE_ID,
  domain_id: DOMAIN_ID,
  contact_id: 1001,
  name: "www",
  state: "purchased",
  csr: CSR_PEM,
  ssl_certificate: null,
  private_key: PRIVATE_KEY_PEM,
  approver_email: null,
  created_at: "2015-04-01T10:00:00Z",
  updated_at: "2015-04-01T10:00:00Z",
  configured_at: null,
  expires_on: "2016-04-01",
};

/** The same certificate after configure: the CA's approver addresses are listed. */
export const configured: Certificate = {
  ...purchased,
  state: "configured",
  approver_emails: ["admin@example.test", "hostmaster@example.test", "admin@www.example.test"],
  updated_at: "2015-04-01T10:02:00Z",
  configured_at: "2015-04-01T10:02:00Z",
};

/** After submit: one approver chosen. */
export const submitted: Certificate = {
  ...purchased,
  state: "submitted",
  approver_email: "admin@example.test",
  updated_at: "2015-04-01T10:05:00Z",
  configured_at: "2015-04-01T10:02:00Z",
};

/** Signed by the CA. */
export const issued: Certificate = { ...submitted, state: "issued", ssl_certificate: CERTIFICATE_PEM };

/**
 * The earliest documented shape: `certificate_status` instead of `state`, approvers as one comma-separated string,
 * and the `expiration_date` / `order_date` fields no later answer has.
 */
export const legacy: Certificate = {
  id: 7,
  domain_id: DOMAIN_ID,
  contact_id: 1001,
  name: "www",
  certificate_status: null,
  csr: CSR_PEM,
  ssl_certificate: null,
  private_key: PRIVATE_KEY_PEM,
  approver_email: null,
  available_approver_emails: "admin@example.test,hostmaster@example.test,webmaster@example.test",
  expiration_date: null,
  order_date: null,
  created_at: "2011-05-14T15:14:43Z",
  updated_at: "2011-05-14T15:14:43Z",
  configured_at: "2011-05-14T15:14:43Z",
};

/** How v1 wraps one certificate. */
export const wrap = (certificate: Certificate): CertificateEnvelope => ({ certificate });

/** The account's domains, each wrapped as `{domain: {...}}`. */
export const domains: DomainList = [
  {
    domain: {
      id: DOMAIN_ID,
      user_id: 501,
      registrant_id: 3001,
      name: DOMAIN,
      unicode_name: DOMAIN,
      token: "domain-token-not-a-credential-here",
      state: "registered",
      language: null,
      lockable: true,
      auto_renew: true,
      whois_protected: false,
      record_count: 6,
      service_count: 0,
      expires_on: "2016-03-01",
      created_at: "2014-03-01T09:00:00Z",
      updated_at: "2015-03-01T09:00:00Z",
    },
  },
  { domain: { id: 2002, name: "hosted.example.test", state: "hosted", registrant_id: null, expires_on: null } },
];
