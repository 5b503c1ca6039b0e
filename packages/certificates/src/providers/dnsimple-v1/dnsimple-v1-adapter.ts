import { CertkitError, unwrap } from "@certkit/runtime";
import { createDnsimpleV1Client, type Certificate } from "@certkit/dnsimple-v1";
import type {
  CertificateAdapter,
  DownloadedCertificates,
  FinishOrderOptions,
  OperationOptions,
} from "../../adapter.js";
import { pemCertificatesIn } from "../../bundle/pem-certificates.js";
import type { ProductLimits } from "../../capabilities.js";
import type { CertificateOrder, DomainValidation } from "../../certificate-order.js";
import { invalidInput } from "../../checks/invalid-input.js";
import type { CheckedOrderRequest } from "../../order-request.js";
import type { LostOrder, PlacedOrder } from "../../recovery/guarded-order-steps.js";
import type { CreatedOrder } from "../../recovery/order-incomplete-error.js";
import { createdAfterSending, type OrderRecovery } from "../../recovery/order-recovery.js";
import { refusedOutright } from "../../recovery/refused-outright.js";
import { providerTime } from "../../status/provider-time.js";
import { checkContactId, checkDomains, type DnsimpleV1AdapterOptions } from "./dnsimple-v1-adapter-options.js";
import { DNSIMPLE_V1_CAPABILITIES, DNSIMPLE_V1_PRODUCT_LIMITS } from "./dnsimple-v1-capabilities.js";
import {
  decodeDnsimpleV1OrderId,
  dnsimpleV1CertificateIdIn,
  encodeDnsimpleV1OrderId,
  isDnsimpleV1DomainName,
} from "./dnsimple-v1-order-id.js";
import { certificateNameIn, hostNameOf } from "./dnsimple-v1-host-names.js";
import {
  dnsimpleV1ApproversOf,
  dnsimpleV1HostNameOf,
  dnsimpleV1OrderView,
  dnsimpleV1StateOf,
  dnsimpleV1ValidationOf,
} from "./dnsimple-v1-order-view.js";

const PROVIDER = "dnsimple-v1";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function providerError(message: string): CertkitError {
  return new CertkitError({ code: "PROVIDER", provider: PROVIDER, message: `dnsimple-v1: ${message}` });
}

/** The certificate of a `{certificate: {...}}` answer; anything else has no field to read and is the provider's error. */
function certificateIn(envelope: unknown, operation: string): Certificate {
  const certificate = isRecord(envelope) ? envelope.certificate : undefined;
  if (!isRecord(certificate)) throw providerError(`${operation} answered something that is not a certificate`);
  return certificate as Certificate;
}

/** The certificates of a list answer (`[{certificate: {...}}, ...]`), every item read as {@link certificateIn} does. */
function certificatesIn(list: unknown, operation: string): Certificate[] {
  if (!Array.isArray(list)) throw providerError(`${operation} answered something that is not a list of certificates`);
  return list.map((item: unknown) => certificateIn(item, operation));
}

/**
 * The domain names of `GET /domains` (`[{domain: {name}}, ...]`), lower case. A name that is no text, or that an
 * order id could not carry (a slash, a space, no dot), is the provider's error: it would give ids no call takes.
 */
function domainNamesIn(list: unknown): string[] {
  if (!Array.isArray(list)) throw providerError("GET /domains answered something that is not a list of domains");
  return list.map((item: unknown) => {
    const name = isRecord(item) && isRecord(item.domain) ? item.domain.name : undefined;
    if (typeof name !== "string" || !isDnsimpleV1DomainName(name.toLowerCase()))
      throw providerError("GET /domains listed a domain without a name an order id can carry");
    return name.toLowerCase();
  });
}

/** What finds a v1 order again: its common name under its domain (v1 keeps no key of the customer's). */
function lostOrderOf(request: CheckedOrderRequest, domain: string): LostOrder {
  return { provider: PROVIDER, commonName: request.commonName, altNames: [], parent: domain };
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
 *   `finishOrder()` configures and submits one left `purchased`, and submits one left `configured`.
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
export function dnsimpleV1(
  options: DnsimpleV1AdapterOptions,
): CertificateAdapter<typeof DNSIMPLE_V1_CAPABILITIES, "dnsimple-v1"> {
  const contactId = checkContactId(options?.contactId);
  const fixedDomains = checkDomains(options.domains);
  // The client reads its own options by name and leaves contactId and domains alone.
  const client = createDnsimpleV1Client(options);

  /** The account's domain names: the `domains` option, or `GET /domains`. */
  async function accountDomains(signal: AbortSignal | undefined): Promise<string[]> {
    if (fixedDomains) return fixedDomains;
    return domainNamesIn(unwrap(await client.GET("/domains", { signal })));
  }

  async function readCertificate(
    id: string,
    signal: AbortSignal | undefined,
  ): Promise<{ certificate: Certificate; domain: string }> {
    const { domain, certificateId } = decodeDnsimpleV1OrderId(id);
    const data = unwrap(
      await client.GET("/domains/{domain}/certificates/{id}", {
        params: { path: { domain, id: certificateId } },
        signal,
      }),
    );
    const certificate = certificateIn(data, "GET /domains/{domain}/certificates/{id}");
    // Another certificate's answer would give its id to the caller's next call.
    if (certificate.id !== certificateId)
      throw providerError("GET /domains/{domain}/certificates/{id} answered another certificate");
    return { certificate, domain };
  }

  /** The approver to submit: the caller's (when DNSimple offers it), else the first offered. */
  function chooseApprover(requested: string | undefined, offered: readonly string[], hostName: string): string {
    if (offered.length === 0) {
      throw new CertkitError({
        code: "PROVIDER",
        provider: PROVIDER,
        message: `dnsimple-v1: DNSimple offered no approver address for ${hostName}`,
      });
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

  /** Configures a purchased certificate: DNSimple then offers the approver addresses. */
  async function configure(domain: string, id: number, signal: AbortSignal | undefined): Promise<Certificate> {
    const data = unwrap(
      await client.PUT("/domains/{domain}/certificates/{id}/configure", { params: { path: { domain, id } }, signal }),
    );
    return certificateIn(data, "PUT /domains/{domain}/certificates/{id}/configure");
  }

  /** Submits a configured certificate with the approver {@link chooseApprover} picks from those it offers. */
  async function submit(
    domain: string,
    id: number,
    configured: Certificate,
    approverEmail: string | undefined,
    hostName: string,
    signal: AbortSignal | undefined,
  ): Promise<CertificateOrder> {
    const approver = chooseApprover(approverEmail, dnsimpleV1ApproversOf(configured), hostName);
    const data = unwrap(
      await client.PUT("/domains/{domain}/certificates/{id}/submit", {
        params: { path: { domain, id } },
        body: { certificate: { approver_email: approver } },
        signal,
      }),
    );
    return dnsimpleV1OrderView(certificateIn(data, "PUT /domains/{domain}/certificates/{id}/submit"), domain);
  }

  /** The domain an order for `request` is bought under and the certificate's name there, with the checks of both. */
  async function orderTarget(
    request: CheckedOrderRequest,
    signal: AbortSignal | undefined,
  ): Promise<{ domain: string; name: string }> {
    if (request.product !== undefined) {
      throw invalidInput(
        PROVIDER,
        "product",
        "is not taken: DNSimple v1 sells one kind of certificate (a wildcard when the common name is *.<domain>); leave it out",
      );
    }
    const domains = await accountDomains(signal);
    const target = certificateNameIn(request.commonName, domains);
    if (!target) {
      throw invalidInput(
        PROVIDER,
        "commonName",
        `must be one of the account's domains or a name under one (${domains.join(", ")})`,
      );
    }
    return target;
  }

  return {
    provider: PROVIDER,
    capabilities: DNSIMPLE_V1_CAPABILITIES,
    get rateLimit() {
      return client.rateLimit;
    },

    productLimits(product: string | undefined): ProductLimits | undefined {
      return product === undefined ? DNSIMPLE_V1_PRODUCT_LIMITS : undefined;
    },

    async *list({ signal }: OperationOptions): AsyncIterable<CertificateOrder> {
      for (const domain of await accountDomains(signal)) {
        const data = unwrap(
          await client.GET("/domains/{domain}/certificates", { params: { path: { domain } }, signal }),
        );
        for (const certificate of certificatesIn(data, "GET /domains/{domain}/certificates"))
          yield dnsimpleV1OrderView(certificate, domain);
      }
    },

    async get(id: string, { signal }: OperationOptions): Promise<CertificateOrder> {
      const { certificate, domain } = await readCertificate(id, signal);
      return dnsimpleV1OrderView(certificate, domain);
    },

    async orderRecovery(request: CheckedOrderRequest, { signal }: OperationOptions): Promise<LostOrder> {
      return lostOrderOf(request, (await orderTarget(request, signal)).domain);
    },

    async order(request: CheckedOrderRequest, { signal }: OperationOptions): Promise<CertificateOrder> {
      const { domain, name } = await orderTarget(request, signal);
      const hostName = hostNameOf(name, domain);

      // The purchase's safeguards load with the first order (reading orders never needs them).
      const { afterPlacing, placeOrder, readPlacedOrder } = await import("../../recovery/guarded-order-steps.js");
      const lost = () => lostOrderOf(request, domain);
      const purchased: unknown = await placeOrder(
        async () =>
          unwrap(
            await client.POST("/domains/{domain}/certificates", {
              params: { path: { domain } },
              body: {
                certificate: {
                  name,
                  contact_id: contactId,
                  ...(request.csr === undefined ? {} : { csr: request.csr }),
                },
              },
              signal,
            }),
          ),
        lost,
      );
      // An answer naming no certificate leaves the order to be looked for like a lost one.
      const id = readPlacedOrder(
        () =>
          dnsimpleV1CertificateIdIn((purchased as { certificate?: { id?: unknown } | null } | null)?.certificate?.id),
        lost,
      );
      const orderId = encodeDnsimpleV1OrderId({ domain, certificateId: id });
      const placed = (failedStep: CreatedOrder["failedStep"], nextStep: string): PlacedOrder => ({
        provider: PROVIDER,
        created: { id: orderId, failedStep, providerIds: { certificateId: id } },
        nextStep: `get("${orderId}") shows it. ${nextStep}`,
      });

      const finish = `finishOrder("${orderId}") configures and submits it.`;
      const configured = await afterPlacing(placed("configure", finish), () => configure(domain, id, signal));
      return afterPlacing(placed("submit", finish), () =>
        submit(domain, id, configured, request.approverEmail, hostName, signal),
      );
    },

    async finishOrder(id: string, { signal, approverEmail }: FinishOrderOptions): Promise<CertificateOrder> {
      const { certificate, domain } = await readCertificate(id, signal);
      const state = dnsimpleV1StateOf(certificate);
      if (state !== "purchased" && state !== "configured") return dnsimpleV1OrderView(certificate, domain);
      const { certificateId } = decodeDnsimpleV1OrderId(id);
      // The state the call in flight would move it on from: a refusal with the order still there is a real one.
      let from = state;
      try {
        const configured = state === "configured" ? certificate : await configure(domain, certificateId, signal);
        from = "configured";
        return await submit(
          domain,
          certificateId,
          configured,
          approverEmail,
          dnsimpleV1HostNameOf(certificate, domain),
          signal,
        );
      } catch (error) {
        if (!refusedOutright(error)) throw error;
        // Another caller configured or submitted it meanwhile (DNSimple refuses the same step twice): as it stands.
        const again = await readCertificate(id, signal);
        if (dnsimpleV1StateOf(again.certificate) === from) throw error;
        return dnsimpleV1OrderView(again.certificate, again.domain);
      }
    },

    async findOrders(recovery: OrderRecovery, { signal }: OperationOptions): Promise<CertificateOrder[]> {
      const domain = recovery.parent;
      if (domain === undefined || domain === "") {
        throw invalidInput(
          PROVIDER,
          "recovery",
          "must name the domain the order was sent under (its parent)",
          "findOrders",
        );
      }
      const data = unwrap(await client.GET("/domains/{domain}/certificates", { params: { path: { domain } }, signal }));
      return certificatesIn(data, "GET /domains/{domain}/certificates")
        .filter((certificate) => createdAfterSending(providerTime(certificate.created_at), recovery))
        .map((certificate) => dnsimpleV1OrderView(certificate, domain))
        .filter((order) => order.commonName === recovery.commonName);
    },

    async validation(id: string, { signal }: OperationOptions): Promise<DomainValidation[]> {
      const { certificate, domain } = await readCertificate(id, signal);
      return dnsimpleV1ValidationOf(certificate, dnsimpleV1HostNameOf(certificate, domain));
    },

    async download(id: string, { signal }: OperationOptions): Promise<DownloadedCertificates> {
      const { certificate, domain } = await readCertificate(id, signal);
      const certificates =
        typeof certificate.ssl_certificate === "string" ? pemCertificatesIn(certificate.ssl_certificate) : [];
      if (certificates.length === 0) {
        const state = dnsimpleV1StateOf(certificate);
        throw new CertkitError({
          code: "CONFLICT",
          provider: PROVIDER,
          message: `dnsimple-v1: certificate ${id} holds no signed certificate yet (state ${typeof state === "string" ? state : "unknown"}): download it once it is issued`,
        });
      }
      const privateKey =
        typeof certificate.private_key === "string" && certificate.private_key.trim() !== ""
          ? certificate.private_key
          : undefined;
      const order = dnsimpleV1OrderView(certificate, domain);
      return { certificates, ...(privateKey === undefined ? {} : { privateKey }), order };
    },
  };
}
