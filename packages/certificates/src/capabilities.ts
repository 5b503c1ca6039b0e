import type { ValidationMethod } from "./certificate-order.js";

/** The operations of a certificate client. */
export type CertificateOperation =
  | "list"
  | "get"
  | "order"
  | "validation"
  | "confirmValidation"
  | "download"
  | "renew"
  | "reissue"
  | "cancel"
  | "revoke";

/** Every {@link CertificateOperation}, in the order the README's tables use. */
export const CERTIFICATE_OPERATIONS: readonly CertificateOperation[] = [
  "list",
  "get",
  "order",
  "validation",
  "confirmValidation",
  "download",
  "renew",
  "reissue",
  "cancel",
  "revoke",
];

/** What a product allows, for checking an order before any request is sent. */
export interface ProductLimits {
  /** The product's id as the provider names it. */
  id: string;
  /** How many names a certificate may hold, the common name included. */
  maxNames: number;
  /** Whether it may (`true`) or must (`"required"`) be a wildcard; `false`: no wildcard names. */
  wildcard: boolean | "required";
  /** The validity periods it is sold for, in years. */
  years: readonly number[];
}

/**
 * What a provider's adapter can do. Adapters declare theirs `as const`, so an operation a provider lacks is `false`
 * in the type, and calling it on the client does not compile.
 */
export type Capabilities = Readonly<Record<CertificateOperation, boolean>> & {
  /** The validation methods the provider offers. */
  readonly validationMethods: readonly ValidationMethod[];
  /**
   * Whether an order takes the customer's CSR: `required`; `optional` (without one, the provider makes the key);
   * `none` (the provider always makes the key, as DNSimple does for Let's Encrypt).
   */
  readonly csr: "required" | "optional" | "none";
};
