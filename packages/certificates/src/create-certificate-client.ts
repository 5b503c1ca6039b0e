import { CertkitError } from "@certkit/runtime";
import type { CertificateAdapter, OperationOptions, ReplaceOptions, RevokeOptions } from "./adapter.js";
import { assembleBundle } from "./bundle/assemble-bundle.js";
import type { Capabilities, CertificateOperation } from "./capabilities.js";
import type { CertificateBundle, CertificateOrder, DomainValidation, ProviderName } from "./certificate-order.js";
import { checkOrderRequest } from "./checks/check-order-request.js";
import type { OrderRequest } from "./order-request.js";

/** An operation the adapter's type says the provider lacks: `never`, so calling it does not compile. */
type Offered<C extends Capabilities, Operation extends CertificateOperation, Method> = C[Operation] extends false ? never : Method;

/**
 * The same operations for every provider. An operation the provider lacks is `never` in the type when the adapter
 * declares its capabilities `as const`, and rejects with `CertkitError` `UNSUPPORTED` at run time.
 */
export interface CertificateClient<C extends Capabilities = Capabilities> {
  readonly provider: ProviderName;
  readonly capabilities: C;
  /** Every order, fetched a page at a time as the loop asks for more. */
  list: Offered<C, "list", (options?: OperationOptions) => AsyncIterable<CertificateOrder>>;
  get: Offered<C, "get", (id: string, options?: OperationOptions) => Promise<CertificateOrder>>;
  /** Checks the request (names, CSR, product, years) and only then orders. A rejected request costs no request. */
  order: Offered<C, "order", (request: OrderRequest, options?: OperationOptions) => Promise<CertificateOrder>>;
  /** What the customer must publish or approve for each domain. */
  validation: Offered<C, "validation", (id: string, options?: OperationOptions) => Promise<DomainValidation[]>>;
  /** Tells the provider the validation is in place, where it waits to be told. */
  confirmValidation: Offered<C, "confirmValidation", (id: string, options?: OperationOptions) => Promise<CertificateOrder>>;
  /** The issued certificate as PEM, its chain ordered leaf → root and verified. */
  download: Offered<C, "download", (id: string, options?: OperationOptions) => Promise<CertificateBundle>>;
  renew: Offered<C, "renew", (id: string, options?: ReplaceOptions) => Promise<CertificateOrder>>;
  reissue: Offered<C, "reissue", (id: string, options?: ReplaceOptions) => Promise<CertificateOrder>>;
  cancel: Offered<C, "cancel", (id: string, options?: OperationOptions) => Promise<CertificateOrder>>;
  revoke: Offered<C, "revoke", (id: string, options?: RevokeOptions) => Promise<CertificateOrder>>;
}

/** Options of {@link createCertificateClient}. */
export interface CertificateClientOptions {
  /** The current time, for deriving `expired`. Default: the system clock. */
  now?: () => Date;
}

function unsupported(provider: ProviderName, operation: CertificateOperation): CertkitError {
  return new CertkitError({ code: "UNSUPPORTED", provider, message: `${provider} does not support ${operation}` });
}

/** `issued` past its end date is `expired`: providers keep saying "issued" (or "active") after that. */
function withDerivedStatus(order: CertificateOrder, now: Date): CertificateOrder {
  if (order.status !== "issued" || order.validUntil === undefined) return order;
  return Date.parse(order.validUntil) <= now.getTime() ? { ...order, status: "expired" } : order;
}

/**
 * A certificate client over one provider's adapter (`ionos(...)`, `dnsimple(...)`, ... from the subpaths), with the
 * operations, checks and normalization every provider shares.
 */
export function createCertificateClient<C extends Capabilities>(
  adapter: CertificateAdapter<C>,
  options: CertificateClientOptions = {},
): CertificateClient<C> {
  const now = options.now ?? (() => new Date());
  const { provider, capabilities } = adapter;
  /** The adapter's method for `operation`, or an UNSUPPORTED error when the provider lacks it. */
  const method = <Operation extends CertificateOperation>(operation: Operation): NonNullable<CertificateAdapter<C>[Operation]> => {
    const found = capabilities[operation] ? adapter[operation] : undefined;
    if (!found) throw unsupported(provider, operation);
    return found.bind(adapter) as NonNullable<CertificateAdapter<C>[Operation]>;
  };
  const derive = (order: CertificateOrder) => withDerivedStatus(order, now());
  const client = {
    provider,
    capabilities,
    list: (listOptions: OperationOptions = {}) => ({
      async *[Symbol.asyncIterator]() {
        for await (const order of method("list")(listOptions)) yield derive(order);
      },
    }),
    get: async (id: string, getOptions: OperationOptions = {}) => derive(await method("get")(id, getOptions)),
    order: async (request: OrderRequest, orderOptions: OperationOptions = {}) => {
      const order = method("order");
      const checked = await checkOrderRequest(request, adapter);
      return derive(await order(checked, orderOptions));
    },
    validation: async (id: string, validationOptions: OperationOptions = {}) => method("validation")(id, validationOptions),
    confirmValidation: async (id: string, confirmOptions: OperationOptions = {}) => derive(await method("confirmValidation")(id, confirmOptions)),
    download: async (id: string, downloadOptions: OperationOptions = {}) =>
      assembleBundle(await method("download")(id, downloadOptions), provider),
    renew: async (id: string, renewOptions: ReplaceOptions = {}) => derive(await method("renew")(id, renewOptions)),
    reissue: async (id: string, reissueOptions: ReplaceOptions = {}) => derive(await method("reissue")(id, reissueOptions)),
    cancel: async (id: string, cancelOptions: OperationOptions = {}) => derive(await method("cancel")(id, cancelOptions)),
    revoke: async (id: string, revokeOptions: RevokeOptions = {}) => derive(await method("revoke")(id, revokeOptions)),
  };
  return client as unknown as CertificateClient<C>;
}
