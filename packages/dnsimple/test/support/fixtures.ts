import type {
  Certificate,
  CertificateBundle,
  CertificatePurchase,
  CertificateRenewal,
  Domain,
  Pagination,
  Webhook,
  Whoami,
} from "../../src/index.js";

// Made-up ids and names in the shapes of DNSimple's recorded answers.
export const ACCOUNT_ID = 1010;
export const DOMAIN = "example.com";
export const DOMAIN_ID = 5001;
export const CERTIFICATE_ID = 300001;
export const RENEWED_CERTIFICATE_ID = 300003;
export const RENEWAL_ID = 400001;
export const WEBHOOK_ID = 8001;

export const CSR_PEM = [
  "-----BEGIN CERTIFICATE REQUEST-----",
  "MIIBFAKEEXAMPLECSRFORWWWEXAMPLECOMNOTAREALREQUEST000000000000000",
  "-----END CERTIFICATE REQUEST-----",
  "",
].join("\n");

/** A certificate Let's Encrypt is still working on: `csr` and the expiry fields are `null`. */
export const requestingCertificate: Certificate = {
  id: CERTIFICATE_ID,
  domain_id: DOMAIN_ID,
  contact_id: 6001,
  name: "www",
  common_name: "www.example.com",
  years: 1,
  csr: null,
  state: "requesting",
  auto_renew: false,
  alternate_names: [],
  authority_identifier: "letsencrypt",
  created_at: "2026-03-01T09:00:00Z",
  updated_at: "2026-03-01T09:00:05Z",
  expires_at: null,
  expires_on: null,
};

export const issuedCertificate: Certificate = {
  ...requestingCertificate,
  csr: CSR_PEM,
  state: "issued",
  auto_renew: true,
  alternate_names: ["example.com"],
  updated_at: "2026-03-01T09:12:00Z",
  expires_at: "2026-05-30T08:12:00Z",
  expires_on: "2026-05-30",
};

export const purchase: CertificatePurchase = {
  id: CERTIFICATE_ID,
  certificate_id: CERTIFICATE_ID,
  state: "new",
  auto_renew: false,
  created_at: "2026-03-01T09:00:00Z",
  updated_at: "2026-03-01T09:00:00Z",
};

export const renewal: CertificateRenewal = {
  id: RENEWAL_ID,
  old_certificate_id: CERTIFICATE_ID,
  new_certificate_id: RENEWED_CERTIFICATE_ID,
  state: "new",
  auto_renew: true,
  created_at: "2026-05-01T09:00:00Z",
  updated_at: "2026-05-01T09:00:00Z",
};

export const renewedCertificate: Certificate = {
  ...requestingCertificate,
  id: RENEWED_CERTIFICATE_ID,
  auto_renew: true,
  created_at: "2026-05-01T09:00:00Z",
  updated_at: "2026-05-01T09:05:00Z",
};

/** PEM text with the line breaks DNSimple sends inside JSON strings. */
export const SERVER_PEM = [
  "-----BEGIN CERTIFICATE-----",
  "MIIFAKEEXAMPLESERVERCERTIFICATEFORWWWEXAMPLECOMNOTREAL0000000000",
  "AgMBAAGjggIjMIICHzAOBgNVHQ8BAf8EBAMCBaAwHQYDVR0lBBYwFAYIKwYBBQUH+/=",
  "-----END CERTIFICATE-----",
  "",
].join("\n");
export const INTERMEDIATE_PEM = [
  "-----BEGIN CERTIFICATE-----",
  "MIIFAKEEXAMPLEINTERMEDIATECERTIFICATENOTREAL00000000000000000000",
  "-----END CERTIFICATE-----",
].join("\n");

export const bundle: CertificateBundle = { server: SERVER_PEM, root: null, chain: [INTERMEDIATE_PEM] };

export const PRIVATE_KEY_PEM = [
  "-----BEGIN RSA PRIVATE KEY-----",
  "MIIEFAKEEXAMPLEPRIVATEKEYNOTREALDONOTUSE0000000000000000000000000",
  "-----END RSA PRIVATE KEY-----",
  "",
].join("\n");

export const accountWhoami: Whoami = {
  account: {
    id: ACCOUNT_ID,
    email: "admin@example.com",
    created_at: "2020-01-02T10:00:00Z",
    updated_at: "2020-06-01T12:30:00Z",
  },
  user: null,
};

export const domain: Domain = {
  id: DOMAIN_ID,
  account_id: ACCOUNT_ID,
  name: DOMAIN,
  unicode_name: DOMAIN,
  state: "hosted",
  auto_renew: false,
  private_whois: false,
  expires_at: null,
  created_at: "2020-01-02T10:05:00Z",
  updated_at: "2020-01-02T10:05:00Z",
};

export const webhook: Webhook = { id: WEBHOOK_ID, url: "https://hooks.example.com/dnsimple" };

/** The pagination object of page `page` of a list of `total` entries. */
export function pagination(page: number, perPage: number, total: number): Pagination {
  return {
    current_page: page,
    per_page: perPage,
    total_entries: total,
    total_pages: Math.max(1, Math.ceil(total / perPage)),
  };
}

/** The headers DNSimple sends with every answer. */
export const rateLimitHeaders = {
  "X-RateLimit-Limit": "2400",
  "X-RateLimit-Remaining": "2396",
  "X-RateLimit-Reset": "1774000000",
  "X-Request-Id": "0f5e2b6a-7c1d-4e8f-9a0b-1c2d3e4f5a6b",
};
