// A consumer of everything certkit publishes for applications, written as an application would use it: every
// operation of the five provider clients (each path and method of their generated `paths`) and every operation each
// facade adapter offers. The type-check benchmark measures what it costs tsc to check this file; it is never run.
import {
  createCertificateClient,
  isCertkitError,
  waitForStatus,
  type CertificateBundle,
  type CertificateOrder,
  type DomainValidation,
  type OrderReader,
} from "@certkit/certificates";
import { dnsimple } from "@certkit/certificates/dnsimple";
import { dnsimpleV1 } from "@certkit/certificates/dnsimple-v1";
import { ionosSsl } from "@certkit/certificates/ionos-ssl";
import { resello } from "@certkit/certificates/resello";
import { sslmarket, type SslmarketOrderContacts } from "@certkit/certificates/sslmarket";
import { createDnsimpleClient } from "@certkit/dnsimple";
import { createDnsimpleV1Client } from "@certkit/dnsimple-v1";
import { createIonosSslClient } from "@certkit/ionos-ssl";
import { createReselloClient, unwrapResello } from "@certkit/resello";
import { createSslmarketClient, type CreateOrderRequest } from "@certkit/sslmarket";

/** What the application is configured with: credentials and the names and CSRs it orders. */
export interface ConsumerSettings {
  baseUrl?: string;
  ionosApiKey: string;
  dnsimpleToken: string;
  dnsimpleAccount: number;
  dnsimpleV1Email: string;
  dnsimpleV1Token: string;
  dnsimpleV1ContactId: number;
  reselloReference: string;
  reselloApiKey: string;
  reselloPlan: string;
  sslmarketToken: string;
  sslmarketContacts: SslmarketOrderContacts;
  domain: string;
  csr: string;
}

/** The data of a call's answer; its error (a `CertkitError`) is thrown. */
function check<T>(result: { data?: T; error?: Error }): T {
  if (result.error !== undefined) throw result.error;
  return result.data as T;
}

/** Every operation of `@certkit/ionos-ssl`. */
export async function useIonosClient(settings: ConsumerSettings): Promise<string[]> {
  const client = createIonosSslClient({ apiKey: settings.ionosApiKey, baseUrl: settings.baseUrl, maxConcurrency: 4 });
  const seen: string[] = [];
  const list = check(await client.GET("/v1/certificates", { params: { query: { page: 1, size: 50 } } }));
  for (const certificate of list.certificates ?? []) seen.push(`${certificate.commonName} ${certificate.status}`);
  const quota = check(await client.GET("/v1/certificates/quota"));
  seen.push(`quota ${quota.used ?? 0}/${quota.total ?? 0}`);
  const created = check(
    await client.POST("/v1/certificates", {
      body: {
        certificateType: "SSL_STARTER",
        commonName: settings.domain,
        csr: settings.csr,
        authenticationMethod: "DNS",
      },
    }),
  );
  const id = created.id ?? "";
  const authenticationId = created.authenticationSummary?.id ?? "";
  check(
    await client.POST("/v1/certificates/{id}/authentications/{authenticationId}", {
      params: { path: { id, authenticationId }, query: { action: "DCV_READY" } },
    }),
  );
  const details = check(await client.GET("/v1/certificates/{id}", { params: { path: { id } }, timeoutMs: 10_000 }));
  seen.push(
    details.certificate ?? "",
    ...(details.caCertificates ?? []).map((authority) => authority.certificate ?? ""),
  );
  const removed = await client.DELETE("/v1/certificates/{id}", { params: { path: { id } } });
  if (removed.error) seen.push(`${removed.error.status} ${removed.error.message}`);
  return seen;
}

/** Every operation of `@certkit/dnsimple`. */
export async function useDnsimpleClient(settings: ConsumerSettings): Promise<string[]> {
  const client = createDnsimpleClient({
    token: settings.dnsimpleToken,
    baseUrl: settings.baseUrl,
    retry: { maxAttempts: 5 },
  });
  const seen: string[] = [];
  const whoami = check(await client.GET("/whoami"));
  const account = whoami.data.account?.id ?? settings.dnsimpleAccount;
  const domains = check(
    await client.GET("/{account}/domains", { params: { path: { account }, query: { page: 1, per_page: 100 } } }),
  );
  const domain = domains.data[0]?.name ?? settings.domain;
  const certificates = check(
    await client.GET("/{account}/domains/{domain}/certificates", {
      params: { path: { account, domain }, query: { sort: "expiration:asc", page: 1, per_page: 100 } },
    }),
  );
  seen.push(...certificates.data.map((certificate) => `${certificate.common_name} ${certificate.state}`));
  const purchase = check(
    await client.POST("/{account}/domains/{domain}/certificates/letsencrypt", {
      params: { path: { account, domain } },
      body: { name: "www", alternate_names: [domain], auto_renew: true, signature_algorithm: "ECDSA" },
    }),
  );
  const issued = check(
    await client.POST("/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue", {
      params: { path: { account, domain, purchaseId: purchase.data.id } },
    }),
  );
  const path = { account, domain, certificate: issued.data.id };
  const certificate = check(
    await client.GET("/{account}/domains/{domain}/certificates/{certificate}", { params: { path } }),
  );
  seen.push(certificate.data.state);
  const bundle = check(
    await client.GET("/{account}/domains/{domain}/certificates/{certificate}/download", { params: { path } }),
  );
  seen.push(bundle.data.server ?? "", ...(bundle.data.chain ?? []));
  const key = check(
    await client.GET("/{account}/domains/{domain}/certificates/{certificate}/private_key", { params: { path } }),
  );
  seen.push(key.data.private_key);
  const renewal = check(
    await client.POST("/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals", {
      params: { path },
      body: { auto_renew: false, signature_algorithm: "RSA" },
    }),
  );
  const renewed = check(
    await client.POST("/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals/{renewalId}/issue", {
      params: { path: { ...path, renewalId: renewal.data.id } },
    }),
  );
  seen.push(renewed.data.state);
  const webhooks = check(await client.GET("/{account}/webhooks", { params: { path: { account } } }));
  seen.push(...webhooks.data.map((webhook) => webhook.url ?? ""));
  const webhook = check(
    await client.POST("/{account}/webhooks", {
      params: { path: { account } },
      body: { url: "https://hooks.example.com/dnsimple" },
    }),
  );
  const read = check(
    await client.GET("/{account}/webhooks/{webhook}", { params: { path: { account, webhook: webhook.data.id } } }),
  );
  seen.push(read.data.url ?? "");
  await client.DELETE("/{account}/webhooks/{webhook}", { params: { path: { account, webhook: webhook.data.id } } });
  seen.push(`${client.rateLimit?.remaining ?? "?"} requests left`);
  return seen;
}

/** Every operation of `@certkit/dnsimple-v1`. */
export async function useDnsimpleV1Client(settings: ConsumerSettings): Promise<string[]> {
  const client = createDnsimpleV1Client({
    email: settings.dnsimpleV1Email,
    token: settings.dnsimpleV1Token,
    baseUrl: settings.baseUrl,
  });
  const seen: string[] = [];
  const domains = check(await client.GET("/domains"));
  const domain = domains[0]?.domain.name ?? settings.domain;
  const certificates = check(await client.GET("/domains/{domain}/certificates", { params: { path: { domain } } }));
  seen.push(...certificates.map(({ certificate }) => `${certificate.name} ${certificate.state}`));
  const purchased = check(
    await client.POST("/domains/{domain}/certificates", {
      params: { path: { domain } },
      body: { certificate: { name: "www", contact_id: settings.dnsimpleV1ContactId, csr: settings.csr } },
    }),
  );
  const id = purchased.certificate.id;
  const configured = check(
    await client.PUT("/domains/{domain}/certificates/{id}/configure", { params: { path: { domain, id } } }),
  );
  seen.push(...(configured.certificate.approver_emails ?? []));
  const submitted = check(
    await client.PUT("/domains/{domain}/certificates/{id}/submit", {
      params: { path: { domain, id } },
      body: { certificate: { approver_email: `admin@${domain}` } },
    }),
  );
  seen.push(submitted.certificate.state ?? "");
  const certificate = check(
    await client.GET("/domains/{domain}/certificates/{id}", { params: { path: { domain, id } } }),
  );
  seen.push(certificate.certificate.ssl_certificate ?? "");
  return seen;
}

/** Every operation of `@certkit/resello`. */
export async function useReselloClient(settings: ConsumerSettings): Promise<string[]> {
  const client = createReselloClient({
    resellerReference: settings.reselloReference,
    apiKey: settings.reselloApiKey,
    baseUrl: settings.baseUrl,
  });
  const seen: string[] = [];
  const plans = unwrapResello(
    check(await client.GET("/ssl-certificate-plan", { params: { query: { name: "PositiveSSL" } } })),
  );
  const plan = plans[0]?.id ?? settings.reselloPlan;
  const existing = unwrapResello(
    check(await client.GET("/ssl-certificate", { params: { query: { plan, client_reference: "order-1" } } })),
  );
  seen.push(...existing.map((certificate) => `${certificate.id} ${certificate.status}`));
  const created = check(
    await client.POST("/ssl-certificate", {
      body: { csr: settings.csr, dcv_type: "DNS", plan, client_reference: "order-1", company_name: "Example Shop Ltd" },
    }),
  );
  const id = unwrapResello(created).id ?? "";
  const path = { params: { path: { id } } };
  const validation = check(await client.GET("/ssl-certificate/{id}/validation-details", path));
  seen.push(JSON.stringify(unwrapResello(validation)));
  check(
    await client.POST("/ssl-certificate/{id}/validate", {
      ...path,
      body: { dcv_type: "DNS", domain: settings.domain },
    }),
  );
  const certificate = check(await client.GET("/ssl-certificate/{id}", path));
  seen.push(unwrapResello(certificate).status ?? "");
  const crt = check(await client.GET("/ssl-certificate/{id}/download-crt", path));
  const ca = check(await client.GET("/ssl-certificate/{id}/download-ca", path));
  const csr = check(await client.GET("/ssl-certificate/{id}/download-csr", path));
  seen.push(String(crt), String(ca), String(csr));
  const zip = check(await client.GET("/ssl-certificate/{id}/download-zip", { ...path, parseAs: "blob" }));
  const pkcs7 = check(await client.GET("/ssl-certificate/{id}/download-pkcs7", { ...path, parseAs: "arrayBuffer" }));
  seen.push(`${zip.size} + ${pkcs7.byteLength} bytes`);
  check(await client.POST("/ssl-certificate/{id}/renew", { ...path, body: { csr: settings.csr, dcv_type: "DNS" } }));
  check(
    await client.POST("/ssl-certificate/{id}/reissue", { ...path, body: { csr: settings.csr, dcv_type: "EMAIL" } }),
  );
  check(await client.DELETE("/ssl-certificate/{id}", path));
  return seen;
}

/** Every operation of `@certkit/sslmarket`. */
export async function useSslmarketClient(settings: ConsumerSettings): Promise<string[]> {
  const client = createSslmarketClient({
    token: settings.sslmarketToken,
    baseUrl: settings.baseUrl,
    onEvent: (event) => void event.type,
  });
  const seen: string[] = [];
  const products = check(await client.GET("/product/list"));
  const product = products.products[0]?.product_code ?? "GEOTRUST_DV";
  const orders = check(await client.GET("/order/list"));
  seen.push(...orders.orders.map((order) => `${order.order_id} ${order.state}`));
  const order: CreateOrderRequest = {
    ...settings.sslmarketContacts,
    domain: settings.domain,
    years: 1,
    csr: settings.csr,
    dv_auth_method: "DNS",
  };
  const created = check(
    await client.POST("/order/certificate/{product_code}", {
      params: { path: { product_code: product } },
      body: order,
    }),
  );
  const path = { params: { path: { order_id: created.order_id } } };
  check(await client.PUT("/order/order_id/{order_id}", { ...path, body: { dv_auth_method: "Email" } }));
  check(await client.PUT("/certificate/order_id/{order_id}/resend", path));
  const details = check(await client.GET("/order/order_id/{order_id}", path));
  seen.push(details.state ?? "");
  const pem = check(
    await client.GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: created.order_id, format: "pem_server" } },
      parseAs: "text",
    }),
  );
  seen.push(pem);
  check(await client.POST("/certificate/order_id/{order_id}/reissue", { ...path, body: { csr: settings.csr } }));
  check(await client.PUT("/certificate/order_id/{order_id}/cancel-reissue", path));
  check(await client.PUT("/certificate/order_id/{order_id}/revoke", path));
  const decodedCsr = check(await client.POST("/tool/decoder/csr", { body: { csr: settings.csr } }));
  const decoded = check(await client.POST("/tool/decoder/certificate", { body: { certificate: pem } }));
  const ocsp = check(await client.POST("/tool/ocsp", { body: { certificate: pem } }));
  seen.push(JSON.stringify([decodedCsr, decoded, ocsp]));
  return seen;
}

/** What a list shows: every order, a page at a time. */
async function describeAll(orders: AsyncIterable<CertificateOrder>): Promise<string[]> {
  const lines: string[] = [];
  for await (const { commonName, status, validUntil } of orders)
    lines.push(`${commonName} ${status} ${validUntil ?? ""}`);
  return lines;
}

/** What the customer must publish or approve. */
function describeValidation(validation: readonly DomainValidation[]): string[] {
  return validation.map(
    ({ domain, dns, file, email }) => `${domain}: ${dns?.value ?? file?.content ?? email?.approvers.join(", ") ?? ""}`,
  );
}

/** `fullchain.pem` of a bundle. */
function fullChain(bundle: CertificateBundle): string {
  return bundle.certificate + bundle.chain.join("");
}

/** Waits for issuance, and says so when it took too long. */
async function waitForIssued(certs: OrderReader, id: string, signal: AbortSignal): Promise<CertificateOrder> {
  try {
    return await waitForStatus(certs, id, {
      until: ["issued", "expired"],
      intervalMs: 1_000,
      maxIntervalMs: 30_000,
      signal,
    });
  } catch (error) {
    if (isCertkitError(error) && error.code === "TIMEOUT")
      throw new Error(`order ${id} is not issued yet`, { cause: error });
    throw error;
  }
}

/** Every operation of the facade's IONOS adapter. */
export async function useIonosFacade(settings: ConsumerSettings, signal: AbortSignal): Promise<string[]> {
  const certs = createCertificateClient(
    ionosSsl({ apiKey: settings.ionosApiKey, baseUrl: settings.baseUrl, defaultProduct: "SSL_STARTER" }),
  );
  const seen = await describeAll(certs.list({ signal }));
  const order = await certs.order(
    { commonName: settings.domain, csr: settings.csr, validationMethod: "dns" },
    { signal },
  );
  seen.push(...describeValidation(await certs.validation(order.id)));
  await certs.confirmValidation(order.id);
  const issued = await waitForIssued(certs, order.id, signal);
  seen.push(fullChain(await certs.download(issued.id)));
  const cancelled = await certs.cancel((await certs.get(issued.id)).id);
  seen.push(cancelled.status);
  return seen;
}

/** Every operation of the facade's DNSimple adapter. */
export async function useDnsimpleFacade(settings: ConsumerSettings, signal: AbortSignal): Promise<string[]> {
  const certs = createCertificateClient(
    dnsimple({
      token: settings.dnsimpleToken,
      baseUrl: settings.baseUrl,
      accountId: settings.dnsimpleAccount,
      domains: [settings.domain],
    }),
  );
  const seen = await describeAll(certs.list({ signal }));
  const order = await certs.order({ commonName: `www.${settings.domain}`, altNames: [settings.domain] }, { signal });
  seen.push(...describeValidation(await certs.validation(order.id)));
  const issued = await waitForIssued(certs, order.id, signal);
  const bundle = await certs.download(issued.id);
  seen.push(fullChain(bundle), bundle.privateKey ?? "");
  const renewal = await certs.renew((await certs.get(issued.id)).id);
  seen.push(renewal.id);
  return seen;
}

/** Every operation of the facade's DNSimple v1 adapter. */
export async function useDnsimpleV1Facade(settings: ConsumerSettings, signal: AbortSignal): Promise<string[]> {
  const certs = createCertificateClient(
    dnsimpleV1({
      email: settings.dnsimpleV1Email,
      token: settings.dnsimpleV1Token,
      contactId: settings.dnsimpleV1ContactId,
      baseUrl: settings.baseUrl,
    }),
  );
  const seen = await describeAll(certs.list({ signal }));
  const order = await certs.order({
    commonName: settings.domain,
    csr: settings.csr,
    approverEmail: `admin@${settings.domain}`,
  });
  seen.push(...describeValidation(await certs.validation(order.id)));
  const issued = await waitForIssued(certs, order.id, signal);
  seen.push(fullChain(await certs.download(issued.id)), (await certs.get(issued.id)).status);
  return seen;
}

/** Every operation of the facade's Resello adapter. */
export async function useReselloFacade(settings: ConsumerSettings, signal: AbortSignal): Promise<string[]> {
  const certs = createCertificateClient(
    resello({
      resellerReference: settings.reselloReference,
      apiKey: settings.reselloApiKey,
      plan: settings.reselloPlan,
      baseUrl: settings.baseUrl,
    }),
  );
  const seen = await describeAll(certs.list({ signal }));
  const order = await certs.order({
    commonName: settings.domain,
    csr: settings.csr,
    validationMethod: "file",
    clientReference: "order-2",
  });
  seen.push(...describeValidation(await certs.validation(order.id)));
  await certs.confirmValidation(order.id, { signal });
  const issued = await waitForIssued(certs, order.id, signal);
  seen.push(fullChain(await certs.download(issued.id)));
  const renewed = await certs.renew(issued.id, { csr: settings.csr });
  const reissued = await certs.reissue(renewed.id, { csr: settings.csr, signal });
  const cancelled = await certs.cancel((await certs.get(reissued.id)).id);
  seen.push(cancelled.status);
  return seen;
}

/** Every operation of the facade's SSLmarket adapter. */
export async function useSslmarketFacade(settings: ConsumerSettings, signal: AbortSignal): Promise<string[]> {
  const certs = createCertificateClient(
    sslmarket({ token: settings.sslmarketToken, contacts: settings.sslmarketContacts, baseUrl: settings.baseUrl }),
  );
  const seen = await describeAll(certs.list({ signal }));
  const order = await certs.order({
    commonName: settings.domain,
    csr: settings.csr,
    validationMethod: "email",
    years: 1,
  });
  seen.push(...describeValidation(await certs.validation(order.id)));
  const issued = await waitForIssued(certs, order.id, signal);
  seen.push(fullChain(await certs.download(issued.id)));
  const reissued = await certs.reissue((await certs.get(issued.id)).id, { csr: settings.csr });
  const revoked = await certs.revoke(reissued.id, { reason: "key compromise" });
  seen.push(revoked.status);
  return seen;
}
