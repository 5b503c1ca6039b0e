import type { ValidationMethod } from "./certificate-order.js";

/** What to order: the same fields for every provider; each adapter says which products and methods it takes. */
export interface OrderRequest {
  /** The certificate's main name: a DNS name, `*.` in front for a wildcard. Unicode names are sent as punycode. */
  commonName: string;
  /** More names (SANs), besides the common name. */
  altNames?: readonly string[];
  /** PEM CSR: required, optional or not taken, as `capabilities.csr` says for the provider. */
  csr?: string;
  /** How to prove control of the domains. Default `"dns"`, or the provider's first method when it has no DNS validation. */
  validationMethod?: ValidationMethod;
  /** The provider's product, plan or certificate type. Default: the adapter's default product. */
  product?: string;
  /** Validity in years. Default 1. */
  years?: number;
  /** For email validation: the approver address, where the provider lets the customer choose. */
  approverEmail?: string;
  /** The caller's own key for this order, where the provider keeps one (Resello `client_reference`). */
  clientReference?: string;
}

/** The key of a checked CSR: RSA with its size, or EC with its curve. */
export type CsrKey = { type: "RSA"; bits: number } | { type: "EC"; curve: string };

/**
 * An {@link OrderRequest} after the facade's checks: names in ASCII (punycode), lower case, without repeats; `csr`,
 * when there is one, re-encoded from the one certificate request the input held (nothing else of the input is sent),
 * and its key in `csrKey`.
 */
export interface CheckedOrderRequest extends Omit<OrderRequest, "altNames" | "validationMethod" | "years"> {
  commonName: string;
  altNames: string[];
  validationMethod: ValidationMethod;
  years: number;
  /** The CSR's key, when the request has a CSR. */
  csrKey?: CsrKey;
  /**
   * Where the recovery the order is sent with says it goes (its `parent`, DNSimple's `<account>/<domain>`), read by
   * `orderRecovery()` moments before: an adapter may use it rather than look it up again.
   */
  recoveryParent?: string;
}
