import type { Capabilities } from "../../capabilities.js";

/**
 * What the SSLmarket API can do for certificate orders. Validation by DNS record, file (HTTP) or e-mail; every
 * server product takes the customer's CSR (`csr_required` is `"true"` for all of them in the documented list).
 * `false`: the API has no call for it. No `confirmValidation`: the CA looks for the record, file or approval on its
 * own (the only DCV call, `resend`, mails the DCV e-mail again and confirms nothing). No `renew`: a renewal is a new
 * order. No `cancel`: there is no call that cancels an order (`cancel-reissue` stops a running reissue only).
 * `revoke` exists, though SSLmarket offers it for DigiCert Client Premium Class 1 and 2 only: for other products
 * it answers a 4xx, which surfaces as a `CertkitError`.
 */
export const SSLMARKET_CAPABILITIES = {
  list: true,
  get: true,
  order: true,
  validation: true,
  confirmValidation: false,
  download: true,
  renew: false,
  reissue: true,
  cancel: false,
  revoke: true,
  validationMethods: ["dns", "file", "email"],
  csr: "required",
} as const satisfies Capabilities;
