import { createDnsimpleClient, type Certificate, type DnsimpleClient, type Pagination } from "@certkit/dnsimple";
import { CertkitError, isCertkitError, unwrap } from "@certkit/runtime";
import type { CertificateAdapter, DownloadedCertificates, OperationOptions, ReplaceOptions } from "../../adapter.js";
import { pemCertificatesIn } from "../../bundle/pem-certificates.js";
import type { CertificateOrder, DomainValidation } from "../../certificate-order.js";
import { invalidInput } from "../../checks/invalid-input.js";
import type { CheckedOrderRequest } from "../../order-request.js";
import type { LostOrder } from "../../recovery/guarded-order-steps.js";
import { createdAfterSending, hasOrderedNames, type OrderRecovery } from "../../recovery/order-recovery.js";
import { foundBeforeCap, MAX_RECOVERY_PAGES, recoveryPagesExceeded } from "../../recovery/recovery-pages.js";
import { refusedOutright } from "../../recovery/refused-outright.js";
import { DNSIMPLE_CAPABILITIES, DNSIMPLE_LETSENCRYPT_PRODUCT, dnsimpleProductLimits } from "./dnsimple-capabilities.js";
import { chooseDomain, purchaseName } from "./dnsimple-domains.js";
import {
  decodeDnsimpleOrderId,
  dnsimpleIdIn,
  encodeDnsimpleOrderId,
  type DnsimpleCertificateRef,
} from "./dnsimple-order-id.js";
import { dnsimpleOrderView } from "./dnsimple-order-view.js";
import { readDnsimpleOptions, type DnsimpleAdapterOptions } from "./dnsimple-adapter-options.js";

/** The DNSimple adapter's type: every operation of {@link DNSIMPLE_CAPABILITIES}, the others left out. */
export type DnsimpleAdapter = CertificateAdapter<typeof DNSIMPLE_CAPABILITIES, "dnsimple">;

/** Every item of a DNSimple list, one page at a time, as the loop asks for more; past `maxPages`, a `PROVIDER` error. */
async function* everyItem<T>(
  readPage: (page: number) => Promise<{ data: T[]; pagination: Pagination }>,
  maxPages = Infinity,
): AsyncGenerator<T> {
  for (let page = 1; ; page++) {
    if (page > maxPages) throw recoveryPagesExceeded("dnsimple");
    const { data, pagination } = await readPage(page);
    yield* data;
    if (data.length === 0 || pagination.current_page >= pagination.total_pages) return;
  }
}

/** The ids of a Let's Encrypt purchase's answer (`{ data: { id, certificate_id } }`), checked. */
function purchaseIn(answer: unknown): { id: number; certificate_id: number } {
  const data = (answer as { data?: { id?: unknown; certificate_id?: unknown } | null } | null)?.data;
  return {
    id: dnsimpleIdIn(data?.id, "purchase id"),
    certificate_id: dnsimpleIdIn(data?.certificate_id, "certificate_id"),
  };
}

/**
 * The ids of a renewal's answer (`{ data: { id, new_certificate_id } }`), checked. DNSimple answered 2xx, so the
 * renewal was bought: an answer naming no renewal is an error whose effect is known to be there.
 */
function renewalIn(answer: unknown, ref: DnsimpleCertificateRef): { id: number; new_certificate_id: number } {
  const data = (answer as { data?: { id?: unknown; new_certificate_id?: unknown } | null } | null)?.data;
  try {
    return {
      id: dnsimpleIdIn(data?.id, "renewal id"),
      new_certificate_id: dnsimpleIdIn(data?.new_certificate_id, "new_certificate_id"),
    };
  } catch (error) {
    throw new CertkitError({
      code: "PROVIDER",
      provider: "dnsimple",
      message:
        `renew: DNSimple accepted the renewal of certificate ${ref.certificate} but its answer names no renewal ` +
        `(${(error as Error).message}): the renewal is bought. Do not renew again: look at ${ref.domain}'s certificates ` +
        "for the new one (list(), or DNSimple's console)",
      retryable: false,
      effectUnknown: true,
      cause: error,
    });
  }
}

/** The domain of a recovery's `<account>/<domain>` when it is `account`'s, else `undefined`. */
function recordedDomain(parent: string | undefined, account: number): string | undefined {
  const slash = parent?.indexOf("/") ?? -1;
  if (slash <= 0 || Number(parent!.slice(0, slash)) !== account) return undefined;
  return parent!.slice(slash + 1) || undefined;
}

/**
 * The facade's adapter for DNSimple API v2 Let's Encrypt certificates, over `@certkit/dnsimple`'s client. Use it with
 * `createCertificateClient(dnsimple({ token }))`.
 *
 * - `list()` walks the account's domains (or the `domains` option) and each domain's certificates, a page at a time.
 * - Order ids are `<account>/<domain>/<certificate>` (see `encodeDnsimpleOrderId`).
 * - `order()` buys a Let's Encrypt certificate under the account's domain that holds every name, then asks DNSimple
 *   to issue it: the order comes back `processing` (state `requesting`). `finishOrder()` issues one left `new`. There
 *   is nothing to publish: DNSimple answers the DNS challenge itself, and `validation()` shows one `dns` entry per name
 *   without a record.
 * - `download()` gives the certificate, its chain and the private key DNSimple made.
 * - `renew()` buys a renewal and issues it, and gives the NEW certificate's order (with its own id). A renewal left
 *   `new` is issued by its renewal's id, which `finishOrder()` cannot learn: it fails `UNSUPPORTED`, saying how.
 *
 * @throws CertkitError `INVALID_INPUT` when an option is malformed (see {@link DnsimpleAdapterOptions}); no request is sent.
 * @example
 * ```ts
 * const certificates = createCertificateClient(dnsimple({ token: process.env.DNSIMPLE_TOKEN! }));
 * const order = await certificates.order({ commonName: "www.example.com", altNames: ["example.com"] });
 * ```
 */
export function dnsimple(options: DnsimpleAdapterOptions): DnsimpleAdapter {
  const { client: clientOptions, settings } = readDnsimpleOptions(options);
  const client: DnsimpleClient = createDnsimpleClient(clientOptions);
  let cachedAccount: Promise<number> | undefined;

  /** The account: the `accountId` setting, or the credentials' own account from `GET /whoami` (asked once). */
  function readAccount(signal: AbortSignal | undefined): Promise<number> {
    if (settings.accountId !== undefined) return Promise.resolve(settings.accountId);
    cachedAccount ??= whoami(signal).catch((error: unknown) => {
      cachedAccount = undefined;
      throw error;
    });
    return cachedAccount;
  }

  async function whoami(signal: AbortSignal | undefined): Promise<number> {
    const { data } = unwrap(await client.GET("/whoami", { signal }));
    if (!data.account) {
      throw new CertkitError({
        code: "INVALID_INPUT",
        provider: "dnsimple",
        message:
          'dnsimple: these credentials are a user\'s, which has no account of its own: give the adapter option "accountId"',
        fieldErrors: { accountId: ["is required with a user's credentials"] },
      });
    }
    return data.account.id;
  }

  /** The domains to work with: the `domains` setting, or every domain of the account, a page at a time. */
  async function* accountDomains(account: number, signal: AbortSignal | undefined): AsyncGenerator<string> {
    if (settings.domains) {
      yield* settings.domains;
      return;
    }
    const per_page = settings.pageSize;
    for await (const domain of everyItem(async (page) =>
      unwrap(
        await client.GET("/{account}/domains", { params: { path: { account }, query: { page, per_page } }, signal }),
      ),
    )) {
      yield domain.name;
    }
  }

  /**
   * The certificates of one domain: oldest first (`id:asc`, so certificates bought meanwhile come at the end), or
   * newest first (`id:desc`); past `maxPages`, a `PROVIDER` error.
   */
  function domainCertificates(
    account: number,
    domain: string,
    signal: AbortSignal | undefined,
    sort: "id:asc" | "id:desc" = "id:asc",
    maxPages = Infinity,
  ): AsyncGenerator<Certificate> {
    const per_page = settings.pageSize;
    return everyItem(
      async (page) =>
        unwrap(
          await client.GET("/{account}/domains/{domain}/certificates", {
            params: { path: { account, domain }, query: { sort, page, per_page } },
            signal,
          }),
        ),
      maxPages,
    );
  }

  /** The certificate an order id names, as DNSimple sends it, and where it is. */
  async function readRawCertificate(id: string, signal: AbortSignal | undefined) {
    const ref = decodeDnsimpleOrderId(id);
    const { data } = unwrap(
      await client.GET("/{account}/domains/{domain}/certificates/{certificate}", { params: { path: ref }, signal }),
    );
    return { ref, certificate: data };
  }

  async function readCertificate(id: string, signal: AbortSignal | undefined): Promise<CertificateOrder> {
    const { ref, certificate } = await readRawCertificate(id, signal);
    return dnsimpleOrderView(certificate, ref.account, ref.domain);
  }

  /** Where an order for `request` is bought (the account, and the domain its names are in), and what finds it again. */
  async function purchaseTarget(
    request: CheckedOrderRequest,
    signal: AbortSignal | undefined,
  ): Promise<{ account: number; domain: string; recovery: LostOrder }> {
    const account = await readAccount(signal);
    // The recovery's domain, found by orderRecovery() moments ago for this account, spares listing every domain again.
    const recorded = recordedDomain(request.recoveryParent, account);
    const domains = recorded === undefined ? accountDomains(account, signal) : [recorded];
    const domain = await chooseDomain(request.commonName, request.altNames, domains);
    const recovery: LostOrder = {
      provider: "dnsimple",
      commonName: request.commonName,
      altNames: request.altNames,
      product: DNSIMPLE_LETSENCRYPT_PRODUCT,
      parent: `${account}/${domain}`,
    };
    return { account, domain, recovery };
  }

  /**
   * Purchases a Let's Encrypt certificate under the domain the names are in, then asks DNSimple to issue it. The
   * purchase is sent once; when the issue fails, the purchase is named in an `OrderIncompleteError`.
   */
  async function orderCertificate(
    request: CheckedOrderRequest,
    signal: AbortSignal | undefined,
  ): Promise<CertificateOrder> {
    const lost = await purchaseTarget(request, signal);
    const { account, domain } = lost;
    const { autoRenew, signatureAlgorithm } = settings;
    const path = { account, domain };
    // The purchase's safeguards load with the first order (reading orders never needs them).
    const { afterPlacing, placeOrder, readPlacedOrder } = await import("../../recovery/guarded-order-steps.js");
    const answer: unknown = await placeOrder(
      async () =>
        unwrap(
          await client.POST("/{account}/domains/{domain}/certificates/letsencrypt", {
            params: { path },
            body: {
              name: purchaseName(request.commonName, domain),
              alternate_names: request.altNames,
              ...(autoRenew === undefined ? {} : { auto_renew: autoRenew }),
              ...(signatureAlgorithm === undefined ? {} : { signature_algorithm: signatureAlgorithm }),
            },
            signal,
          }),
        ),
      () => lost.recovery,
    );
    // An answer naming no purchase leaves the order to be looked for like a lost one.
    const purchase = readPlacedOrder(
      () => purchaseIn(answer),
      () => lost.recovery,
    );
    const id = encodeDnsimpleOrderId({ account, domain, certificate: purchase.certificate_id });
    const created = {
      id,
      failedStep: "issue" as const,
      providerIds: { purchaseId: purchase.id, certificateId: purchase.certificate_id },
    };
    const nextStep = `get("${id}") shows it: \`new\` until it is issued. finishOrder("${id}") issues it.`;
    return afterPlacing({ provider: "dnsimple", created, nextStep }, () =>
      issuePurchase(account, domain, purchase.id, signal),
    );
  }

  /** Asks DNSimple to issue a purchased Let's Encrypt certificate. */
  async function issuePurchase(
    account: number,
    domain: string,
    purchaseId: number,
    signal: AbortSignal | undefined,
  ): Promise<CertificateOrder> {
    const { data } = unwrap(
      await client.POST("/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue", {
        params: { path: { account, domain, purchaseId } },
        signal,
      }),
    );
    return dnsimpleOrderView(data, account, domain);
  }

  /**
   * Issues the certificate when it was bought and left `new` (order() stopped between purchase and issue), by its
   * own id: in every recorded answer a purchase's id equals its certificate_id, and the client's README says so.
   * A renewal's new certificate is no purchase, and only its renewal can issue it, by an id no answer about the
   * certificate holds: that is said, not guessed. Refused because another caller issued it meanwhile, it is read.
   */
  async function finishCertificate(id: string, signal: AbortSignal | undefined): Promise<CertificateOrder> {
    const { ref, certificate } = await readRawCertificate(id, signal);
    if (certificate.state !== "new") return dnsimpleOrderView(certificate, ref.account, ref.domain);
    try {
      return await issuePurchase(ref.account, ref.domain, ref.certificate, signal);
    } catch (error) {
      if (refusedOutright(error)) {
        // Another caller issued it meanwhile (DNSimple refuses a second issue): the order is as it now stands.
        const again = await readRawCertificate(id, signal);
        if (again.certificate.state !== "new") return dnsimpleOrderView(again.certificate, ref.account, ref.domain);
      }
      if (!isCertkitError(error, "NOT_FOUND")) throw error;
      throw new CertkitError({
        code: "UNSUPPORTED",
        provider: "dnsimple",
        message:
          `dnsimple: finishOrder("${id}"): the certificate is new, but no purchase has its id, so it is most likely ` +
          "a renewal's, which only its renewal can issue: POST " +
          `/${ref.account}/domains/${ref.domain}/certificates/letsencrypt/{the renewed certificate}/renewals/{renewalId}` +
          "/issue with @certkit/dnsimple, the renewal's id being the " +
          "providerIds.renewalId of the OrderIncompleteError renew() gave. Nothing was bought",
        cause: error,
      });
    }
  }

  /**
   * The certificates under the recovery's `<account>/<domain>` with its names, bought since it was sent (Let's
   * Encrypt purchases only), newest first: the list is read newest first and stops at the first older certificate.
   */
  async function findLostOrders(recovery: OrderRecovery, signal: AbortSignal | undefined): Promise<CertificateOrder[]> {
    const slash = recovery.parent?.indexOf("/") ?? -1;
    const account = Number(recovery.parent?.slice(0, slash));
    const domain = recovery.parent?.slice(slash + 1) ?? "";
    if (slash < 1 || !Number.isSafeInteger(account) || domain === "") {
      throw invalidInput(
        "dnsimple",
        "recovery",
        "must name the <account>/<domain> the order was sent under (its parent)",
        "findOrders",
      );
    }
    const found: CertificateOrder[] = [];
    try {
      for await (const certificate of domainCertificates(account, domain, signal, "id:desc", MAX_RECOVERY_PAGES)) {
        if (!createdAfterSending(certificate.created_at, recovery)) break;
        const order = dnsimpleOrderView(certificate, account, domain);
        if (certificate.authority_identifier === DNSIMPLE_LETSENCRYPT_PRODUCT && hasOrderedNames(order, recovery))
          found.push(order);
      }
    } catch (error) {
      return foundBeforeCap(found, error);
    }
    return found;
  }

  /** The certificate, its chain (and root, when DNSimple sends one), the private key DNSimple made, and the order. */
  async function downloadCertificate(id: string, signal: AbortSignal | undefined): Promise<DownloadedCertificates> {
    const ref = decodeDnsimpleOrderId(id);
    const init = { params: { path: ref }, signal };
    const [bundle, key, order] = await Promise.all([
      client.GET("/{account}/domains/{domain}/certificates/{certificate}/download", init).then(unwrap),
      client.GET("/{account}/domains/{domain}/certificates/{certificate}/private_key", init).then(unwrap),
      readCertificate(id, signal),
    ]);
    const { server, chain, root } = bundle.data;
    const parts = [server, ...(Array.isArray(chain) ? chain : []), ...(root ? [root] : [])];
    const certificates = parts.flatMap((part) => pemCertificatesIn(String(part)));
    return { certificates, privateKey: key.data.private_key, order };
  }

  /** Purchases a renewal of the certificate and issues it: the answer is the NEW certificate's order. */
  async function renewCertificate(id: string, options: ReplaceOptions): Promise<CertificateOrder> {
    const ref = decodeDnsimpleOrderId(id);
    if (options.csr !== undefined)
      throw invalidInput("dnsimple", "csr", "is not taken: DNSimple makes the key of a renewal itself");
    const { signal } = options;
    const certificatePath = { params: { path: ref }, signal };
    // Without an autoRenew setting, the renewal keeps the old certificate's (DNSimple's default for a renewal is not documented).
    const autoRenew =
      settings.autoRenew ??
      unwrap(await client.GET("/{account}/domains/{domain}/certificates/{certificate}", certificatePath)).data
        .auto_renew;
    const { signatureAlgorithm } = settings;
    const answer: unknown = unwrap(
      await client.POST("/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals", {
        ...certificatePath,
        body: {
          auto_renew: autoRenew,
          ...(signatureAlgorithm === undefined ? {} : { signature_algorithm: signatureAlgorithm }),
        },
      }),
    );
    const renewal = renewalIn(answer, ref);
    const { afterPlacing } = await import("../../recovery/guarded-order-steps.js");
    const newId = encodeDnsimpleOrderId({ ...ref, certificate: renewal.new_certificate_id });
    const created = {
      id: newId,
      failedStep: "issue" as const,
      providerIds: { renewalId: renewal.id, certificateId: renewal.new_certificate_id },
    };
    const nextStep =
      `get("${newId}") shows the new certificate. Issue it with @certkit/dnsimple ` +
      `(POST /${ref.account}/domains/${ref.domain}/certificates/letsencrypt/${ref.certificate}/renewals/${renewal.id}/issue)`;
    return afterPlacing({ provider: "dnsimple", operation: "renew", created, nextStep }, async () => {
      const { data } = unwrap(
        await client.POST(
          "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals/{renewalId}/issue",
          {
            params: { path: { ...ref, renewalId: renewal.id } },
            signal,
          },
        ),
      );
      return dnsimpleOrderView(data, ref.account, ref.domain);
    });
  }
  return {
    provider: "dnsimple" as const,
    capabilities: DNSIMPLE_CAPABILITIES,
    get rateLimit() {
      return client.rateLimit;
    },
    productLimits: dnsimpleProductLimits,
    // DNSimple's API sells Let's Encrypt certificates only.
    catalog: [DNSIMPLE_LETSENCRYPT_PRODUCT],
    async *list({ signal }: OperationOptions): AsyncIterable<CertificateOrder> {
      const account = await readAccount(signal);
      for await (const domain of accountDomains(account, signal)) {
        for await (const certificate of domainCertificates(account, domain, signal))
          yield dnsimpleOrderView(certificate, account, domain);
      }
    },
    get: (id, { signal }) => readCertificate(id, signal),
    order: (request, { signal }) => orderCertificate(request, signal),
    orderRecovery: async (request, { signal }) => (await purchaseTarget(request, signal)).recovery,
    findOrders: (recovery, { signal }) => findLostOrders(recovery, signal),
    finishOrder: (id, { signal }) => finishCertificate(id, signal),
    validation: async (id, { signal }): Promise<DomainValidation[]> => (await readCertificate(id, signal)).validation,
    download: (id, { signal }) => downloadCertificate(id, signal),
    renew: (id, replaceOptions) => renewCertificate(id, replaceOptions),
  };
}
