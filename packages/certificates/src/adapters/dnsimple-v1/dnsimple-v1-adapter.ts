import { CertkitError } from "@certkit/runtime";
import { createDnsimpleV1Client, type Certificate, type DnsimpleV1ClientOptions } from "@certkit/dnsimple-v1";
import type { CertificateAdapter, DownloadedCertificates, OperationOptions } from "../../adapter.js";
import { pemCertificatesIn } from "../../bundle/pem-certificates.js";
import type { Capabilities, ProductLimits } from "../../capabilities.js";
import type { CertificateOrder, DomainValidation } from "../../certificate-order.js";
import { invalidInput } from "../../checks/invalid-input.js";
import { normalizeDomainName } from "../../checks/normalize-domain-name.js";
import type { CheckedOrderRequest } from "../../order-request.js";
import type { LostOrder, PlacedOrder } from "../../recovery/guarded-order-steps.js";
import type { CreatedOrder } from "../../recovery/order-incomplete-error.js";
import { createdAfterSending, type OrderRecovery } from "../../recovery/order-recovery.js";
import { decodeDnsimpleV1OrderId, encodeDnsimpleV1OrderId } from "./dnsimple-v1-order-id.js";
import { certificateNameIn, hostNameOf } from "./dnsimple-v1-host-names.js";
import { dnsimpleV1ApproversOf, dnsimpleV1HostNameOf, dnsimpleV1OrderView, dnsimpleV1StateOf, dnsimpleV1ValidationOf } from "./dnsimple-v1-order-view.js";

/**
 * What DNSimple API v1 can do through the facade. v1 sells a certificate in three calls (purchase, configure, submit),
 * validates by the CA's email to an approver only, and shows the signed certificate in the certificate itself; it has
 * no call to confirm a validation, renew, reissue, cancel or revoke, so those are `false`.
 */
export const DNSIMPLE_V1_CAPABILITIES = {
  list: true,
  get: true,
  order: true,
  validation: true,
  // Nothing to confirm: the approver's click on the CA's email is the validation, and v1 has no call for it.
  confirmValidation: false,
  // No download call: `ssl_certificate` (and `private_key`) of the certificate are the download.
  download: true,
  renew: false,
  reissue: false,
  cancel: false,
  revoke: false,
  validationMethods: ["email"],
  // Without a CSR DNSimple makes the key and CSR, and hands out the key in `private_key`.
  csr: "optional",
} as const satisfies Capabilities;

/**
 * The one kind of certificate v1 sells, as the facade checks orders against it: one name (v1 takes a host part,
 * no SANs), a wildcard allowed (`*.example.com` is bought as name `*`), one year (v1 takes no period). v1 has no
 * product field, so this is the default product's and no product name is taken.
 */
export const DNSIMPLE_V1_PRODUCT_LIMITS: ProductLimits = Object.freeze({
  id: "dnsimple-v1",
  maxNames: 1,
  wildcard: true,
  years: Object.freeze([1]),
});

/**
 * Options of {@link dnsimpleV1}: those of `createDnsimpleV1Client` (`email`, `token`, `baseUrl`, `fetch`, `retry`,
 * `timeoutMs`, `userAgent`, `maxConcurrency`, `onEvent`), plus what the adapter needs beyond the client.
 */
export interface DnsimpleV1AdapterOptions extends DnsimpleV1ClientOptions {
  /**
   * The account contact every purchase names (v1 requires `contact_id`; with your own CSR for a wildcard its
   * details must match the CSR's). v1 lists contacts at `GET /contacts`, which the client does not cover, so it is
   * an option rather than looked up.
   */
  contactId: number;
  /**
   * The account's domains to work under, by name. `list()` walks only these and `order()` finds the domain of a
   * common name among them, without `GET /domains`. Default: every domain `GET /domains` lists, read at each
   * `list()` and `order()`.
   */
  domains?: readonly string[] | undefined;
}

const PROVIDER = "dnsimple-v1";

function optionError(message: string): CertkitError {
  return new CertkitError({ code: "INVALID_INPUT", provider: PROVIDER, message: `dnsimple-v1: option ${message}` });
}

function checkContactId(contactId: unknown): number {
  if (typeof contactId !== "number" || !Number.isSafeInteger(contactId) || contactId < 1) {
    throw optionError('"contactId" must be the id of one of the account\'s contacts (a positive integer)');
  }
  return contactId;
}

function checkDomains(domains: unknown): string[] | undefined {
  if (domains === undefined) return undefined;
  if (!Array.isArray(domains) || domains.length === 0) throw optionError('"domains" must be a non-empty array of domain names');
  return [
    ...new Set(
      domains.map((domain: unknown, index) => {
        const checked = normalizeDomainName(domain);
        if (!checked.ok || checked.name.startsWith("*.")) {
          throw optionError(`"domains[${index}]" ${checked.ok ? "must not be a wildcard" : checked.problem}`);
        }
        return checked.name;
      }),
    ),
  ];
}

/**
 * A {@link CertificateAdapter} for DNSimple's discontinued API v1 (`@certkit/dnsimple-v1`), for
 * `createCertificateClient(dnsimpleV1({ email, token, contactId }))`.
 *
 * - Ids are `<domain>/<certificate id>` (`example.com/42`): v1 keeps certificates under a domain.
 * - `list()` walks the account's domains (or the `domains` option) one at a time, a domain's certificates being one
 *   page (v1 does not paginate).
 * - `order()` buys, configures and submits in one go: it finds the account's domain the common name is under
 *   (`www.example.com` → domain `example.com`, name `www`; `*.example.com` → name `*`), purchases with `contactId`
 *   and the CSR when given (without one DNSimple makes the key), configures, and submits with `approverEmail` when
 *   given (it must be one of the addresses configure offers) or else the first address offered. It returns the
 *   order as submitted: `awaiting_validation` until the approver follows the CA's email, then `issued`.
 *   `validationMethod` must be `"email"`, the only method v1 has; `product` is not taken (v1 has none); v1 keeps no
 *   `clientReference`, which is ignored.
 * - `validation()` shows one `email` entry: the approver the CA mailed once submitted, the offered addresses before.
 * - `download()` gives the PEM certificates of `ssl_certificate` and, when DNSimple made the key, `private_key`.
 *
 * Orders' `raw` is the certificate as v1 sent it, without its `private_key`. Errors are the client's `CertkitError`s (404 `NOT_FOUND`, 401 `AUTH`, 406 `CONFLICT`, 400/422
 * `VALIDATION_FAILED`); a purchase is sent once: a lost answer is `OrderNotConfirmedError`, a failed configure or
 * submit `OrderIncompleteError` naming the certificate.
 *
 * @throws CertkitError `INVALID_INPUT` when an option is missing or malformed (no request is sent).
 */
export function dnsimpleV1(options: DnsimpleV1AdapterOptions): CertificateAdapter<typeof DNSIMPLE_V1_CAPABILITIES, "dnsimple-v1"> {
  const contactId = checkContactId(options?.contactId);
  const fixedDomains = checkDomains(options.domains);
  // The client reads its own options by name and leaves contactId and domains alone.
  const client = createDnsimpleV1Client(options);

  /** The account's domain names: the `domains` option, or `GET /domains`. */
  async function accountDomains(signal: AbortSignal | undefined): Promise<string[]> {
    if (fixedDomains) return fixedDomains;
    const { data, error } = await client.GET("/domains", { signal });
    if (error) throw error;
    return data.map(({ domain }) => domain.name.toLowerCase());
  }

  async function readCertificate(id: string, signal: AbortSignal | undefined): Promise<{ certificate: Certificate; domain: string }> {
    const { domain, certificateId } = decodeDnsimpleV1OrderId(id);
    const { data, error } = await client.GET("/domains/{domain}/certificates/{id}", { params: { path: { domain, id: certificateId } }, signal });
    if (error) throw error;
    return { certificate: data.certificate, domain };
  }

  /** The approver to submit: the caller's (when DNSimple offers it), else the first offered. */
  function chooseApprover(requested: string | undefined, offered: readonly string[], hostName: string): string {
    if (offered.length === 0) {
      throw new CertkitError({ code: "PROVIDER", provider: PROVIDER, message: `dnsimple-v1: DNSimple offered no approver address for ${hostName}` });
    }
    if (requested === undefined) return offered[0]!;
    const approver = offered.find((address) => address.toLowerCase() === requested.trim().toLowerCase());
    if (approver === undefined) {
      const problem = `must be one of the addresses DNSimple offers for ${hostName}: ${offered.join(", ")}`;
      throw new CertkitError({
        code: "VALIDATION_FAILED",
        provider: PROVIDER,
        message: `approverEmail ${problem}`,
        fieldErrors: { approverEmail: [problem] },
      });
    }
    return approver;
  }

  return {
    provider: PROVIDER,
    capabilities: DNSIMPLE_V1_CAPABILITIES,

    productLimits(product: string | undefined): ProductLimits | undefined {
      return product === undefined ? DNSIMPLE_V1_PRODUCT_LIMITS : undefined;
    },

    async *list({ signal }: OperationOptions): AsyncIterable<CertificateOrder> {
      for (const domain of await accountDomains(signal)) {
        const { data, error } = await client.GET("/domains/{domain}/certificates", { params: { path: { domain } }, signal });
        if (error) throw error;
        for (const { certificate } of data) yield dnsimpleV1OrderView(certificate, domain);
      }
    },

    async get(id: string, { signal }: OperationOptions): Promise<CertificateOrder> {
      const { certificate, domain } = await readCertificate(id, signal);
      return dnsimpleV1OrderView(certificate, domain);
    },

    async order(request: CheckedOrderRequest, { signal }: OperationOptions): Promise<CertificateOrder> {
      if (request.product !== undefined) {
        throw invalidInput(PROVIDER, "product", "is not taken: DNSimple v1 sells one kind of certificate (a wildcard when the common name is *.<domain>); leave it out");
      }
      const domains = await accountDomains(signal);
      const target = certificateNameIn(request.commonName, domains);
      if (!target) {
        throw invalidInput(PROVIDER, "commonName", `must be one of the account's domains or a name under one (${domains.join(", ")})`);
      }
      const { domain, name } = target;
      const hostName = hostNameOf(name, domain);

      // The purchase's safeguards load with the first order (reading orders never needs them).
      const { afterPlacing, placeOrder } = await import("../../recovery/guarded-order-steps.js");
      const purchased = await placeOrder(
        async () => {
          const { data, error } = await client.POST("/domains/{domain}/certificates", {
            params: { path: { domain } },
            body: { certificate: { name, contact_id: contactId, ...(request.csr === undefined ? {} : { csr: request.csr }) } },
            signal,
          });
          if (error) throw error;
          return data.certificate;
        },
        (): LostOrder => ({ provider: PROVIDER, commonName: request.commonName, altNames: [], parent: domain }),
      );
      const id = purchased.id;
      const orderId = encodeDnsimpleV1OrderId({ domain, certificateId: id });
      const placed = (failedStep: CreatedOrder["failedStep"], nextStep: string): PlacedOrder => ({
        provider: PROVIDER,
        created: { id: orderId, failedStep, providerIds: { certificateId: id } },
        nextStep: `get("${orderId}") shows it. ${nextStep}`,
      });

      const offered = await afterPlacing(placed("configure", `Configure and submit it with @certkit/dnsimple-v1 (PUT /domains/${domain}/certificates/${id}/configure, then …/submit)`), async () => {
        const { data, error } = await client.PUT("/domains/{domain}/certificates/{id}/configure", { params: { path: { domain, id } }, signal });
        if (error) throw error;
        return dnsimpleV1ApproversOf(data.certificate);
      });
      return afterPlacing(placed("submit", `Submit it with an approver DNSimple offers, with @certkit/dnsimple-v1 (PUT /domains/${domain}/certificates/${id}/submit)`), async () => {
        const approver = chooseApprover(request.approverEmail, offered, hostName);
        const { data, error } = await client.PUT("/domains/{domain}/certificates/{id}/submit", {
          params: { path: { domain, id } },
          body: { certificate: { approver_email: approver } },
          signal,
        });
        if (error) throw error;
        return dnsimpleV1OrderView(data.certificate, domain);
      });
    },

    async findOrders(recovery: OrderRecovery, { signal }: OperationOptions): Promise<CertificateOrder[]> {
      const domain = recovery.parent;
      if (domain === undefined || domain === "") {
        throw invalidInput(PROVIDER, "recovery", "must name the domain the order was sent under (its parent)", "findOrders");
      }
      const { data, error } = await client.GET("/domains/{domain}/certificates", { params: { path: { domain } }, signal });
      if (error) throw error;
      return data
        .map(({ certificate }) => certificate)
        .filter((certificate) => createdAfterSending(certificate.created_at ?? undefined, recovery))
        .map((certificate) => dnsimpleV1OrderView(certificate, domain))
        .filter((order) => order.commonName === recovery.commonName);
    },

    async validation(id: string, { signal }: OperationOptions): Promise<DomainValidation[]> {
      const { certificate, domain } = await readCertificate(id, signal);
      return dnsimpleV1ValidationOf(certificate, dnsimpleV1HostNameOf(certificate, domain));
    },

    async download(id: string, { signal }: OperationOptions): Promise<DownloadedCertificates> {
      const { certificate } = await readCertificate(id, signal);
      const certificates = typeof certificate.ssl_certificate === "string" ? pemCertificatesIn(certificate.ssl_certificate) : [];
      if (certificates.length === 0) {
        const state = dnsimpleV1StateOf(certificate);
        throw new CertkitError({
          code: "CONFLICT",
          provider: PROVIDER,
          message: `dnsimple-v1: certificate ${id} holds no signed certificate yet (state ${typeof state === "string" ? state : "unknown"}): download it once it is issued`,
        });
      }
      const privateKey = typeof certificate.private_key === "string" && certificate.private_key.trim() !== "" ? certificate.private_key : undefined;
      return { certificates, ...(privateKey === undefined ? {} : { privateKey }) };
    },
  };
}
