import { createIonosSslClient, type Certificate, type EnrollRequest, type IonosSslClient } from "@certkit/ionos-ssl";
import { CertkitError, unwrap } from "@certkit/runtime";
import type { CertificateAdapter, DownloadedCertificates, OperationOptions } from "../../adapter.js";
import { pemCertificatesIn } from "../../bundle/pem-certificates.js";
import type { ProductLimits } from "../../capabilities.js";
import type { CertificateOrder, DomainValidation, ValidationMethod } from "../../certificate-order.js";
import { invalidInput } from "../../checks/invalid-input.js";
import type { CheckedOrderRequest } from "../../order-request.js";
import type { LostOrder } from "../../recovery/guarded-order-steps.js";
import { hasOrderedNames, type OrderRecovery } from "../../recovery/order-recovery.js";
import { foundBeforeCap, MAX_RECOVERY_PAGES, recoveryPagesExceeded } from "../../recovery/recovery-pages.js";
import { readIonosSslOptions, type IonosSslAdapterOptions } from "./ionos-ssl-adapter-options.js";
import { IONOS_SSL_CAPABILITIES } from "./ionos-ssl-capabilities.js";
import { IONOS_SSL_PRODUCTS, ionosSslProductLimits } from "./ionos-ssl-products.js";
import { ionosSslOrderView, ionosSslValidation } from "./ionos-ssl-order-view.js";

const PROVIDER = "ionos-ssl";

const AUTHENTICATION_METHODS: Readonly<Record<ValidationMethod, NonNullable<EnrollRequest["authenticationMethod"]>>> = {
  dns: "DNS",
  file: "FILE",
  email: "EMAIL",
};

/** The id as IONOS takes it; an empty one would address the list instead of a certificate. */
function checkId(id: unknown): string {
  if (typeof id !== "string" || id.trim() === "") {
    throw new CertkitError({
      code: "INVALID_INPUT",
      provider: PROVIDER,
      message: "id must be an IONOS certificate id",
      fieldErrors: { id: ["must be an IONOS certificate id"] },
    });
  }
  return id;
}

/** Whether a certificate may be the one a lost order created: its names and type, and still `PENDING` (IONOS keeps no creation time). */
function mayBeLostOrder(order: CertificateOrder, recovery: OrderRecovery): boolean {
  const raw = order.raw as Certificate;
  return (
    hasOrderedNames(order, recovery) &&
    raw.status === "PENDING" &&
    (recovery.product === undefined || raw.certificateType === recovery.product)
  );
}

/**
 * The certkit adapter for the IONOS SSL API (`@certkit/ionos-ssl`), for `createCertificateClient`.
 *
 * - `order` uses an unused slot of the type (`product`, a `certificateType`) bought in the account, for one name (the
 *   common name: IONOS takes no SANs) and one year; with a CSR (RSA) or without (IONOS makes the key and installs the
 *   certificate on the IONOS-managed website: the key is never handed out). `approverEmail` and `clientReference`
 *   are refused: IONOS lets the customer choose no approver (the CA mails the domain's hostmaster) and keeps no
 *   client key.
 * - `validation` shows the one authentication of the certificate (DNS TXT, FILE or EMAIL); `confirmValidation` sends
 *   `DCV_READY` (IONOS's `DCV_FAILED` surfaces as `CertkitError` `VALIDATION_FAILED` with `providerCode`).
 * - `download` gives the certificate and every CA certificate IONOS sends (intermediates and root).
 * - `cancel` unassigns the certificate (`DELETE`): IONOS forgets it and frees the slot, so the order returned is the
 *   last one read, with status `cancelled`; `get` then answers `NOT_FOUND`.
 * - `list` reads `GET /v1/certificates` a page at a time.
 *
 * @throws CertkitError `INVALID_INPUT` when an option is missing or malformed; no request is sent.
 * @example
 * ```ts
 * const certificates = createCertificateClient(ionosSsl({ apiKey: process.env.IONOS_API_KEY! }));
 * const order = await certificates.order({ commonName: "shop.example.com", product: "SSL_STARTER" });
 * ```
 */
export function ionosSsl(
  options: IonosSslAdapterOptions,
): CertificateAdapter<typeof IONOS_SSL_CAPABILITIES, "ionos-ssl"> {
  const { client: clientOptions, settings } = readIonosSslOptions(options);
  const { defaultProduct, pageSize } = settings;
  const client: IonosSslClient = createIonosSslClient(clientOptions);

  async function read(id: string, signal: AbortSignal | undefined): Promise<Certificate> {
    const data = unwrap(await client.GET("/v1/certificates/{id}", { params: { path: { id: checkId(id) } }, signal }));
    return data;
  }

  /** Every certificate of the account, a page at a time; past `maxPages`, a `PROVIDER` error. */
  async function* everyCertificate(signal: AbortSignal | undefined, maxPages = Infinity): AsyncGenerator<Certificate> {
    let seen = 0;
    for (let page = 1; ; page += 1) {
      if (page > maxPages) throw recoveryPagesExceeded(PROVIDER);
      const data = unwrap(
        await client.GET("/v1/certificates", { params: { query: { page, size: pageSize } }, signal }),
      );
      const certificates = Array.isArray(data.certificates) ? data.certificates : [];
      yield* certificates;
      seen += certificates.length;
      const total = typeof data.total === "number" ? data.total : undefined;
      // With a total, stop once every certificate was seen (a server may cap the size); without one, at a short page.
      if (certificates.length === 0 || (total === undefined ? certificates.length < pageSize : seen >= total)) return;
    }
  }

  /** What finds an order again (its name and type: IONOS keeps no key of the customer's), once the request is checked. */
  const checkedLostOrder = (request: CheckedOrderRequest): LostOrder & { product: string } => {
    const reject = (field: string, problem: string) => invalidInput(PROVIDER, field, problem);
    if (request.approverEmail !== undefined) {
      throw reject(
        "approverEmail",
        "is not taken: IONOS lets no approver be chosen (the CA mails the domain's hostmaster)",
      );
    }
    if (request.clientReference !== undefined)
      throw reject("clientReference", "is not taken: IONOS keeps no client reference");
    // IONOS's spec: "The CSR must use RSA with key size 2048 bits".
    if (request.csrKey !== undefined && request.csrKey.type !== "RSA")
      throw reject("csr", `has an ${request.csrKey.type} key: IONOS issues RSA keys (2048 bits) only`);
    return {
      provider: PROVIDER,
      commonName: request.commonName,
      altNames: [],
      product: request.product ?? defaultProduct,
    };
  };

  return {
    provider: PROVIDER,
    capabilities: IONOS_SSL_CAPABILITIES,
    get rateLimit() {
      return client.rateLimit;
    },
    // The spec enumerates IONOS's certificate types: any other is refused before a request.
    catalog: Object.keys(IONOS_SSL_PRODUCTS),

    productLimits(product: string | undefined): ProductLimits | undefined {
      return ionosSslProductLimits(product ?? defaultProduct);
    },

    async *list({ signal }: OperationOptions): AsyncGenerator<CertificateOrder> {
      for await (const certificate of everyCertificate(signal)) yield ionosSslOrderView(certificate);
    },

    async get(id: string, { signal }: OperationOptions): Promise<CertificateOrder> {
      return ionosSslOrderView(await read(id, signal));
    },

    orderRecovery(request: CheckedOrderRequest): Promise<LostOrder> {
      return Promise.resolve(checkedLostOrder(request));
    },

    async order(request: CheckedOrderRequest, { signal }: OperationOptions): Promise<CertificateOrder> {
      const lost = checkedLostOrder(request);
      const { product } = lost;
      const recovery = (): LostOrder => lost;
      // The purchase's safeguards load with the first order (reading orders never needs them).
      const { placeOrder, readPlacedOrder } = await import("../../recovery/guarded-order-steps.js");
      const created = await placeOrder(async () => {
        const data = unwrap(
          await client.POST("/v1/certificates", {
            body: {
              certificateType: product as EnrollRequest["certificateType"],
              commonName: request.commonName,
              authenticationMethod: AUTHENTICATION_METHODS[request.validationMethod],
              ...(request.csr === undefined ? {} : { csr: request.csr }),
            },
            signal,
          }),
        );
        return data;
      }, recovery);
      // An answer naming no certificate leaves the order to be looked for like a lost one.
      return readPlacedOrder(() => ionosSslOrderView(created), recovery);
    },

    async findOrders(recovery: OrderRecovery, { signal }: OperationOptions): Promise<CertificateOrder[]> {
      const found: CertificateOrder[] = [];
      try {
        for await (const certificate of everyCertificate(signal, MAX_RECOVERY_PAGES)) {
          if (typeof certificate.id !== "string" || certificate.id === "") continue;
          const order = ionosSslOrderView(certificate);
          if (mayBeLostOrder(order, recovery)) found.push(order);
        }
      } catch (error) {
        return foundBeforeCap(found, error);
      }
      return found;
    },

    async validation(id: string, { signal }: OperationOptions): Promise<DomainValidation[]> {
      return ionosSslValidation(await read(id, signal));
    },

    async confirmValidation(id: string, { signal }: OperationOptions): Promise<CertificateOrder> {
      const certificate = await read(id, signal);
      const authentication = certificate.authenticationSummary;
      const authenticationId = authentication?.id;
      if (typeof authenticationId !== "string" || authenticationId === "") {
        throw new CertkitError({
          code: "CONFLICT",
          provider: PROVIDER,
          message: `IONOS shows no domain validation for certificate ${id} yet (status ${String(certificate.status)}): nothing to confirm`,
        });
      }
      // Already validated: IONOS has nothing left to check, and the order as it stands is the answer.
      if (authentication?.status === "AUTHENTICATED") return ionosSslOrderView(certificate);
      unwrap(
        await client.POST("/v1/certificates/{id}/authentications/{authenticationId}", {
          params: { path: { id, authenticationId }, query: { action: "DCV_READY" } },
          signal,
        }),
      );
      return ionosSslOrderView(await read(id, signal));
    },

    async download(id: string, { signal }: OperationOptions): Promise<DownloadedCertificates> {
      const certificate = await read(id, signal);
      const leaf = typeof certificate.certificate === "string" ? pemCertificatesIn(certificate.certificate) : [];
      if (leaf.length === 0) {
        throw new CertkitError({
          code: "CONFLICT",
          provider: PROVIDER,
          message: `IONOS has no certificate to download for ${id} yet (status ${String(certificate.status)})`,
        });
      }
      const authorities = (Array.isArray(certificate.caCertificates) ? certificate.caCertificates : []).flatMap(
        (authority) => (typeof authority?.certificate === "string" ? pemCertificatesIn(authority.certificate) : []),
      );
      return { certificates: [...leaf, ...authorities], order: ionosSslOrderView(certificate) };
    },

    async cancel(id: string, { signal }: OperationOptions): Promise<CertificateOrder> {
      const before = ionosSslOrderView(await read(id, signal));
      unwrap(await client.DELETE("/v1/certificates/{id}", { params: { path: { id } }, signal }));
      const cancelled: CertificateOrder = {
        ...before,
        status: "cancelled",
        message: "Unassigned: IONOS released the certificate's slot and no longer shows the certificate.",
      };
      // The reason explained the status before the unassign, not this one.
      delete cancelled.reason;
      return cancelled;
    },
  };
}
