import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createDnsimpleClient, type Certificate, type DnsimpleClient } from "../src/index.js";
import {
  ACCOUNT_ID,
  bundle,
  DOMAIN,
  DOMAIN_ID,
  issuedCertificate,
  pagination,
  PRIVATE_KEY_PEM,
  purchase,
  renewal,
  renewedCertificate,
  requestingCertificate,
} from "./support/fixtures.js";
import { BASE_URL, requests, server, TOKEN } from "./support/server.js";

const dnsimple = () => createDnsimpleClient({ token: TOKEN, baseUrl: BASE_URL });
const certificates = `${BASE_URL}/:account/domains/:domain/certificates`;
const steps = () =>
  requests.map((r) => `${r.method} ${new URL(r.url).pathname.replace(`/v2/${ACCOUNT_ID}/domains/${DOMAIN}`, "")}`);

/** Every certificate of a domain, page by page, as a caller walks `pagination`. */
async function listAll(client: DnsimpleClient, perPage: number): Promise<Certificate[]> {
  const all: Certificate[] = [];
  for (let page = 1; ; page++) {
    const { data, error } = await client.GET("/{account}/domains/{domain}/certificates", {
      params: { path: { account: ACCOUNT_ID, domain: DOMAIN }, query: { sort: "id:asc", page, per_page: perPage } },
    });
    if (error) throw error;
    all.push(...data.data);
    if (data.pagination.current_page >= data.pagination.total_pages) return all;
  }
}

describe("certificate flows", () => {
  it("walks every page of a list by its pagination object", async () => {
    const stored = Array.from({ length: 5 }, (_, i) => ({ ...issuedCertificate, id: 300001 + i }));
    server.use(
      http.get(certificates, ({ request }) => {
        const query = new URL(request.url).searchParams;
        const page = Number(query.get("page"));
        const perPage = Number(query.get("per_page"));
        return HttpResponse.json({
          data: stored.slice((page - 1) * perPage, page * perPage),
          pagination: pagination(page, perPage, stored.length),
        });
      }),
    );
    const all = await listAll(dnsimple(), 2);
    expect(all.map((c) => c.id)).toEqual([300001, 300002, 300003, 300004, 300005]);
    expect(requests.map((r) => new URL(r.url).search)).toEqual([
      "?sort=id%3Aasc&page=1&per_page=2",
      "?sort=id%3Aasc&page=2&per_page=2",
      "?sort=id%3Aasc&page=3&per_page=2",
    ]);
  });

  it("purchases, issues, follows and downloads a Let's Encrypt certificate", async () => {
    let polls = 0;
    server.use(
      http.post(`${certificates}/letsencrypt`, () => HttpResponse.json({ data: purchase }, { status: 201 })),
      http.post(`${certificates}/letsencrypt/:purchaseId/issue`, ({ params }) =>
        HttpResponse.json({ data: { ...requestingCertificate, id: Number(params.purchaseId) } }, { status: 202 }),
      ),
      http.get(`${certificates}/:certificate`, () =>
        HttpResponse.json({ data: ++polls < 2 ? requestingCertificate : issuedCertificate }),
      ),
      http.get(`${certificates}/:certificate/download`, () => HttpResponse.json({ data: bundle })),
      http.get(`${certificates}/:certificate/private_key`, () =>
        HttpResponse.json({ data: { private_key: PRIVATE_KEY_PEM } }),
      ),
    );
    const client = dnsimple();
    const at = { account: ACCOUNT_ID, domain: DOMAIN };

    const bought = await client.POST("/{account}/domains/{domain}/certificates/letsencrypt", {
      params: { path: at },
      body: { name: "www", alternate_names: ["example.com"], auto_renew: true },
    });
    if (bought.error) throw bought.error;
    const issued = await client.POST("/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue", {
      params: { path: { ...at, purchaseId: bought.data.data.id } },
    });
    if (issued.error) throw issued.error;
    expect(issued.data.data.state).toBe("requesting");

    const certificate = { ...at, certificate: issued.data.data.id };
    let state = issued.data.data.state;
    while (state !== "issued") {
      const { data, error } = await client.GET("/{account}/domains/{domain}/certificates/{certificate}", {
        params: { path: certificate },
      });
      if (error) throw error;
      state = data.data.state;
    }
    const download = await client.GET("/{account}/domains/{domain}/certificates/{certificate}/download", {
      params: { path: certificate },
    });
    const key = await client.GET("/{account}/domains/{domain}/certificates/{certificate}/private_key", {
      params: { path: certificate },
    });
    expect(download.data?.data.chain).toEqual(bundle.chain);
    expect(key.data?.data.private_key).toBe(PRIVATE_KEY_PEM);
    expect(steps()).toEqual([
      "POST /certificates/letsencrypt",
      `POST /certificates/letsencrypt/${purchase.id}/issue`,
      `GET /certificates/${purchase.certificate_id}`,
      `GET /certificates/${purchase.certificate_id}`,
      `GET /certificates/${purchase.certificate_id}/download`,
      `GET /certificates/${purchase.certificate_id}/private_key`,
    ]);
  });

  it("renews a certificate: purchases the renewal, then issues it by its id, and gets the new certificate", async () => {
    server.use(
      http.post(`${certificates}/letsencrypt/:certificate/renewals`, () =>
        HttpResponse.json({ data: renewal }, { status: 201 }),
      ),
      http.post(`${certificates}/letsencrypt/:certificate/renewals/:renewalId/issue`, () =>
        HttpResponse.json({ data: renewedCertificate }, { status: 202 }),
      ),
    );
    const client = dnsimple();
    const old = { account: ACCOUNT_ID, domain: String(DOMAIN_ID), certificate: issuedCertificate.id };
    const ordered = await client.POST("/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals", {
      params: { path: old },
      body: { auto_renew: true },
    });
    if (ordered.error) throw ordered.error;
    const issued = await client.POST(
      "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals/{renewalId}/issue",
      { params: { path: { ...old, renewalId: ordered.data.data.id } } },
    );
    if (issued.error) throw issued.error;
    expect(issued.data.data.id).toBe(ordered.data.data.new_certificate_id);
    expect(issued.data.data.state).toBe("requesting");
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      `POST /v2/${ACCOUNT_ID}/domains/${DOMAIN_ID}/certificates/letsencrypt/${issuedCertificate.id}/renewals`,
      `POST /v2/${ACCOUNT_ID}/domains/${DOMAIN_ID}/certificates/letsencrypt/${issuedCertificate.id}/renewals/${renewal.id}/issue`,
    ]);
    expect(await requests[0]!.json()).toEqual({ auto_renew: true });
  });

  it("never repeats a purchase whose answer was lost, and says the order may exist", async () => {
    server.use(http.post(`${certificates}/letsencrypt`, () => HttpResponse.error()));
    const call = dnsimple().POST("/{account}/domains/{domain}/certificates/letsencrypt", {
      params: { path: { account: ACCOUNT_ID, domain: DOMAIN } },
      body: {},
    });
    await expect(call).rejects.toMatchObject({ code: "NETWORK", retryable: false, effectUnknown: true });
    await expect(call).rejects.toThrow(/may have reached the provider/);
    expect(requests).toHaveLength(1);
  });

  it("says an issue request that met a 502 may have started issuance", async () => {
    server.use(
      http.post(`${certificates}/letsencrypt/:purchaseId/issue`, () =>
        HttpResponse.html("<html><body><h1>502 Bad Gateway</h1></body></html>", { status: 502 }),
      ),
    );
    const { error } = await dnsimple().POST("/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue", {
      params: { path: { account: ACCOUNT_ID, domain: DOMAIN, purchaseId: purchase.id } },
    });
    expect(error).toMatchObject({ code: "PROVIDER", status: 502, retryable: false, effectUnknown: true });
    expect(requests).toHaveLength(1);
  });
});
