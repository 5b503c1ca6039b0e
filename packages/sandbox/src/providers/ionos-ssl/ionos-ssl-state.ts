import type { IssuedCertificate } from "../../ca/sandbox-ca.js";
import { randomToken, randomUuid } from "../../random-ids.js";
import type { IonosAuthentication, IonosCertificateType } from "./ionos-ssl-spec-types.js";

/** How a domain is authenticated: a TXT record, a file on the website, or an approval email. */
export type IonosAuthenticationMethod = IonosAuthentication["method"];

/** Every certificate type IONOS sells, in the order the quota lists them. */
export const IONOS_CERTIFICATE_TYPES: readonly IonosCertificateType[] = [
  "SSL_STARTER",
  "SSL_STARTER_WILDCARD",
  "SSL_BUSINESS",
  "SSL_BUSINESS_WILDCARD",
  "SSL_PREMIUM",
];

/** Every authentication method IONOS offers. */
export const IONOS_AUTHENTICATION_METHODS: readonly IonosAuthenticationMethod[] = ["DNS", "FILE", "EMAIL"];

/** The state of one certificate slot in use, as the simulator keeps it (JSON). */
export interface IonosOrder {
  id: string;
  certificateType: IonosCertificateType;
  commonName: string;
  authentication: IonosAuthentication;
  /** SPKI PEM of the key the certificate is issued for: the CSR's, or none when IONOS makes (and installs) the key. */
  publicKey?: string;
  /** The code of the approval email, for EMAIL authentication. */
  approvalCode?: string;
  /** When the CA finishes (ISO 8601), once the domain is authenticated. */
  activeAt?: string;
  issued?: IssuedCertificate;
}

/** What the IONOS simulator keeps, as JSON: the certificates in the order they were created. */
export interface IonosState {
  orders: IonosOrder[];
}

/** What a new certificate is for: its type, name, authentication method and (with a CSR) the key to certify. */
export interface IonosEnrollment {
  certificateType: IonosCertificateType;
  commonName: string;
  authenticationMethod: IonosAuthenticationMethod;
  publicKey: string | undefined;
}

/**
 * A new certificate waiting for its domain's authentication: the TXT record name, the file's URL or the approver's
 * address the method uses, with a fresh value to publish.
 */
export function newIonosOrder({
  certificateType,
  commonName,
  authenticationMethod: method,
  publicKey,
}: IonosEnrollment): IonosOrder {
  const domain = commonName.replace(/^\*\./, "").toLowerCase();
  const name =
    method === "FILE"
      ? `http://${domain}/.well-known/pki-validation/fileauth.txt`
      : method === "DNS"
        ? `_dnsauth.${domain}`
        : `admin@${domain}`;
  return {
    id: randomUuid(),
    certificateType,
    commonName,
    ...(publicKey === undefined ? {} : { publicKey }),
    authentication: { id: randomUuid(), method, name, content: randomToken(), status: "WAITING_FOR_CUSTOMER" },
  };
}
