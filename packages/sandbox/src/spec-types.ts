// The few types of the providers' specs that this package's public declarations show, written out here so that
// installing the sandbox needs none of the provider packages (their generated types are a build-time dependency
// only: they type the simulators' routes). test/spec-types.test-d.ts checks that each equals the generated type it
// copies, so a spec change that these miss fails the build instead of drifting.

/** IONOS SSL: the certificate types (`EnrollRequest["certificateType"]`). */
export type IonosCertificateType = "SSL_STARTER" | "SSL_STARTER_WILDCARD" | "SSL_BUSINESS" | "SSL_BUSINESS_WILDCARD" | "SSL_PREMIUM";

/** IONOS SSL: a certificate's authentication, every field present (`Required<AuthenticationSummary>`). */
export interface IonosAuthentication {
  id: string;
  method: "DNS" | "FILE" | "EMAIL";
  name: string;
  content: string;
  status: "WAITING_FOR_CUSTOMER" | "PENDING" | "AUTHENTICATED" | "FAILED";
}

/** Resello: how a name is validated (`DcvType`). */
export type ReselloDcvType = "EMAIL" | "FILE" | "DNS";

/** Resello: a certificate plan as `GET /ssl-certificate-plan` lists it (`Plan`). */
export type ReselloSpecPlan = {
  id: string;
  name: string;
  description?: string | null;
  brand?: string | null;
  renew_days_before_expiration?: number | null;
  interval?: number | null;
} & Record<string, unknown>;

/** SSLmarket: what a product issues (`ProductType`). */
export type SslmarketProductType = "ssl_certificate" | "client_certificate";

/** SSLmarket: how domain control is proven (`DcvMethod`). */
export type SslmarketDcvMethod = "Email" | "FILE" | "DNS";

/** SSLmarket: a product as `GET /product/list` shows it (`Product`). */
export interface SslmarketProduct {
  product_type: SslmarketProductType;
  product_code: string;
  title: string;
  type: string;
  validate_type: "dv" | "ov" | "ev" | "qv";
  csr_required: "true" | "false";
  max_years: string;
  min_san_values: number | string;
  max_san_values: number | string;
}
