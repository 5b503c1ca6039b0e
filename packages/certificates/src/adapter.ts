import type { RateLimitState } from "@certkit/runtime";
import type { Capabilities, ProductLimits } from "./capabilities.js";
import type { CertificateOrder, DomainValidation, ProviderName } from "./certificate-order.js";
import type { CheckedOrderRequest } from "./order-request.js";
import type { OrderRecovery } from "./recovery/order-recovery.js";

/** What every operation takes besides its arguments. */
export interface OperationOptions {
  /** Aborts the operation (and its requests): it rejects with `CertkitError` `ABORTED`. */
  signal?: AbortSignal;
}

/** Options of `renew` and `reissue`. */
export interface ReplaceOptions extends OperationOptions {
  /** A new PEM CSR, where the provider wants one (a reissue usually does). */
  csr?: string;
}

/** Options of `finishOrder`. */
export interface FinishOrderOptions extends OperationOptions {
  /**
   * The approver to submit, where finishing submits an email validation (DNSimple v1): one of the addresses the
   * provider offers. Default: the first it offers, as `order()` does.
   */
  approverEmail?: string;
}

/** Options of `revoke`. */
export interface RevokeOptions extends OperationOptions {
  /** Why, where the provider records a reason. */
  reason?: string;
}

/** The certificates a provider sent for an order, as PEM in any order, and the private key where it hands one out. */
export interface DownloadedCertificates {
  certificates: string[];
  privateKey?: string;
  /**
   * The order as the adapter read it to download it, if it did: the facade checks the certificate holds its names.
   * Without it, the facade reads the order with `get`.
   */
  order?: CertificateOrder;
}

/**
 * One provider behind the facade. An adapter maps the provider's API onto the normalized model and declares its
 * `capabilities`; an operation is present exactly when its capability is `true`. Adapters do not check input or
 * derive `expired`: {@link createCertificateClient} does that once for all of them.
 */
export interface CertificateAdapter<C extends Capabilities = Capabilities, P extends ProviderName = ProviderName> {
  readonly provider: P;
  readonly capabilities: C;
  /** The limits of `product` (the default product when `undefined`), or `undefined` when only the API knows them. */
  productLimits(product: string | undefined): ProductLimits | undefined;
  /**
   * Every product the provider sells, where that is known without a request (its spec enumerates them): the client
   * then refuses any other product before sending anything. Absent where products are per account (plans).
   */
  readonly catalog?: readonly string[];
  /**
   * What the provider's last answer said of the account's rate limit (its API client's `rateLimit`); absent where
   * the adapter does not know it.
   */
  readonly rateLimit?: RateLimitState | undefined;
  /** Every order, fetched a page at a time. */
  list?(options: OperationOptions): AsyncIterable<CertificateOrder>;
  get?(id: string, options: OperationOptions): Promise<CertificateOrder>;
  /**
   * Places the order. The write that places it is sent once: when its answer is lost the adapter throws
   * `OrderNotConfirmedError` with what {@link CertificateAdapter.findOrders} needs, and when a later step fails,
   * `OrderIncompleteError` naming what was created.
   */
  order?(request: CheckedOrderRequest, options: OperationOptions): Promise<CertificateOrder>;
  /**
   * Looks once for the orders that may be a lost one: by its client key where the provider keeps one, else by its
   * names, product and creation time. Present exactly when `order` is.
   */
  findOrders?(recovery: OrderRecovery, options: OperationOptions): Promise<CertificateOrder[]>;
  /**
   * What {@link CertificateAdapter.findOrders} will need to find the order `request` places, as `order` sends it (its
   * client key, where it was sent, its product), before anything is sent: checks what `order` checks without a request,
   * reads only what the recovery names (DNSimple's account and domain), and makes the client key where the provider
   * keeps one and the request has none. `order` given the same request with that key sends the order this describes.
   * Present exactly when `order` is.
   */
  orderRecovery?(request: CheckedOrderRequest, options: OperationOptions): Promise<Omit<OrderRecovery, "sentAt">>;
  /**
   * Takes an order placed but left part-way (bought, not sent on: `order()` stopped between its calls) through the
   * calls it missed, and gives it as it then is; any other order as `get` does. Absent where `order()` is one call:
   * the client reads the order with `get` instead.
   */
  finishOrder?(id: string, options: FinishOrderOptions): Promise<CertificateOrder>;
  validation?(id: string, options: OperationOptions): Promise<DomainValidation[]>;
  confirmValidation?(id: string, options: OperationOptions): Promise<CertificateOrder>;
  download?(id: string, options: OperationOptions): Promise<DownloadedCertificates>;
  renew?(id: string, options: ReplaceOptions): Promise<CertificateOrder>;
  reissue?(id: string, options: ReplaceOptions): Promise<CertificateOrder>;
  cancel?(id: string, options: OperationOptions): Promise<CertificateOrder>;
  revoke?(id: string, options: RevokeOptions): Promise<CertificateOrder>;
}
