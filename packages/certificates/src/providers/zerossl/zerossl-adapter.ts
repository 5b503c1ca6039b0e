import { createZerosslClient, type Certificate, type ZerosslClient } from "@certkit/zerossl";
import { CertkitError, isCertkitError, unwrap } from "@certkit/runtime";
import type { CertificateAdapter, DownloadedCertificates, OperationOptions, RevokeOptions } from "../../adapter.js";
import { pemCertificatesIn } from "../../bundle/pem-certificates.js";
import type { ProductLimits } from "../../capabilities.js";
import type { CertificateOrder, DomainValidation } from "../../certificate-order.js";
import { invalidInput } from "../../checks/invalid-input.js";
import type { CheckedOrderRequest } from "../../order-request.js";
import type { LostOrder } from "../../recovery/guarded-order-steps.js";
import { foundBeforeCap, MAX_RECOVERY_PAGES, recoveryPagesExceeded } from "../../recovery/recovery-pages.js";
import { createdAfterSending, hasOrderedNames, type OrderRecovery } from "../../recovery/order-recovery.js";
import { readZerosslOptions, type ZerosslAdapterOptions } from "./zerossl-adapter-options.js";
import { ZEROSSL_CAPABILITIES } from "./zerossl-capabilities.js";
import { ZEROSSL_METHODS, zerosslOrderView, zerosslValidation } from "./zerossl-order-view.js";

const PROVIDER = "zerossl";

/** What a ZeroSSL certificate may hold: up to 100 names (ZeroSSL's multi-domain limit), wildcards, one term. */
const LIMITS: ProductLimits = { id: "zerossl", maxNames: 100, wildcard: true, years: [1] };

/** The revocation reasons ZeroSSL takes, spelled as it spells them. */
const REVOCATION_REASONS = ["Unspecified", "keyCompromise", "affiliationChanged", "Superseded", "cessationOfOperation"];

/** The id as ZeroSSL takes it; an empty one would address the list instead of a certificate. */
function checkId(id: unknown): string {
  if (typeof id !== "string" || id.trim() === "" || /[/?#]/.test(id)) {
    throw new CertkitError({
      code: "INVALID_INPUT",
      provider: PROVIDER,
      message: "id must be a ZeroSSL certificate id",
      fieldErrors: { id: ["must be a ZeroSSL certificate id"] },
    });
  }
  return id;
}

/**
 * The certkit adapter for ZeroSSL's REST API (`@certkit/zerossl`), for `createCertificateClient`.
 *
 * - `order` creates a certificate from the customer's CSR (required: ZeroSSL never makes the key) for the common
 *   name and the other names, valid `validityDays` (90 or 365). With `validationMethod: "email"` it also starts the
 *   e-mail validation (to `approverEmail` for every name, or else the first address ZeroSSL offers per name); with
 *   `dns` or `file` the certificate stays a `draft` until `confirmValidation`. `clientReference` and `product` are
 *   refused: ZeroSSL keeps no client key and sells no products through this API.
 * - `validation` shows, for a draft, the CNAME record and the file of every name; once started, the method chosen.
 * - `confirmValidation` asks ZeroSSL to check the CNAME records and, when that fails, the files
 *   (`POST /certificates/{id}/challenges`); a check that fails is `CertkitError` `VALIDATION_FAILED` with ZeroSSL's
 *   `details` in `body`. A certificate already past `draft` is returned as it is.
 * - `download` gives the certificate and the CA bundle (`/download/json`).
 * - `cancel` (before issuance) and `revoke` (after) return the certificate read again.
 * - `list` reads `GET /certificates` a page at a time.
 *
 * @throws CertkitError `INVALID_INPUT` when an option is missing or malformed; no request is sent.
 * @example
 * ```ts
 * const certificates = createCertificateClient(zerossl({ accessKey: process.env.ZEROSSL_ACCESS_KEY! }));
 * const order = await certificates.order({ commonName: "shop.example.com", csr, validationMethod: "dns" });
 * ```
 */
export function zerossl(options: ZerosslAdapterOptions): CertificateAdapter<typeof ZEROSSL_CAPABILITIES, "zerossl"> {
  const { client: clientOptions, settings } = readZerosslOptions(options);
  const { validityDays, pageSize } = settings;
  const client: ZerosslClient = createZerosslClient(clientOptions);

  async function read(id: string, signal: AbortSignal | undefined): Promise<Certificate> {
    return unwrap(
      await client.GET("/certificates/{id}", { params: { path: { id: checkId(id) } }, signal }),
    ) as Certificate;
  }

  /** Every certificate `query` lists, a page at a time; past `maxPages`, a `PROVIDER` error. */
  async function* everyCertificate(
    signal: AbortSignal | undefined,
    query: { certificate_status?: string; search?: string } = {},
    maxPages = Infinity,
  ): AsyncGenerator<Certificate> {
    let seen = 0;
    for (let page = 1; ; page += 1) {
      if (page > maxPages) throw recoveryPagesExceeded(PROVIDER);
      const data = unwrap(
        await client.GET("/certificates", { params: { query: { ...query, limit: pageSize, page } }, signal }),
      ) as { results?: unknown; total_count?: unknown };
      const results = Array.isArray(data.results) ? (data.results as Certificate[]) : [];
      yield* results;
      seen += results.length;
      const total = typeof data.total_count === "number" ? data.total_count : undefined;
      if (results.length === 0 || (total === undefined ? results.length < pageSize : seen >= total)) return;
    }
  }

  async function verify(
    id: string,
    body: { validation_method: string; validation_email?: string },
    signal?: AbortSignal,
  ) {
    return unwrap(
      await client.POST("/certificates/{id}/challenges", {
        params: { path: { id } },
        body: body as { validation_method: "EMAIL" },
        signal,
      }),
    ) as Certificate;
  }

  /** One approver per name, in the certificate's order: the one asked for, or the first ZeroSSL offers for it. */
  function approversFor(certificate: Certificate, asked: string | undefined): string {
    const offered = certificate.validation?.email_validation ?? {};
    const { commonName, altNames } = zerosslOrderView(certificate);
    return [commonName, ...altNames]
      .map((name) => {
        // ZeroSSL lists a name and its `www.` variant under the bare name.
        const key = Object.hasOwn(offered, name) ? name : name.replace(/^(\*|www)\./, "");
        return asked ?? (Object.hasOwn(offered, key) ? offered[key]?.[0] : undefined) ?? "";
      })
      .join(",");
  }

  /** Refuses what ZeroSSL does not take, and says how a lost order is looked for: by its names (no key is kept). */
  function checkedLostOrder(request: CheckedOrderRequest): LostOrder {
    const reject = (field: string, problem: string) => invalidInput(PROVIDER, field, problem);
    if (request.csr === undefined) throw reject("csr", "is required: ZeroSSL issues for the customer's CSR only");
    if (request.clientReference !== undefined)
      throw reject("clientReference", "is not taken: ZeroSSL keeps no client reference");
    if (request.product !== undefined) throw reject("product", "is not taken: ZeroSSL has no products to choose");
    if (request.approverEmail !== undefined && request.validationMethod !== "email")
      throw reject("approverEmail", "is taken with validationMethod email only");
    return { provider: PROVIDER, commonName: request.commonName, altNames: request.altNames };
  }

  return {
    provider: PROVIDER,
    capabilities: ZEROSSL_CAPABILITIES,
    get rateLimit() {
      return client.rateLimit;
    },

    productLimits(): ProductLimits {
      return LIMITS;
    },

    async *list({ signal }: OperationOptions): AsyncGenerator<CertificateOrder> {
      for await (const certificate of everyCertificate(signal)) yield zerosslOrderView(certificate);
    },

    async get(id: string, { signal }: OperationOptions): Promise<CertificateOrder> {
      return zerosslOrderView(await read(id, signal));
    },

    orderRecovery(request: CheckedOrderRequest): Promise<LostOrder> {
      return Promise.resolve(checkedLostOrder(request));
    },

    async order(request: CheckedOrderRequest, { signal }: OperationOptions): Promise<CertificateOrder> {
      const lost = checkedLostOrder(request);
      const recovery = (): LostOrder => lost;
      const names = [request.commonName, ...request.altNames];
      const { afterPlacing, placeOrder, readPlacedOrder } = await import("../../recovery/guarded-order-steps.js");
      const created = await placeOrder(
        async () =>
          unwrap(
            await client.POST("/certificates", {
              body: {
                certificate_domains: names.join(","),
                certificate_csr: request.csr!,
                certificate_validity_days: validityDays as 90,
                // Exactly the ordered names: ZeroSSL may otherwise add the `www.` or bare variant, which findOrders,
                // matching the ordered names, would not recognise.
                strict_domains: 1,
              },
              signal,
            }),
          ) as Certificate,
        recovery,
      );
      const draft = readPlacedOrder(() => zerosslOrderView(created), recovery);
      if (request.validationMethod !== "email") return draft;
      const nextStep = `get("${draft.id}") shows it as a draft; confirmValidation("${draft.id}") after publishing a CNAME record or file, or cancel("${draft.id}")`;
      return afterPlacing(
        {
          provider: PROVIDER,
          created: { id: draft.id, failedStep: "submit", providerIds: { id: draft.id } },
          nextStep,
        },
        async () => {
          const validation_email = approversFor(created, request.approverEmail);
          return zerosslOrderView(await verify(draft.id, { validation_method: "EMAIL", validation_email }, signal));
        },
      );
    },

    async findOrders(recovery: OrderRecovery, { signal }: OperationOptions): Promise<CertificateOrder[]> {
      const found: CertificateOrder[] = [];
      const query = { certificate_status: "draft,pending_validation", search: recovery.commonName };
      try {
        for await (const certificate of everyCertificate(signal, query, MAX_RECOVERY_PAGES)) {
          if (typeof certificate.id !== "string" || certificate.id === "") continue;
          const order = zerosslOrderView(certificate);
          if (hasOrderedNames(order, recovery) && createdAfterSending(order.createdAt, recovery)) found.push(order);
        }
      } catch (error) {
        return foundBeforeCap(found, error);
      }
      return found;
    },

    async validation(id: string, { signal }: OperationOptions): Promise<DomainValidation[]> {
      return zerosslValidation(await read(id, signal));
    },

    async confirmValidation(id: string, { signal }: OperationOptions): Promise<CertificateOrder> {
      const certificate = await read(id, signal);
      if (certificate.status !== "draft") return zerosslOrderView(certificate);
      try {
        return zerosslOrderView(await verify(id, { validation_method: ZEROSSL_METHODS.dns }, signal));
      } catch (error) {
        // No CNAME record found: the customer may have served the files instead.
        if (!isCertkitError(error) || error.providerCode !== "domain_control_validation_failed") throw error;
        return zerosslOrderView(await verify(id, { validation_method: ZEROSSL_METHODS.file }, signal));
      }
    },

    async download(id: string, { signal }: OperationOptions): Promise<DownloadedCertificates> {
      const bundle = unwrap(
        await client.GET("/certificates/{id}/download/json", { params: { path: { id: checkId(id) } }, signal }),
      ) as { "certificate.crt"?: unknown; "ca_bundle.crt"?: unknown };
      const pems = (value: unknown) => (typeof value === "string" ? pemCertificatesIn(value) : []);
      const leaf = pems(bundle["certificate.crt"]);
      if (leaf.length === 0)
        throw new CertkitError({
          code: "PROVIDER",
          provider: PROVIDER,
          message: `ZeroSSL sent no certificate for ${id}`,
        });
      return { certificates: [...leaf, ...pems(bundle["ca_bundle.crt"])] };
    },

    async cancel(id: string, { signal }: OperationOptions): Promise<CertificateOrder> {
      unwrap(await client.POST("/certificates/{id}/cancel", { params: { path: { id: checkId(id) } }, signal }));
      return zerosslOrderView(await read(id, signal));
    },

    async revoke(id: string, { signal, reason }: RevokeOptions): Promise<CertificateOrder> {
      if (reason !== undefined && !REVOCATION_REASONS.includes(reason))
        throw invalidInput(PROVIDER, "reason", `must be one of ${REVOCATION_REASONS.join(", ")}`);
      unwrap(
        await client.POST("/certificates/{id}/revoke", {
          params: { path: { id: checkId(id) } },
          body: reason === undefined ? {} : { reason: reason as "Unspecified" },
          signal,
        }),
      );
      return zerosslOrderView(await read(id, signal));
    },
  };
}
