import type { ProductLimits } from "../../capabilities.js";

/** The product ordered when a request names none: IONOS's single-name DV certificate. */
export const IONOS_SSL_DEFAULT_PRODUCT = "SSL_STARTER";

const single = (id: string, wildcard: ProductLimits["wildcard"]): ProductLimits =>
  Object.freeze({ id, maxNames: 1, wildcard, years: Object.freeze([1]) });

/**
 * The limits of the certificate types in IONOS's spec (`EnrollRequest.certificateType`). Each covers one name, the
 * common name: the API takes no SANs. `*_WILDCARD` types must be ordered for a wildcard name, the others may not be.
 * A slot is bought for one year.
 */
export const IONOS_SSL_PRODUCTS: Readonly<Record<string, ProductLimits>> = Object.freeze({
  SSL_STARTER: single("SSL_STARTER", false),
  SSL_STARTER_WILDCARD: single("SSL_STARTER_WILDCARD", "required"),
  SSL_BUSINESS: single("SSL_BUSINESS", false),
  SSL_BUSINESS_WILDCARD: single("SSL_BUSINESS_WILDCARD", "required"),
  SSL_PREMIUM: single("SSL_PREMIUM", false),
});

/** The limits of an IONOS certificate type, or `undefined` for a type only the account's quota knows. */
export function ionosSslProductLimits(product: string): ProductLimits | undefined {
  return Object.hasOwn(IONOS_SSL_PRODUCTS, product) ? IONOS_SSL_PRODUCTS[product] : undefined;
}
