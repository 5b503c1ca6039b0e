// The few types of @certkit/ionos-ssl's spec that this package's public declarations show, written out here so that installing
// the sandbox needs no provider package (their generated types are a build-time dependency only: they type the
// routes). test/spec-types.test-d.ts checks that each equals the generated type it copies, so a spec change that these
// miss fails the build instead of drifting.

/** IONOS SSL: the certificate types (`EnrollRequest["certificateType"]`). */
export type IonosCertificateType =
  | "SSL_STARTER"
  | "SSL_STARTER_WILDCARD"
  | "SSL_BUSINESS"
  | "SSL_BUSINESS_WILDCARD"
  | "SSL_PREMIUM";

/** IONOS SSL: a certificate's authentication, every field present (`Required<AuthenticationSummary>`). */
export interface IonosAuthentication {
  id: string;
  method: "DNS" | "FILE" | "EMAIL";
  name: string;
  content: string;
  status: "WAITING_FOR_CUSTOMER" | "PENDING" | "AUTHENTICATED" | "FAILED";
}
