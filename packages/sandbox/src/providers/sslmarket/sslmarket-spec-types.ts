// The few types of @certkit/sslmarket's spec that this package's public declarations show, written out here so that installing
// the sandbox needs no provider package (their generated types are a build-time dependency only: they type the
// routes). test/spec-types.test-d.ts checks that each equals the generated type it copies, so a spec change that these
// miss fails the build instead of drifting.

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
