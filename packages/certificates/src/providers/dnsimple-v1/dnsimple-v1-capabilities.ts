import type { Capabilities, ProductLimits } from "../../capabilities.js";

/**
 * What DNSimple API v1 can do through the facade. v1 sells a certificate in three calls (purchase, configure, submit),
 * validates by the CA's email to an approver only, and shows the signed certificate in the certificate itself; it has
 * no call to confirm a validation, renew, reissue, cancel or revoke, so those are `false`.
 */
export const DNSIMPLE_V1_CAPABILITIES = {
  list: true,
  get: true,
  order: true,
  validation: true,
  // Nothing to confirm: the approver's click on the CA's email is the validation, and v1 has no call for it.
  confirmValidation: false,
  // No download call: `ssl_certificate` (and `private_key`) of the certificate are the download.
  download: true,
  renew: false,
  reissue: false,
  cancel: false,
  revoke: false,
  validationMethods: ["email"],
  // Without a CSR DNSimple makes the key and CSR, and hands out the key in `private_key`.
  csr: "optional",
} as const satisfies Capabilities;

/**
 * The one kind of certificate v1 sells, as the facade checks orders against it: one name (v1 takes a host part,
 * no SANs), a wildcard allowed (`*.example.com` is bought as name `*`), one year (v1 takes no period). v1 has no
 * product field, so this is the default product's and no product name is taken.
 */
export const DNSIMPLE_V1_PRODUCT_LIMITS: ProductLimits = Object.freeze({
  id: "dnsimple-v1",
  maxNames: 1,
  wildcard: true,
  years: Object.freeze([1]),
});
