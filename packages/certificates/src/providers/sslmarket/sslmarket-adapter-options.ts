import type { CreateOrderRequest, SslmarketClientOptions } from "@certkit/sslmarket";

/**
 * The owner, organisation contact (`auth_*`), technical contact and invoice fields SSLmarket requires on every
 * order, flat as on the wire (`owner_name`, ..., `invoice_email`, optional `invoice_ic` and `invoice_dic`). They are
 * the same for each order of a company, so they are set once on the adapter.
 */
export type SslmarketOrderContacts = Omit<
  CreateOrderRequest,
  "domain" | "dns_names" | "years" | "csr" | "voucher" | "dv_auth_method"
>;

/**
 * Options of the {@link sslmarket} adapter: the SSLmarket client's own options (`token`, `baseUrl`, `fetch`,
 * `userAgent`, `timeoutMs`, `retry`, `maxConcurrency`, `onEvent`) plus what orders need and the facade's
 * `OrderRequest` has no field for.
 */
export interface SslmarketAdapterOptions extends SslmarketClientOptions {
  /**
   * The company details every order sends (SSLmarket requires them; the facade's request has no place for them).
   * Needed by `order()` only: without them it throws `INVALID_INPUT` naming `contacts`, before any request.
   */
  contacts?: SslmarketOrderContacts | undefined;
  /** The product code ordered when a request names no `product`. Default `SSLMARKET_DEFAULT_PRODUCT` (GeoTrust DV SSL). */
  defaultProduct?: string | undefined;
  /** A discount voucher sent with every order, where the account has one. */
  voucher?: string | undefined;
}
