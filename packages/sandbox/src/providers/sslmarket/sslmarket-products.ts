import type { SslmarketProduct as Product } from "./sslmarket-spec-types.js";

/**
 * A product the simulated account can order: the spec's `Product` (what `GET /product/list` shows), plus how the
 * simulator treats it, which the product list does not say.
 */
export interface SslmarketProductSettings extends Product {
  /** Orders must be for a wildcard name (`*.example.com`). Default: the product code contains `wildcard`. */
  wildcard?: boolean;
  /** `PUT .../revoke` works for it. SSLmarket offers revocation for DigiCert Client Premium Class 1 and 2 only. */
  revocable?: boolean;
}

/**
 * The default catalogue: a DV single-name, a DV wildcard, a DV multi-domain product taking up to 250 SANs, and a
 * revocable client certificate, with the codes and limits SSLmarket's product list gives them.
 */
export const DEFAULT_SSLMARKET_PRODUCTS: readonly SslmarketProductSettings[] = [
  {
    product_type: "ssl_certificate",
    product_code: "rapidssl-rapidssl-dv",
    type: "RapidSSL",
    title: "RapidSSL DV",
    validate_type: "dv",
    csr_required: "true",
    max_years: "6",
    min_san_values: "0",
    max_san_values: "0",
  },
  {
    product_type: "ssl_certificate",
    product_code: "rapidssl-rapidssl-wildcard-dv",
    type: "RapidSSL",
    title: "RapidSSL Wildcard DV",
    validate_type: "dv",
    csr_required: "true",
    max_years: "6",
    min_san_values: "0",
    max_san_values: "0",
    wildcard: true,
  },
  {
    product_type: "ssl_certificate",
    product_code: "geotrust-geotrust-standard-dv-ssl",
    type: "GeoTrust",
    title: "DV SSL",
    validate_type: "dv",
    csr_required: "true",
    max_years: "6",
    min_san_values: "0",
    max_san_values: "250",
  },
  {
    product_type: "client_certificate",
    product_code: "digicert-client-premium-class-1",
    type: "DigiCert",
    title: "Client Premium Class 1",
    validate_type: "ov",
    csr_required: "true",
    max_years: "3",
    min_san_values: "0",
    max_san_values: "0",
    revocable: true,
  },
];

/** Whether orders of `product` are for a wildcard name. */
export function isWildcardProduct(product: SslmarketProductSettings): boolean {
  return product.wildcard ?? /wildcard/i.test(product.product_code);
}

/** The product as `GET /product/list` shows it: the spec's members only. */
export function productView(product: SslmarketProductSettings): Product {
  return {
    product_type: product.product_type,
    product_code: product.product_code,
    type: product.type,
    title: product.title,
    validate_type: product.validate_type,
    csr_required: product.csr_required,
    max_years: product.max_years,
    min_san_values: product.min_san_values,
    max_san_values: product.max_san_values,
  };
}
