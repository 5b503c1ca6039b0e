import type { Capabilities } from "../../capabilities.js";

/**
 * What the IONOS SSL API can do. `renew`, `reissue` and `revoke` are `false`: the API has no operation for them (it
 * reads, creates, unassigns and completes validation only). `cancel` is the unassign (`DELETE`), which frees the
 * slot. IONOS makes the key when no CSR is given, and installs the certificate on the IONOS-managed website itself.
 */
export const IONOS_SSL_CAPABILITIES = {
  list: true,
  get: true,
  order: true,
  validation: true,
  confirmValidation: true,
  download: true,
  renew: false,
  reissue: false,
  cancel: true,
  revoke: false,
  validationMethods: ["dns", "file", "email"],
  csr: "optional",
} as const satisfies Capabilities;
