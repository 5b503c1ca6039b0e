import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createDnsimpleClient } from "../src/index.js";
import {
  ACCOUNT_ID,
  accountWhoami,
  bundle,
  CERTIFICATE_ID,
  DOMAIN,
  domain,
  issuedCertificate,
  pagination,
  PRIVATE_KEY_PEM,
  purchase,
  rateLimitHeaders,
  RENEWAL_ID,
  renewal,
  renewedCertificate,
  requestingCertificate,
  SERVER_PEM,
  webhook,
  WEBHOOK_ID,
} from "./support/fixtures.js";
import { BASE_URL, requests, server, TOKEN } from "./support/server.js";

const dnsimple = () => createDnsimpleClient({ token: TOKEN, baseUrl: BASE_URL });
const certificates = `${BASE_URL}/:account/domains/:domain/certificates`;

/** The one request the call sent, after checking that it carried the token. */
function onlyRequest(): Request {
  expect(requests).toHaveLength(1);
  const [request] = requests;
  expect(request?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  return request!;
}

const path = (request: Request) => new URL(request.url).pathname;
const certificatePath = { account: ACCOUNT_ID, domain: DOMAIN, certificate: CERTIFICATE_ID };

describe("every DNSimple operation", () => {
  it("whoami returns the account of an account token", async () => {
    server.use(
      http.get(`${BASE_URL}/whoami`, () => HttpResponse.json({ data: accountWhoami }, { headers: rateLimitHeaders })),
    );
    const client = dnsimple();
    const { data, error } = await client.GET("/whoami");
    expect(error).toBeUndefined();
    expect(data?.data.account?.id).toBe(ACCOUNT_ID);
    expect(data?.data.user).toBeNull();
    expect(path(onlyRequest())).toBe("/v2/whoami");
    expect(client.rateLimit).toMatchObject({ limit: 2400, remaining: 2396 });
  });

  it("listDomains puts the account in the path and sends page and per_page", async () => {
    server.use(
      http.get(`${BASE_URL}/:account/domains`, () =>
        HttpResponse.json({ data: [domain], pagination: pagination(2, 50, 51) }),
      ),
    );
    const { data } = await dnsimple().GET("/{account}/domains", {
      params: { path: { account: ACCOUNT_ID }, query: { page: 2, per_page: 50 } },
    });
    expect(data?.data[0]?.name).toBe(DOMAIN);
    expect(data?.pagination).toEqual({ current_page: 2, per_page: 50, total_entries: 51, total_pages: 2 });
    const url = new URL(onlyRequest().url);
    expect(url.pathname).toBe(`/v2/${ACCOUNT_ID}/domains`);
    expect(url.search).toBe("?page=2&per_page=50");
  });

  it("listCertificates serializes sort, page and per_page exactly, and returns the page with its pagination", async () => {
    server.use(
      http.get(certificates, () =>
        HttpResponse.json({ data: [issuedCertificate, requestingCertificate], pagination: pagination(3, 100, 250) }),
      ),
    );
    const { data, error } = await dnsimple().GET("/{account}/domains/{domain}/certificates", {
      params: {
        path: { account: ACCOUNT_ID, domain: DOMAIN },
        query: { sort: "expiration:asc", page: 3, per_page: 100 },
      },
    });
    expect(error).toBeUndefined();
    expect(data?.data.map((c) => c.state)).toEqual(["issued", "requesting"]);
    expect(data?.pagination).toEqual({ current_page: 3, per_page: 100, total_entries: 250, total_pages: 3 });
    const url = new URL(onlyRequest().url);
    expect(url.pathname).toBe(`/v2/${ACCOUNT_ID}/domains/${DOMAIN}/certificates`);
    // The colon of the sort order is percent-encoded; DNSimple decodes query strings as any server does.
    expect(url.search).toBe("?sort=expiration%3Aasc&page=3&per_page=100");
    expect(Object.fromEntries(url.searchParams)).toEqual({ sort: "expiration:asc", page: "3", per_page: "100" });
  });

  it.each(["id:asc", "id:desc", "common_name:asc", "common_name:desc", "expiration:asc", "expiration:desc"] as const)(
    "listCertificates sends sort=%s",
    async (sort) => {
      server.use(http.get(certificates, () => HttpResponse.json({ data: [], pagination: pagination(1, 30, 0) })));
      await dnsimple().GET("/{account}/domains/{domain}/certificates", {
        params: { path: { account: ACCOUNT_ID, domain: DOMAIN }, query: { sort } },
      });
      expect(new URL(onlyRequest().url).searchParams.get("sort")).toBe(sort);
    },
  );

  it("listCertificates sends no query when none is given, and takes a domain id", async () => {
    server.use(http.get(certificates, () => HttpResponse.json({ data: [], pagination: pagination(1, 30, 0) })));
    const { data } = await dnsimple().GET("/{account}/domains/{domain}/certificates", {
      params: { path: { account: ACCOUNT_ID, domain: "5001" } },
    });
    expect(data?.data).toEqual([]);
    const url = new URL(onlyRequest().url);
    expect(url.pathname).toBe(`/v2/${ACCOUNT_ID}/domains/5001/certificates`);
    expect(url.search).toBe("");
  });

  it("getCertificate puts the three ids in the path and returns the certificate", async () => {
    server.use(http.get(`${certificates}/:certificate`, () => HttpResponse.json({ data: issuedCertificate })));
    const { data } = await dnsimple().GET("/{account}/domains/{domain}/certificates/{certificate}", {
      params: { path: certificatePath },
    });
    expect(data?.data).toEqual(issuedCertificate);
    expect(path(onlyRequest())).toBe(`/v2/${ACCOUNT_ID}/domains/${DOMAIN}/certificates/${CERTIFICATE_ID}`);
  });

  it("getCertificate escapes a domain that holds path characters", async () => {
    server.use(http.get(`${certificates}/:certificate`, () => HttpResponse.json({ data: issuedCertificate })));
    await dnsimple().GET("/{account}/domains/{domain}/certificates/{certificate}", {
      params: { path: { ...certificatePath, domain: "a/../b?c" } },
    });
    expect(path(onlyRequest())).toBe(`/v2/${ACCOUNT_ID}/domains/a%2F..%2Fb%3Fc/certificates/${CERTIFICATE_ID}`);
  });

  it("getCertificate keeps the nulls of a certificate not issued yet", async () => {
    server.use(http.get(`${certificates}/:certificate`, () => HttpResponse.json({ data: requestingCertificate })));
    const { data } = await dnsimple().GET("/{account}/domains/{domain}/certificates/{certificate}", {
      params: { path: certificatePath },
    });
    expect(data?.data).toMatchObject({ csr: null, expires_at: null, expires_on: null, state: "requesting" });
  });

  it("downloadCertificate returns the PEM parts exactly as sent", async () => {
    server.use(http.get(`${certificates}/:certificate/download`, () => HttpResponse.json({ data: bundle })));
    const { data } = await dnsimple().GET("/{account}/domains/{domain}/certificates/{certificate}/download", {
      params: { path: certificatePath },
    });
    expect(data?.data).toEqual(bundle);
    expect(data?.data.server).toBe(SERVER_PEM);
    expect(data?.data.root).toBeNull();
    expect(path(onlyRequest())).toBe(`/v2/${ACCOUNT_ID}/domains/${DOMAIN}/certificates/${CERTIFICATE_ID}/download`);
  });

  it("downloadCertificate hands over the raw body byte for byte with parseAs", async () => {
    const raw = `{"data":${JSON.stringify(bundle)}}\n`;
    const bytes = new TextEncoder().encode(raw);
    server.use(
      http.get(
        `${certificates}/:certificate/download`,
        () => new HttpResponse(bytes, { headers: { "Content-Type": "application/json; charset=utf-8" } }),
      ),
    );
    const download = "/{account}/domains/{domain}/certificates/{certificate}/download";
    const text = await dnsimple().GET(download, { params: { path: certificatePath }, parseAs: "text" });
    expect(text.data).toBe(raw);
    const buffer = await dnsimple().GET(download, { params: { path: certificatePath }, parseAs: "arrayBuffer" });
    expect(new Uint8Array(buffer.data!)).toEqual(bytes);
  });

  it("getCertificatePrivateKey returns the key unredacted: it is the answer, not an error", async () => {
    server.use(
      http.get(`${certificates}/:certificate/private_key`, () =>
        HttpResponse.json({ data: { private_key: PRIVATE_KEY_PEM } }),
      ),
    );
    const { data } = await dnsimple().GET("/{account}/domains/{domain}/certificates/{certificate}/private_key", {
      params: { path: certificatePath },
    });
    expect(data?.data.private_key).toBe(PRIVATE_KEY_PEM);
    expect(path(onlyRequest())).toBe(`/v2/${ACCOUNT_ID}/domains/${DOMAIN}/certificates/${CERTIFICATE_ID}/private_key`);
  });

  it("purchaseLetsencryptCertificate posts the options as JSON and returns the purchase (201)", async () => {
    server.use(http.post(`${certificates}/letsencrypt`, () => HttpResponse.json({ data: purchase }, { status: 201 })));
    const body = { name: "*", alternate_names: ["example.com"], auto_renew: true, signature_algorithm: "RSA" as const };
    const { data, response } = await dnsimple().POST("/{account}/domains/{domain}/certificates/letsencrypt", {
      params: { path: { account: ACCOUNT_ID, domain: DOMAIN } },
      body,
    });
    expect(response.status).toBe(201);
    expect(data?.data).toEqual(purchase);
    const request = onlyRequest();
    expect(request.method).toBe("POST");
    expect(path(request)).toBe(`/v2/${ACCOUNT_ID}/domains/${DOMAIN}/certificates/letsencrypt`);
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(await request.text()).toBe(JSON.stringify(body));
  });

  it("purchaseLetsencryptCertificate with an empty body takes DNSimple's defaults", async () => {
    server.use(http.post(`${certificates}/letsencrypt`, () => HttpResponse.json({ data: purchase }, { status: 201 })));
    const { data } = await dnsimple().POST("/{account}/domains/{domain}/certificates/letsencrypt", {
      params: { path: { account: ACCOUNT_ID, domain: DOMAIN } },
      body: {},
    });
    expect(data?.data.state).toBe("new");
    expect(await onlyRequest().text()).toBe("{}");
  });

  it("issueLetsencryptCertificate posts to the purchase with no body and returns the certificate (202)", async () => {
    server.use(
      http.post(`${certificates}/letsencrypt/:purchaseId/issue`, () =>
        HttpResponse.json({ data: requestingCertificate }, { status: 202 }),
      ),
    );
    const { data, response } = await dnsimple().POST(
      "/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue",
      {
        params: { path: { account: ACCOUNT_ID, domain: DOMAIN, purchaseId: purchase.id } },
      },
    );
    expect(response.status).toBe(202);
    expect(data?.data.state).toBe("requesting");
    const request = onlyRequest();
    expect(path(request)).toBe(`/v2/${ACCOUNT_ID}/domains/${DOMAIN}/certificates/letsencrypt/${purchase.id}/issue`);
    expect(await request.text()).toBe("");
  });

  it("purchaseRenewalLetsencryptCertificate posts the renewal options and returns the renewal (201)", async () => {
    server.use(
      http.post(`${certificates}/letsencrypt/:certificate/renewals`, () =>
        HttpResponse.json({ data: renewal }, { status: 201 }),
      ),
    );
    const { data } = await dnsimple().POST(
      "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals",
      {
        params: { path: certificatePath },
        body: { auto_renew: true, signature_algorithm: "ECDSA" },
      },
    );
    expect(data?.data).toEqual(renewal);
    const request = onlyRequest();
    expect(path(request)).toBe(
      `/v2/${ACCOUNT_ID}/domains/${DOMAIN}/certificates/letsencrypt/${CERTIFICATE_ID}/renewals`,
    );
    expect(await request.json()).toEqual({ auto_renew: true, signature_algorithm: "ECDSA" });
  });

  it("purchaseRenewalLetsencryptCertificate reads a renewal that says auto_renewal instead of auto_renew", async () => {
    const older: Partial<typeof renewal> = { ...renewal };
    delete older.auto_renew;
    server.use(
      http.post(`${certificates}/letsencrypt/:certificate/renewals`, () =>
        HttpResponse.json({ data: { ...older, auto_renewal: true } }, { status: 201 }),
      ),
    );
    const { data } = await dnsimple().POST(
      "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals",
      {
        params: { path: certificatePath },
      },
    );
    const renewsItself = data?.data.auto_renew ?? data?.data.auto_renewal;
    expect(renewsItself).toBe(true);
  });

  it("issueRenewalLetsencryptCertificate posts to the renewal and returns the new certificate (202)", async () => {
    server.use(
      http.post(`${certificates}/letsencrypt/:certificate/renewals/:renewalId/issue`, () =>
        HttpResponse.json({ data: renewedCertificate }, { status: 202 }),
      ),
    );
    const { data } = await dnsimple().POST(
      "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals/{renewalId}/issue",
      { params: { path: { ...certificatePath, renewalId: RENEWAL_ID } } },
    );
    expect(data?.data.id).toBe(renewal.new_certificate_id);
    const request = onlyRequest();
    expect(path(request)).toBe(
      `/v2/${ACCOUNT_ID}/domains/${DOMAIN}/certificates/letsencrypt/${CERTIFICATE_ID}/renewals/${RENEWAL_ID}/issue`,
    );
    expect(await request.text()).toBe("");
  });

  it("listWebhooks returns the account's webhooks", async () => {
    server.use(http.get(`${BASE_URL}/:account/webhooks`, () => HttpResponse.json({ data: [webhook] })));
    const { data } = await dnsimple().GET("/{account}/webhooks", { params: { path: { account: ACCOUNT_ID } } });
    expect(data?.data).toEqual([webhook]);
    expect(data?.pagination).toBeUndefined();
    expect(path(onlyRequest())).toBe(`/v2/${ACCOUNT_ID}/webhooks`);
  });

  it("createWebhook posts the URL and returns the webhook (201)", async () => {
    server.use(http.post(`${BASE_URL}/:account/webhooks`, () => HttpResponse.json({ data: webhook }, { status: 201 })));
    const { data, response } = await dnsimple().POST("/{account}/webhooks", {
      params: { path: { account: ACCOUNT_ID } },
      body: { url: webhook.url },
    });
    expect(response.status).toBe(201);
    expect(data?.data.id).toBe(WEBHOOK_ID);
    const request = onlyRequest();
    expect(path(request)).toBe(`/v2/${ACCOUNT_ID}/webhooks`);
    expect(await request.json()).toEqual({ url: "https://hooks.example.com/dnsimple" });
  });

  it("getWebhook puts the webhook id in the path", async () => {
    server.use(http.get(`${BASE_URL}/:account/webhooks/:webhook`, () => HttpResponse.json({ data: webhook })));
    const { data } = await dnsimple().GET("/{account}/webhooks/{webhook}", {
      params: { path: { account: ACCOUNT_ID, webhook: WEBHOOK_ID } },
    });
    expect(data?.data).toEqual(webhook);
    expect(path(onlyRequest())).toBe(`/v2/${ACCOUNT_ID}/webhooks/${WEBHOOK_ID}`);
  });

  it("deleteWebhook answers 204 with no data", async () => {
    server.use(http.delete(`${BASE_URL}/:account/webhooks/:webhook`, () => new HttpResponse(null, { status: 204 })));
    const { data, error, response } = await dnsimple().DELETE("/{account}/webhooks/{webhook}", {
      params: { path: { account: ACCOUNT_ID, webhook: WEBHOOK_ID } },
    });
    expect(error).toBeUndefined();
    expect(data).toBeUndefined();
    expect(response.status).toBe(204);
    const request = onlyRequest();
    expect(request.method).toBe("DELETE");
    expect(path(request)).toBe(`/v2/${ACCOUNT_ID}/webhooks/${WEBHOOK_ID}`);
  });
});
