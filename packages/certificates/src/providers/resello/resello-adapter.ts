import {
  createCertificateOnce,
  createReselloClient,
  findCertificateByClientReference,
  unwrapResello,
  type Certificate,
  type CreateCertificateRequest,
  type ReselloClient,
} from "@certkit/resello";
import { CertkitError, unwrap } from "@certkit/runtime";
import type { CertificateAdapter, DownloadedCertificates, OperationOptions, ReplaceOptions } from "../../adapter.js";
import type { ProductLimits } from "../../capabilities.js";
import type { CertificateOrder, DomainValidation } from "../../certificate-order.js";
import { invalidInput } from "../../checks/invalid-input.js";
import { invalidOption } from "../../checks/invalid-option.js";
import type { CheckedOrderRequest } from "../../order-request.js";
import type { LostOrder, PlacedOrder } from "../../recovery/guarded-order-steps.js";
import type { OrderRecovery } from "../../recovery/order-recovery.js";
import type { ReselloAdapterOptions } from "./resello-adapter-options.js";
import { RESELLO_CAPABILITIES } from "./resello-capabilities.js";
import { idOf, namesOf, reselloOrderView } from "./resello-order-view.js";
import { checkPlanBeforeOrder, isPlanId, knownPlanLimits } from "./resello-plans.js";
import {
  dcvTypeOf,
  fallbackValidationView,
  reselloValidationView,
  validationMethodOf,
} from "./resello-validation-view.js";

const PROVIDER = "resello";

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function providerError(message: string): CertkitError {
  return new CertkitError({ code: "PROVIDER", provider: PROVIDER, message: `Resello API: ${message}` });
}

/** The certificate in an answer (bare or enveloped), or a `PROVIDER` error when the answer holds none. */
function certificateIn(payload: unknown, operation: string): Certificate {
  if (!isRecord(payload)) throw providerError(`${operation} answered something that is not a certificate`);
  idOf(payload);
  return payload;
}

/** An id `get()` and the others accept: Resello's certificate id, a non-empty string. */
function checkId(id: unknown, operation: string): string {
  if (typeof id !== "string" || id.trim() === "" || id.includes("/")) {
    throw invalidInput(PROVIDER, "id", "must be a Resello certificate id (the order's id)", operation);
  }
  return id;
}

/** The certificates of a PKCS#7 download: DER, or PEM-armoured (Resello does not say which), or plain PEM blocks. */
async function certificatesOfPkcs7(bytes: Uint8Array): Promise<string[]> {
  // The X.509 parser is loaded with the first download, not with the adapter.
  const { certificatesOfPkcs7Download } = await import("../../bundle/pkcs7-certificates.js");
  try {
    return certificatesOfPkcs7Download(bytes);
  } catch (cause) {
    throw new CertkitError({
      code: "PROVIDER",
      provider: PROVIDER,
      message: "Resello API: the PKCS#7 download does not parse",
      cause,
    });
  }
}

/** A new `client_reference` for an order that names none: unique, so an order whose answer is lost can be found by it. */
function newClientReference(): string {
  return `certkit-${crypto.randomUUID()}`;
}

/** The key an order is sent with: the request's, else a new one. */
const clientReferenceOf = (request: CheckedOrderRequest): string => request.clientReference ?? newClientReference();

/** What finds the order again: its client reference, exactly. */
function lostOrderOf(request: CheckedOrderRequest, plan: string, clientReference: string): LostOrder {
  return {
    provider: PROVIDER,
    clientReference,
    commonName: request.commonName,
    altNames: request.altNames,
    product: plan,
  };
}

/**
 * The facade's adapter for the Resello Reseller Platform (`@certkit/resello`): plans, orders under a plan with DNS,
 * file or email validation, validation details and `validate`, PKCS#7 downloads, renew, reissue and delete.
 *
 * - Products are plan UUIDs (`GET /ssl-certificate-plan`). A request without `product` orders the `plan` option's
 *   plan; without either it is refused. Limits are only known for plans given in the `plans` option; for others,
 *   `order` reads the plan first (it must exist, and `years` must match its term).
 * - `order` is `createCertificateOnce` with the request's `clientReference` (or a generated `certkit-<uuid>`): it is
 *   sent once, an order whose answer is lost is looked up by that key, and when the lagging list does not show it
 *   yet, `OrderNotConfirmedError` carries the key for `findOrders`. Email validation needs `approverEmail`.
 * - A `pending` certificate is read with its validation details: `awaiting_validation` with what to publish, or
 *   `processing` once every name is validated. Other certificates show no validation (call `validation()`).
 * - `confirmValidation` is `POST /validate` (Resello checks the records, files or approvals again); `cancel` is
 *   DELETE, which disables the certificate at once; `renew` sends it back to `pending` with new validations (a
 *   failure reading it once Resello accepted the renewal is an `OrderIncompleteError`: the renewal is bought);
 *   `reissue` (a new CSR is required) is active at once. `download` reads the PKCS#7 bundle: the certificate and
 *   every CA certificate. There is no revoke.
 * - Errors Resello answers are thrown as they come from the client (`CertkitError`, with `providerCode`).
 *
 * @example
 * ```ts
 * const certs = createCertificateClient(resello({ resellerReference, apiKey, plan: "…plan uuid…" }));
 * const order = await certs.order({ commonName: "shop.example.com", csr, validationMethod: "dns" });
 * ```
 */
export function resello(options: ReselloAdapterOptions): CertificateAdapter<typeof RESELLO_CAPABILITIES, "resello"> {
  const { plan: defaultPlan, plans, orderDetails = {} } = options;
  if (defaultPlan !== undefined && !isPlanId(defaultPlan)) {
    throw invalidOption(PROVIDER, "plan", "must be a plan UUID");
  }
  const client: ReselloClient = createReselloClient(options);

  async function fetchCertificate(id: string, signal: AbortSignal | undefined): Promise<Certificate> {
    const data = unwrap(await client.GET("/ssl-certificate/{id}", { params: { path: { id } }, signal }));
    const certificate = certificateIn(unwrapResello(data), "GET /ssl-certificate/{id}");
    // Another certificate's answer would give its id to the caller's next cancel() or renew().
    if (idOf(certificate) !== id) throw providerError("GET /ssl-certificate/{id} answered another certificate");
    return certificate;
  }

  /** The validations in the certificate's validation details (empty when they cannot be read). */
  async function fetchValidation(
    id: string,
    certificate: Certificate | undefined,
    signal: AbortSignal | undefined,
  ): Promise<DomainValidation[]> {
    const data = unwrap(
      await client.GET("/ssl-certificate/{id}/validation-details", { params: { path: { id } }, signal }),
    );
    return reselloValidationView(unwrapResello(data), validationMethodOf(certificate?.dcv_type));
  }

  /** The order of a certificate, with its validations read when it is `pending` (they decide its status). */
  async function view(certificate: Certificate, signal: AbortSignal | undefined): Promise<CertificateOrder> {
    if (certificate.status !== "pending") return reselloOrderView(certificate);
    const validation = await fetchValidation(idOf(certificate), certificate, signal);
    return reselloOrderView(certificate, validation.length > 0 ? validation : undefined);
  }

  const productLimits = (product: string | undefined): ProductLimits | undefined =>
    knownPlanLimits(plans, product ?? defaultPlan);

  /** The plan and CSR of an order, checked as Resello needs them before anything is sent. */
  const checkOrder = (request: CheckedOrderRequest): { plan: string; csr: string } => {
    const plan = request.product ?? defaultPlan;
    if (plan === undefined) {
      throw invalidInput(
        PROVIDER,
        "product",
        `is required: give a Resello plan UUID (GET /ssl-certificate-plan lists them), or set the adapter's "plan" option`,
      );
    }
    if (!isPlanId(plan))
      throw invalidInput(PROVIDER, "product", "must be a Resello plan UUID (GET /ssl-certificate-plan lists them)");
    if (request.csr === undefined) throw invalidInput(PROVIDER, "csr", "is required: resello does not make keys");
    if (request.validationMethod === "email" && request.approverEmail === undefined) {
      throw invalidInput(
        PROVIDER,
        "approverEmail",
        "is required for email validation: Resello mails the approval request to it",
      );
    }
    return { plan, csr: request.csr };
  };

  return {
    provider: PROVIDER,
    capabilities: RESELLO_CAPABILITIES,
    get rateLimit() {
      return client.rateLimit;
    },
    productLimits,

    async *list({ signal }: OperationOptions) {
      // Resello documents no paging parameters: one request answers every certificate.
      const data = unwrap(await client.GET("/ssl-certificate", { signal }));
      const certificates = unwrapResello(data);
      if (!Array.isArray(certificates))
        throw providerError("GET /ssl-certificate answered something that is not a list of certificates");
      for (const certificate of certificates)
        yield await view(certificateIn(certificate, "GET /ssl-certificate"), signal);
      const total = Array.isArray(data) ? undefined : data.total;
      if (typeof total === "number" && total > certificates.length) {
        throw providerError(
          `GET /ssl-certificate listed ${certificates.length} of ${total} certificates, and Resello documents no way to ask for the rest`,
        );
      }
    },

    async get(id: string, { signal }: OperationOptions) {
      return view(await fetchCertificate(checkId(id, "get"), signal), signal);
    },

    orderRecovery(request: CheckedOrderRequest): Promise<LostOrder> {
      return Promise.resolve(lostOrderOf(request, checkOrder(request).plan, clientReferenceOf(request)));
    },

    async order(request: CheckedOrderRequest, { signal }: OperationOptions) {
      const { plan, csr } = checkOrder(request);
      if (!knownPlanLimits(plans, plan)) await checkPlanBeforeOrder(client, plan, request.years, signal);
      const clientReference = clientReferenceOf(request);
      const body: CreateCertificateRequest & { client_reference: string } = {
        ...orderDetails,
        csr,
        dcv_type: dcvTypeOf(request.validationMethod),
        plan,
        client_reference: clientReference,
        ...(request.approverEmail === undefined ? {} : { approver_email_address: request.approverEmail }),
      };
      const recovery = (): LostOrder => lostOrderOf(request, plan, clientReference);
      // The purchase's safeguards load with the first order (reading orders never needs them).
      const { afterPlacing, placeOrder, readPlacedOrder } = await import("../../recovery/guarded-order-steps.js");
      const answer = await placeOrder(() => createCertificateOnce(client, body, { signal }), recovery);
      const created = readPlacedOrder(() => certificateIn(answer, "POST /ssl-certificate"), recovery);
      const id = idOf(created);
      const placed: PlacedOrder = {
        provider: PROVIDER,
        created: { id, failedStep: "read", providerIds: { id, client_reference: clientReference } },
        nextStep: `get("${id}") reads it again`,
      };
      return afterPlacing(placed, () => view(created, signal));
    },

    async findOrders(recovery: OrderRecovery, { signal }: OperationOptions) {
      if (recovery.clientReference === undefined) {
        throw invalidInput(PROVIDER, "recovery", "must hold the clientReference the order was sent with", "findOrders");
      }
      const found = await findCertificateByClientReference(client, recovery.clientReference, { signal });
      return found === undefined ? [] : [await view(certificateIn(found, "GET /ssl-certificate"), signal)];
    },

    async validation(id: string, { signal }: OperationOptions) {
      checkId(id, "validation");
      const found = await fetchValidation(id, undefined, signal);
      if (found.length > 0) return found;
      // Details Resello shows in a form the adapter cannot read: one `unknown` entry per name, by the certificate's method.
      const certificate = await fetchCertificate(id, signal);
      const method = validationMethodOf(certificate.dcv_type);
      return method ? fallbackValidationView(namesOf(certificate), method) : [];
    },

    async confirmValidation(id: string, { signal }: OperationOptions) {
      checkId(id, "confirmValidation");
      unwrap(await client.POST("/ssl-certificate/{id}/validate", { params: { path: { id } }, body: {}, signal }));
      return view(await fetchCertificate(id, signal), signal);
    },

    async download(id: string, { signal }: OperationOptions): Promise<DownloadedCertificates> {
      checkId(id, "download");
      const data = unwrap(
        await client.GET("/ssl-certificate/{id}/download-pkcs7", {
          params: { path: { id } },
          parseAs: "arrayBuffer",
          signal,
        }),
      );
      const certificates = await certificatesOfPkcs7(new Uint8Array(data));
      if (certificates.length === 0) throw providerError("the PKCS#7 download holds no certificate");
      return { certificates };
    },

    async renew(id: string, { signal, csr }: ReplaceOptions) {
      checkId(id, "renew");
      const data = unwrap(
        await client.POST("/ssl-certificate/{id}/renew", {
          params: { path: { id } },
          body: { ...orderDetails, ...(csr === undefined ? {} : { csr }) },
          signal,
        }),
      );
      // The renewal is bought once Resello accepts it: a failure reading it from here on must not invite another.
      const { afterPlacing } = await import("../../recovery/guarded-order-steps.js");
      const placed: PlacedOrder = {
        provider: PROVIDER,
        operation: "renew",
        created: { id, failedStep: "read", providerIds: { id } },
        nextStep: `get("${id}") reads it again`,
      };
      return afterPlacing(placed, () =>
        view(certificateIn(unwrapResello(data), "POST /ssl-certificate/{id}/renew"), signal),
      );
    },

    async reissue(id: string, { signal, csr }: ReplaceOptions) {
      checkId(id, "reissue");
      if (csr === undefined)
        throw invalidInput(PROVIDER, "csr", "is required: Resello reissues a certificate for a new CSR", "reissue");
      const data = unwrap(
        await client.POST("/ssl-certificate/{id}/reissue", {
          params: { path: { id } },
          body: { ...orderDetails, csr },
          signal,
        }),
      );
      return view(certificateIn(unwrapResello(data), "POST /ssl-certificate/{id}/reissue"), signal);
    },

    async cancel(id: string, { signal }: OperationOptions) {
      checkId(id, "cancel");
      const before = await fetchCertificate(id, signal);
      const data = unwrap(await client.DELETE("/ssl-certificate/{id}", { params: { path: { id } }, signal }));
      // The delete's answer is not documented: the certificate as it is now when it shows one, else the one read before.
      const payload: unknown = isRecord(data) && "result" in data ? data.result : data;
      if (
        isRecord(payload) &&
        typeof payload.id === "string" &&
        payload.id !== "" &&
        typeof payload.status === "string"
      ) {
        return view(payload, signal);
      }
      return {
        ...reselloOrderView(before),
        status: "cancelled",
        message: "Deleted: Resello disabled the certificate (its answer did not show the certificate's new status)",
        validation: [],
      };
    },
  };
}
