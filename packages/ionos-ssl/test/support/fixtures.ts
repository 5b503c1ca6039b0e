import type { Certificate, CertificateQuota } from "../../src/index.js";

export const CERTIFICATE_ID = "f21ca4ad-a840-4c3e-9e06-93a3c96d822a";
export const AUTHENTICATION_ID = "8a3f0c1e-5b2d-4e6f-9a7b-1c2d3e4f5a6b";

/** A certificate waiting for the customer's DNS record, as IONOS describes one. */
export const pendingCertificate: Certificate = {
  id: CERTIFICATE_ID,
  certificateType: "SSL_STARTER",
  authenticationMethod: "DNS",
  authenticationSummary: {
    id: AUTHENTICATION_ID,
    method: "DNS",
    name: "_dnsauth.shop.example.test",
    content: "2b5c1a0e9f8d7c6b5a4f3e2d1c0b9a8f",
    status: "WAITING_FOR_CUSTOMER",
  },
  status: "PENDING",
  commonName: "shop.example.test",
  alternativeNames: ["www.shop.example.test"],
  links: [{ rel: "self", href: `/v1/certificates/${CERTIFICATE_ID}` }],
};

export const quota: CertificateQuota = {
  total: 3,
  used: 1,
  quotaDetails: [{ total: 3, used: 1, type: "SSL_STARTER" }],
  flatrate: { used: 0, present: false },
};
