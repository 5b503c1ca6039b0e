import type { Capabilities, ProductLimits } from "../../capabilities.js";

/**
 * What the DNSimple API v2 can do for certificates. Only Let's Encrypt certificates can be ordered; DNSimple makes
 * the key (`csr: "none"`) and answers the DNS-01 challenge in the zone it hosts (`validationMethods: ["dns"]`).
 * `false`: the v2 API has no call for it (no confirmation step, as DNSimple validates by itself; no reissue, cancel
 * or revoke of a certificate).
 */
export const DNSIMPLE_CAPABILITIES = {
  list: true,
  get: true,
  order: true,
  validation: true,
  confirmValidation: false,
  download: true,
  renew: true,
  reissue: false,
  cancel: false,
  revoke: false,
  validationMethods: ["dns"],
  csr: "none",
} as const satisfies Capabilities;

/** The one product: a Let's Encrypt certificate (its name is the certificates' `authority_identifier`). */
export const DNSIMPLE_LETSENCRYPT_PRODUCT = "letsencrypt";

/**
 * A Let's Encrypt certificate through DNSimple: up to 100 names (Let's Encrypt's limit, the common name included),
 * wildcards allowed, one period (the certificate lasts 90 days; DNSimple sells it as `years: 1`).
 */
export const DNSIMPLE_LETSENCRYPT_LIMITS: ProductLimits = Object.freeze({
  id: DNSIMPLE_LETSENCRYPT_PRODUCT,
  maxNames: 100,
  wildcard: true,
  years: Object.freeze([1]),
});

/** The limits of `product` (`letsencrypt` when `undefined`); `undefined` for any other product, which `order()` refuses. */
export function dnsimpleProductLimits(product: string | undefined): ProductLimits | undefined {
  return product === undefined || product === DNSIMPLE_LETSENCRYPT_PRODUCT ? DNSIMPLE_LETSENCRYPT_LIMITS : undefined;
}
