import { CertkitError, type RateLimitState } from "@certkit/runtime";
import type {
  CertificateAdapter,
  FinishOrderOptions,
  OperationOptions,
  ReplaceOptions,
  RevokeOptions,
} from "./adapter.js";
import type { Capabilities, CertificateOperation } from "./capabilities.js";
import type { CertificateBundle, CertificateOrder, DomainValidation, ProviderName } from "./certificate-order.js";
import { isEmailAddress } from "./checks/email-address.js";
import { invalidInput } from "./checks/invalid-input.js";
import { checkOrderId } from "./checks/order-id.js";
import type { CheckedOrderRequest, OrderRequest } from "./order-request.js";
import type { FindOrdersOptions } from "./recovery/find-orders.js";
import { isOrderRecovery, type OrderRecovery } from "./recovery/order-recovery.js";
import type { UnsupportedOperation } from "./unsupported-operation.js";

/** An operation the adapter's type says the provider lacks is an {@link UnsupportedOperation}: calling it does not compile. */
type Offered<
  C extends Capabilities,
  P extends ProviderName,
  Operation extends CertificateOperation,
  Method,
> = C[Operation] extends false ? UnsupportedOperation<P, Operation> : Method;

/**
 * The same operations for every provider. An operation the provider lacks is an {@link UnsupportedOperation} in the
 * type when the adapter declares its capabilities `as const` (every adapter of this package does), and rejects with
 * `CertkitError` `UNSUPPORTED` at run time.
 */
export interface CertificateClient<C extends Capabilities = Capabilities, P extends ProviderName = ProviderName> {
  readonly provider: P;
  readonly capabilities: C;
  /**
   * What the provider's last answer said of the account's rate limit: requests left, and when the window resets.
   * `undefined` until an answer carried the figures (some providers never send them). Every client of the account
   * spends the same budget: a program running many can hold back while `remaining` is low, rather than be refused.
   */
  readonly rateLimit: RateLimitState | undefined;
  /**
   * Every order, fetched a page at a time as the loop asks for more, each once: an order a provider's pages show
   * twice (orders added while the list is read shift its pages) is given the first time only.
   */
  list: Offered<C, P, "list", (options?: OperationOptions) => AsyncIterable<CertificateOrder>>;
  get: Offered<C, P, "get", (id: string, options?: OperationOptions) => Promise<CertificateOrder>>;
  /**
   * Checks the request (names, CSR, product, years) and only then orders. A rejected request costs no request. The
   * order is sent once, never again: a lost answer rejects with `OrderNotConfirmedError` (look for the order with
   * its `findOrders()`), a later step that fails with `OrderIncompleteError` (its `created` names the order).
   */
  order: Offered<C, P, "order", (request: OrderRequest, options?: OrderOptions) => Promise<CertificateOrder>>;
  /**
   * The recovery the order for `request` will be sent with, before it is sent: store it (with your intent to buy, in
   * the same transaction) and pass it to `order(request, { recovery })`, so that after a crash between the two, any
   * process finds the order with `findOrders(recovery)` instead of buying again. Where the provider keeps a client key
   * (Resello) it is made here, unless the request gives one, and the order is sent with it. Checks the request as
   * `order` does, reading only what the recovery names (DNSimple's account and domain); orders nothing.
   * @throws CertkitError `INVALID_INPUT` for a request `order` would refuse without asking the provider.
   */
  orderRecovery: Offered<
    C,
    P,
    "order",
    (request: OrderRequest, options?: OrderRecoveryOptions) => Promise<OrderRecovery>
  >;
  /**
   * Looks for an order whose answer was lost, from an `OrderNotConfirmedError`'s `recovery` (kept as JSON, it works
   * in any process): by its client key where the provider keeps one, else by its names, product and creation time.
   * Looks again with doubling pauses while nothing is found, for up to `maxWaitMs` (a provider's list may lag its
   * writes), and resolves with the orders that match: empty means none showed in time, which does not prove the
   * order was not placed.
   */
  findOrders: Offered<
    C,
    P,
    "order",
    (recovery: OrderRecovery, options?: FindOrdersOptions) => Promise<CertificateOrder[]>
  >;
  /**
   * Finishes an order that was bought but not sent on, and gives it as it then is. At DNSimple an order is several
   * calls (v2: purchase, issue; v1: purchase, configure, submit): a process that stopped between them, or a call
   * that failed (an `OrderIncompleteError`, whose `created.id` this takes), leaves the order bought and waiting
   * (`pending`) for good. This makes the calls it missed, going by the order's state at the provider, so it is safe
   * to call on any order, more than once: one that needs nothing is read as `get` reads it (at every other provider,
   * an order is one call and this is `get`). Not for a DNSimple renewal's new certificate, which is issued by its
   * renewal's id (`created.providerIds.renewalId`).
   */
  finishOrder: Offered<C, P, "order", (id: string, options?: FinishOrderOptions) => Promise<CertificateOrder>>;
  /** What the customer must publish or approve for each domain. */
  validation: Offered<C, P, "validation", (id: string, options?: OperationOptions) => Promise<DomainValidation[]>>;
  /** Tells the provider the validation is in place, where it waits to be told. */
  confirmValidation: Offered<
    C,
    P,
    "confirmValidation",
    (id: string, options?: OperationOptions) => Promise<CertificateOrder>
  >;
  /**
   * The issued certificate as PEM, its chain ordered leaf → root and verified, checked to hold every name of the
   * order, with the private key where the provider made it, checked to be the certificate's. Where the adapter does
   * not read the order to download it (Resello, SSLmarket, ZeroSSL), the order is read with `get` first.
   * @throws CertkitError `PROVIDER` for a bundle not to install: one that does not chain, lacks an ordered name, or
   * whose key is another certificate's.
   */
  download: Offered<C, P, "download", (id: string, options?: OperationOptions) => Promise<CertificateBundle>>;
  /** Renews the certificate; a `csr`, where given, is checked as an order's is (one request, no key, a strong key). */
  renew: Offered<C, P, "renew", (id: string, options?: ReplaceOptions) => Promise<CertificateOrder>>;
  /** Reissues the certificate; a `csr`, where given, is checked as an order's is (one request, no key, a strong key). */
  reissue: Offered<C, P, "reissue", (id: string, options?: ReplaceOptions) => Promise<CertificateOrder>>;
  cancel: Offered<C, P, "cancel", (id: string, options?: OperationOptions) => Promise<CertificateOrder>>;
  revoke: Offered<C, P, "revoke", (id: string, options?: RevokeOptions) => Promise<CertificateOrder>>;
}

/** Options of `order`. */
export interface OrderOptions extends OperationOptions {
  /**
   * The recovery `orderRecovery(request)` gave for this request, stored before sending: the order is sent with its
   * client key, and a lost answer's `OrderNotConfirmedError` carries it (with its `sentAt`, the earlier time).
   * @throws CertkitError `INVALID_INPUT` when it is not a recovery of this provider for the request's common name, or
   * names another client key than the request's.
   */
  recovery?: OrderRecovery;
}

/** Options of `orderRecovery`. */
export interface OrderRecoveryOptions extends OperationOptions {
  /**
   * When the order is taken as sent, for comparing with the provider's creation times: at or before the moment it is
   * actually sent (an earlier time only widens the look). Default: now, by the client's clock.
   */
  sentAt?: Date;
}

/** Options of {@link createCertificateClient}. */
export interface CertificateClientOptions {
  /**
   * The current time, for deriving `expired` and for the `sentAt` of an unconfirmed order's recovery (compared with
   * the provider's creation times). Default: the system clock.
   */
  now?: () => Date;
}

function unsupported(provider: ProviderName, operation: string): CertkitError {
  return new CertkitError({ code: "UNSUPPORTED", provider, message: `${provider} does not support ${operation}` });
}

/** `issued` past its end date is `expired`: providers keep saying "issued" (or "active") after that. */
function withDerivedStatus(order: CertificateOrder, now: Date): CertificateOrder {
  if (order.status !== "issued" || order.validUntil === undefined) return order;
  return Date.parse(order.validUntil) <= now.getTime() ? { ...order, status: "expired" } : order;
}

/**
 * A certificate client over one provider's adapter (`ionosSsl(...)`, `dnsimple(...)`, ... from the subpaths), with the
 * operations, checks and normalization every provider shares.
 */
export function createCertificateClient<C extends Capabilities, P extends ProviderName>(
  adapter: CertificateAdapter<C, P>,
  options: CertificateClientOptions = {},
): CertificateClient<C, P> {
  const now = options.now ?? (() => new Date());
  const { provider, capabilities } = adapter;
  /** The adapter's method for `operation`, or an UNSUPPORTED error when the provider lacks it. */
  const method = <Operation extends CertificateOperation>(
    operation: Operation,
  ): NonNullable<CertificateAdapter<C, P>[Operation]> => {
    const found = capabilities[operation] ? adapter[operation] : undefined;
    if (!found) throw unsupported(provider, operation);
    return found.bind(adapter) as NonNullable<CertificateAdapter<C, P>[Operation]>;
  };
  const derive = (order: CertificateOrder) => withDerivedStatus(order, now());
  // The checks and the recovery load with the first order, renewal, reissue or look for a lost order.
  const ordering = () => import("./ordering/ordering-steps.js");

  /** One look through the adapter, for `findOrders`. */
  const lookOnce = (recovery: OrderRecovery) => async (lookOptions: OperationOptions) => {
    if (!capabilities.order || !adapter.findOrders) throw unsupported(provider, "findOrders");
    return (await adapter.findOrders(recovery, lookOptions)).map(derive);
  };
  const findOrders = (recovery: OrderRecovery, findOptions?: FindOrdersOptions) => {
    if (!isOrderRecovery(recovery, provider)) {
      return Promise.reject(
        invalidInput(
          provider,
          "recovery",
          `must be the recovery of an order sent to ${provider} (an OrderNotConfirmedError's)`,
          "findOrders",
        ),
      );
    }
    return ordering().then(({ lookWithBackoff }) => lookWithBackoff(lookOnce(recovery), findOptions));
  };

  /**
   * The checked request with the recovery's client key, refused when the recovery is not one for this request: of
   * another provider, for another common name, or with another key than the request's own.
   */
  const withRecovery = (checked: CheckedOrderRequest, recovery: OrderRecovery): CheckedOrderRequest => {
    const refuse = (problem: string) => invalidInput(provider, "recovery", problem, "order");
    if (!isOrderRecovery(recovery, provider)) throw refuse(`must be the recovery orderRecovery() gave for ${provider}`);
    if (recovery.commonName !== checked.commonName)
      throw refuse(`is for ${recovery.commonName}, not for this request's ${checked.commonName}`);
    const { clientReference, parent } = recovery;
    const placed = parent === undefined ? checked : { ...checked, recoveryParent: parent };
    if (clientReference === undefined) return placed;
    if (clientReference.trim() === "") throw refuse("has an empty clientReference");
    if (checked.clientReference !== undefined && checked.clientReference !== clientReference)
      throw refuse("names another clientReference than the request's");
    return { ...placed, clientReference };
  };

  /** A replacement's CSR, checked as an order's is and re-encoded, where the provider takes one. */
  const checkReplacement = async (
    operation: "renew" | "reissue",
    replaceOptions: ReplaceOptions,
  ): Promise<ReplaceOptions> => {
    if (replaceOptions.csr === undefined) return replaceOptions;
    if (capabilities.csr === "none")
      throw invalidInput(provider, "csr", `is not taken: ${provider} makes the key itself`, operation);
    const { checkCsr } = await ordering();
    const checked = await checkCsr(replaceOptions.csr);
    if (!checked.ok) throw invalidInput(provider, "csr", checked.problem, operation);
    return { ...replaceOptions, csr: checked.csr.pem };
  };

  const client = {
    provider,
    capabilities,
    get rateLimit() {
      return adapter.rateLimit;
    },
    list: (listOptions: OperationOptions = {}) => ({
      async *[Symbol.asyncIterator]() {
        // A list paged by offset shows an order twice when orders are added while it is read: each is given once.
        const seen = new Set<string>();
        for await (const order of method("list")(listOptions)) {
          if (seen.has(order.id)) continue;
          seen.add(order.id);
          yield derive(order);
        }
      },
    }),
    get: async (id: string, getOptions: OperationOptions = {}) => {
      const get = method("get");
      return derive(await get(checkOrderId(provider, id, "get"), getOptions));
    },
    order: async (request: OrderRequest, { recovery: given, ...orderOptions }: OrderOptions = {}) => {
      const order = method("order");
      const { checkOrderRequest, OrderNotConfirmedError } = await ordering();
      const checked = await checkOrderRequest(request, adapter);
      const sent = given === undefined ? checked : withRecovery(checked, given);
      const sentAt = given?.sentAt ?? now().toISOString();
      try {
        return derive(await order(sent, orderOptions));
      } catch (error) {
        // The adapter's error, timed by this client's clock (the one the provider's dates are compared with), and
        // with the look through this client (statuses derived as every answer's are).
        if (error instanceof OrderNotConfirmedError && error.cause instanceof CertkitError) {
          const recovery = { ...error.recovery, sentAt };
          throw new OrderNotConfirmedError(error.cause, recovery, (findOptions) => findOrders(recovery, findOptions));
        }
        throw error;
      }
    },
    orderRecovery: async (request: OrderRequest, { sentAt, ...recoveryOptions }: OrderRecoveryOptions = {}) => {
      method("order");
      if (!adapter.orderRecovery) throw unsupported(provider, "orderRecovery");
      if (sentAt !== undefined && !(sentAt instanceof Date && !Number.isNaN(sentAt.getTime())))
        throw invalidInput(provider, "sentAt", "must be a valid Date", "orderRecovery");
      const { checkOrderRequest } = await ordering();
      const checked = await checkOrderRequest(request, adapter);
      const lost = await adapter.orderRecovery(checked, recoveryOptions);
      return { ...lost, sentAt: (sentAt ?? now()).toISOString() };
    },
    findOrders,
    finishOrder: async (given: string, finishOptions: FinishOrderOptions = {}) => {
      method("order");
      const id = checkOrderId(provider, given, "finishOrder");
      const { approverEmail } = finishOptions;
      if (approverEmail !== undefined && !isEmailAddress(approverEmail))
        throw invalidInput(provider, "approverEmail", "must be an email address", "finishOrder");
      const finished = adapter.finishOrder
        ? await adapter.finishOrder(id, finishOptions)
        : await method("get")(id, finishOptions);
      return derive(finished);
    },
    validation: async (id: string, validationOptions: OperationOptions = {}) => {
      const validation = method("validation");
      return validation(checkOrderId(provider, id, "validation"), validationOptions);
    },
    confirmValidation: async (id: string, confirmOptions: OperationOptions = {}) => {
      const confirm = method("confirmValidation");
      return derive(await confirm(checkOrderId(provider, id, "confirmValidation"), confirmOptions));
    },
    download: async (given: string, downloadOptions: OperationOptions = {}) => {
      const download = method("download");
      const id = checkOrderId(provider, given, "download");
      const downloaded = await download(id, downloadOptions);
      // The certificate must hold the order's names: the order as the adapter read it, or as it is now.
      const { commonName, altNames } = downloaded.order ?? (await method("get")(id, downloadOptions));
      // The X.509 parser is loaded with the first download, not with the client.
      const { assembleBundle } = await import("./bundle/assemble-bundle.js");
      return assembleBundle(downloaded, provider, [commonName, ...altNames]);
    },
    renew: async (id: string, renewOptions: ReplaceOptions = {}) => {
      const renew = method("renew");
      const checkedId = checkOrderId(provider, id, "renew");
      return derive(await renew(checkedId, await checkReplacement("renew", renewOptions)));
    },
    reissue: async (id: string, reissueOptions: ReplaceOptions = {}) => {
      const reissue = method("reissue");
      const checkedId = checkOrderId(provider, id, "reissue");
      return derive(await reissue(checkedId, await checkReplacement("reissue", reissueOptions)));
    },
    cancel: async (id: string, cancelOptions: OperationOptions = {}) => {
      const cancel = method("cancel");
      return derive(await cancel(checkOrderId(provider, id, "cancel"), cancelOptions));
    },
    revoke: async (id: string, revokeOptions: RevokeOptions = {}) => {
      const revoke = method("revoke");
      return derive(await revoke(checkOrderId(provider, id, "revoke"), revokeOptions));
    },
  };
  return client as unknown as CertificateClient<C, P>;
}
