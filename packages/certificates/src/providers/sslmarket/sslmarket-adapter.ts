import {
  createSslmarketClient,
  type CreateOrderRequest,
  type DcvMethod,
  type Order,
  type OrderListItem,
} from "@certkit/sslmarket";
import { CertkitError, isCertkitError, unwrap } from "@certkit/runtime";
import type {
  CertificateAdapter,
  DownloadedCertificates,
  OperationOptions,
  ReplaceOptions,
  RevokeOptions,
} from "../../adapter.js";
import type { CertificateOrder, DomainValidation, ValidationMethod } from "../../certificate-order.js";
import { invalidInput } from "../../checks/invalid-input.js";
import { normalizeDomainName } from "../../checks/normalize-domain-name.js";
import type { CheckedOrderRequest } from "../../order-request.js";
import type { LostOrder, PlacedOrder } from "../../recovery/guarded-order-steps.js";
import { createdAfterSending, hasOrderedNames, type OrderRecovery } from "../../recovery/order-recovery.js";
import type { SslmarketAdapterOptions, SslmarketOrderContacts } from "./sslmarket-adapter-options.js";
import { SSLMARKET_CAPABILITIES } from "./sslmarket-capabilities.js";
import { sslmarketOrderNumber, sslmarketOrderNumberIn } from "./sslmarket-order-id.js";
import {
  SSLMARKET_APPROVER_MAILBOXES,
  sslmarketApprovers,
  sslmarketNames,
  sslmarketOrderView,
  sslmarketValidations,
} from "./sslmarket-order-view.js";
import { checkOrderAgainstProduct, SSLMARKET_DEFAULT_PRODUCT, sslmarketProductLimits } from "./sslmarket-products.js";
import { providerTime } from "../../status/provider-time.js";

const PROVIDER = "sslmarket";

/** The facade's validation methods as `dv_auth_method` spells them. */
const DCV_METHODS: Readonly<Record<ValidationMethod, DcvMethod>> = Object.freeze({
  dns: "DNS",
  file: "FILE",
  email: "Email",
});

/** An order's names in the form CSRs are checked against (ASCII, lower case). */
function checkedNames(raw: Order): string[] {
  const { commonName, altNames } = sslmarketNames(raw);
  return [commonName, ...altNames].map((name) => {
    const checked = normalizeDomainName(name);
    return checked.ok ? checked.name : name.toLowerCase();
  });
}

/** The certificates of a `p7b` download: DER as documented, or PEM (PKCS #7 or certificates) should it come armoured. */
async function certificatesOfP7b(bytes: ArrayBuffer): Promise<string[]> {
  // The X.509 parser is loaded with the first download, not with the adapter.
  const { certificatesOfPkcs7Download } = await import("../../bundle/pkcs7-certificates.js");
  try {
    return certificatesOfPkcs7Download(new Uint8Array(bytes));
  } catch (cause) {
    throw new CertkitError({
      code: "PROVIDER",
      provider: PROVIDER,
      message: "sslmarket sent a p7b download that is not a PKCS #7 bundle",
      cause,
    });
  }
}

/**
 * The SSLmarket adapter of the certificate facade, over `@certkit/sslmarket`:
 * `createCertificateClient(sslmarket({ token, contacts }))`.
 *
 * - `list`: `GET /order/list`, which sends every order at once (SSLmarket documents no paging): one request, then
 *   the orders one by one. List items carry no DCV fields, so their `validation` is empty.
 * - `get`, `validation`: `GET /order/order_id/{id}`; ids are order numbers as text (`"100234"`).
 * - `order`: reads `GET /product/list` and checks the request against the product (it exists, is a server
 *   certificate, takes the SANs and years), then `POST /order/certificate/{product}` with the CSR, the names,
 *   `dv_auth_method` and the adapter's `contacts`, and reads the new order back. `approverEmail` cannot be chosen
 *   (the CA mails the five documented mailboxes of each domain): one of those addresses is accepted, any other is
 *   `INVALID_INPUT`. `clientReference` is not sent: SSLmarket keeps none.
 * - `download`: `GET .../format/p7b` (leaf, intermediate and root).
 * - `reissue`: `POST .../reissue` with the new CSR (checked against the order's names first).
 * - `revoke`: `PUT .../revoke` (SSLmarket takes no reason: `reason` is not sent).
 *
 * SSLmarket documents one order state, `published` (`issued`); for the others the status is derived from the order's
 * documented fields (see `mapSslmarketStatus`): `awaiting_validation` from the order until it is issued, `unknown`
 * where no documented field tells (a reissue running, a list item).
 *
 * @throws CertkitError `INVALID_INPUT` when an option is missing or malformed (from the SSLmarket client).
 */
export function sslmarket(
  options: SslmarketAdapterOptions,
): CertificateAdapter<typeof SSLMARKET_CAPABILITIES, "sslmarket"> {
  const {
    contacts,
    defaultProduct = SSLMARKET_DEFAULT_PRODUCT,
    voucher,
    ...clientOptions
  } = options ?? ({} as SslmarketAdapterOptions);
  const client = createSslmarketClient(clientOptions);

  const inOrder = (orderId: number, signal: AbortSignal | undefined) => ({
    params: { path: { order_id: orderId } },
    signal,
  });

  async function readOrder(orderId: number, signal: AbortSignal | undefined): Promise<Order> {
    const data: unknown = unwrap(await client.GET("/order/order_id/{order_id}", inOrder(orderId, signal)));
    // Anything but an object has no field to read: the provider's error, not a TypeError further on.
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      throw new CertkitError({
        code: "PROVIDER",
        provider: PROVIDER,
        message: `sslmarket answered order ${orderId} with something that is not an order`,
      });
    }
    return data as Order;
  }

  /** The orders of `GET /order/list`, each with its order number (an item without one no later call could address). */
  async function listOrders(signal: AbortSignal | undefined): Promise<{ orderId: number; item: OrderListItem }[]> {
    const data = unwrap(await client.GET("/order/list", { signal }));
    if (!Array.isArray(data.orders)) {
      // No `body`: a 2xx answer is not redacted, and may echo a credential.
      throw new CertkitError({
        code: "PROVIDER",
        provider: PROVIDER,
        message: "sslmarket answered the order list without an `orders` array",
      });
    }
    return data.orders.map((item: unknown) => ({
      orderId: sslmarketOrderNumberIn(item),
      item: item as OrderListItem,
    }));
  }

  /**
   * The order after a write that took effect. When reading it fails, the error says the write was done (and the
   * order number), so that nobody orders again: the read's own error is its `cause`.
   */
  async function readBack(orderId: number, done: string, signal: AbortSignal | undefined): Promise<CertificateOrder> {
    try {
      return sslmarketOrderView(orderId, await readOrder(orderId, signal));
    } catch (error) {
      if (!isCertkitError(error)) throw error;
      throw new CertkitError({
        code: error.code,
        provider: PROVIDER,
        message: `${done}, but reading order ${orderId} back failed: ${error.message}`,
        status: error.status,
        providerCode: error.providerCode,
        requestId: error.requestId,
        cause: error,
      });
    }
  }

  /** The checks SSLmarket's API cannot make for us before the purchase (no request); the contacts to send. */
  function checkOrderInput(request: CheckedOrderRequest): SslmarketOrderContacts {
    if (!contacts) {
      throw invalidInput(
        PROVIDER,
        "contacts",
        "are required: set the adapter option `contacts` (owner, contacts and invoice details SSLmarket requires on every order)",
      );
    }
    const names = [request.commonName, ...request.altNames];
    if (request.validationMethod === "file" && names.some((name) => name.startsWith("*."))) {
      throw invalidInput(
        PROVIDER,
        "validationMethod",
        "file cannot validate a wildcard name (CA/Browser Forum rules): use dns or email",
      );
    }
    if (request.approverEmail !== undefined) {
      const approvers = [...new Set(names.flatMap((name) => sslmarketApprovers(name)))];
      if (!approvers.includes(request.approverEmail.toLowerCase())) {
        throw invalidInput(
          PROVIDER,
          "approverEmail",
          `cannot be chosen: SSLmarket's CA mails ${SSLMARKET_APPROVER_MAILBOXES.join(", ")} at each domain ` +
            `(${approvers.slice(0, 10).join(", ")}${approvers.length > 10 ? `, and ${approvers.length - 10} more` : ""})`,
        );
      }
    }
    return contacts;
  }

  /** What finds an order again: its names, product and creation time (SSLmarket keeps no key of the customer's). */
  const lostOrderOf = (request: CheckedOrderRequest): LostOrder & { product: string } => ({
    provider: PROVIDER,
    commonName: request.commonName,
    altNames: request.altNames,
    product: request.product ?? defaultProduct,
  });

  return {
    provider: PROVIDER,
    capabilities: SSLMARKET_CAPABILITIES,
    get rateLimit() {
      return client.rateLimit;
    },

    productLimits: (product) => sslmarketProductLimits(product, defaultProduct),

    async *list({ signal }: OperationOptions): AsyncGenerator<CertificateOrder> {
      for (const { orderId, item } of await listOrders(signal)) yield sslmarketOrderView(orderId, item);
    },

    async get(id: string, { signal }: OperationOptions): Promise<CertificateOrder> {
      const orderId = sslmarketOrderNumber(id, "get");
      return sslmarketOrderView(orderId, await readOrder(orderId, signal));
    },

    orderRecovery(request: CheckedOrderRequest): Promise<LostOrder> {
      checkOrderInput(request);
      return Promise.resolve(lostOrderOf(request));
    },

    async order(request: CheckedOrderRequest, { signal }: OperationOptions): Promise<CertificateOrder> {
      const orderContacts = checkOrderInput(request);
      const lost = lostOrderOf(request);
      const { product } = lost;
      const products = await client.GET("/product/list", { signal });
      if (products.error) throw products.error;
      checkOrderAgainstProduct(request, product, Array.isArray(products.data.products) ? products.data.products : []);

      const body: CreateOrderRequest = {
        ...orderContacts,
        domain: request.commonName,
        ...(request.altNames.length > 0 ? { dns_names: request.altNames } : {}),
        years: request.years,
        ...(request.csr === undefined ? {} : { csr: request.csr }),
        ...(voucher === undefined ? {} : { voucher }),
        dv_auth_method: DCV_METHODS[request.validationMethod],
      };
      // The purchase's safeguards load with the first order (reading orders never needs them).
      const { afterPlacing, placeOrder, readPlacedOrder } = await import("../../recovery/guarded-order-steps.js");
      const answer: unknown = await placeOrder(
        async () => {
          const data = unwrap(
            await client.POST("/order/certificate/{product_code}", {
              params: { path: { product_code: product } },
              body,
              signal,
            }),
          );
          return data;
        },
        () => lost,
      );
      // An answer naming no order leaves it to be looked for like a lost one.
      const orderId = readPlacedOrder(
        () => sslmarketOrderNumberIn(answer),
        () => lost,
      );
      const id = String(orderId);
      const placed: PlacedOrder = {
        provider: PROVIDER,
        created: { id, failedStep: "read", providerIds: { order_id: orderId } },
        nextStep: `get("${id}") reads it again`,
      };
      return afterPlacing(placed, async () => sslmarketOrderView(orderId, await readOrder(orderId, signal)));
    },

    async findOrders(recovery: OrderRecovery, { signal }: OperationOptions): Promise<CertificateOrder[]> {
      return (await listOrders(signal))
        .filter(
          ({ item }) =>
            (recovery.product === undefined || item.product_code === recovery.product) &&
            createdAfterSending(providerTime(item.inserted), recovery),
        )
        .map(({ orderId, item }) => sslmarketOrderView(orderId, item))
        .filter((order) => hasOrderedNames(order, recovery));
    },

    async validation(id: string, { signal }: OperationOptions): Promise<DomainValidation[]> {
      return sslmarketValidations(await readOrder(sslmarketOrderNumber(id, "validation"), signal));
    },

    async download(id: string, { signal }: OperationOptions): Promise<DownloadedCertificates> {
      const orderId = sslmarketOrderNumber(id, "download");
      const data = unwrap(
        await client.GET("/certificate/order_id/{order_id}/format/{format}", {
          params: { path: { order_id: orderId, format: "p7b" } },
          parseAs: "arrayBuffer",
          signal,
        }),
      );
      return { certificates: await certificatesOfP7b(data) };
    },

    async reissue(id: string, { csr, signal }: ReplaceOptions): Promise<CertificateOrder> {
      const orderId = sslmarketOrderNumber(id, "reissue");
      if (csr === undefined)
        throw invalidInput(PROVIDER, "csr", "is required: SSLmarket reissues a certificate for a new CSR", "reissue");
      const { checkCsr } = await import("../../checks/check-csr.js");
      const checked = await checkCsr(csr, checkedNames(await readOrder(orderId, signal)));
      if (!checked.ok) throw invalidInput(PROVIDER, "csr", checked.problem, "reissue");
      unwrap(
        await client.POST("/certificate/order_id/{order_id}/reissue", {
          ...inOrder(orderId, signal),
          body: { csr },
          parseAs: "text",
        }),
      );
      return readBack(orderId, `the reissue of order ${orderId} was requested`, signal);
    },

    async revoke(id: string, { signal }: RevokeOptions): Promise<CertificateOrder> {
      const orderId = sslmarketOrderNumber(id, "revoke");
      unwrap(
        await client.PUT("/certificate/order_id/{order_id}/revoke", { ...inOrder(orderId, signal), parseAs: "text" }),
      );
      return readBack(orderId, `the revocation of order ${orderId} was requested`, signal);
    },
  };
}
