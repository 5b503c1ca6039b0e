import type { Capabilities } from "../../capabilities.js";

/**
 * What ZeroSSL's REST API can do. `renew` and `reissue` are `false`: ZeroSSL has no such operation (a new
 * certificate is ordered instead). `cancel` works before issuance (`draft`, `pending_validation`), `revoke` after.
 * Every order takes the customer's CSR: ZeroSSL never makes the key.
 */
export const ZEROSSL_CAPABILITIES = {
  list: true,
  get: true,
  order: true,
  validation: true,
  confirmValidation: true,
  download: true,
  renew: false,
  reissue: false,
  cancel: true,
  revoke: true,
  validationMethods: ["dns", "file", "email"],
  csr: "required",
} as const satisfies Capabilities;
