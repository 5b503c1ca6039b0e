import type { Capabilities } from "../../capabilities.js";

/**
 * What Resello's API can do, as the facade sees it. `revoke` is `false`: the API has no revoke call (a delete
 * disables the certificate, and is `cancel`). Orders need the customer's CSR (`csr: "required"`): Resello never
 * makes the key.
 */
export const RESELLO_CAPABILITIES = {
  list: true,
  get: true,
  order: true,
  validation: true,
  confirmValidation: true,
  download: true,
  renew: true,
  reissue: true,
  cancel: true,
  revoke: false,
  validationMethods: ["dns", "file", "email"],
  csr: "required",
} as const satisfies Capabilities;
