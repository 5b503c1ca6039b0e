import { describe, expect, it } from "vitest";
import { dnsimple } from "../../src/providers/dnsimple/index.js";
import { ionosSsl } from "../../src/providers/ionos-ssl/index.js";
import { zerossl } from "../../src/providers/zerossl/index.js";
import { createCertificateClient, type CertificateClient, type OrderRecovery } from "../../src/index.js";
import { MAX_RECOVERY_PAGES } from "../../src/recovery/recovery-pages.js";

// A provider whose list never ends: every page is full, of certificates that are not the lost order, and its total
// says there are a billion more. One look of findOrders reads MAX_RECOVERY_PAGES pages, then fails: it must neither
// page on for ever nor answer "nothing found", since the order may lie on a page it did not read.

const PAGE_SIZE = 2;
const SENT_AT = "2026-06-01T09:00:00.000Z";

/** A fetch that answers each list request with a full page made by `page`, counting the requests. */
function endlessList(page: (number: number) => unknown) {
  const seen = { requests: 0 };
  const fetch = (request: Request): Promise<Response> => {
    seen.requests += 1;
    const number = Number(new URL(request.url).searchParams.get("page"));
    return Promise.resolve(
      new Response(JSON.stringify(page(number)), { status: 200, headers: { "content-type": "application/json" } }),
    );
  };
  return { seen, fetch };
}

/** Certificate ids of a page, never repeated. */
const idsOf = (page: number) => Array.from({ length: PAGE_SIZE }, (_, index) => page * PAGE_SIZE + index);

const CASES: {
  provider: string;
  client: (fetch: (request: Request) => Promise<Response>) => CertificateClient;
  page: (number: number) => unknown;
  /** The page with its first certificate made the lost order. */
  lost: (page: unknown) => unknown;
  recovery: OrderRecovery;
}[] = [
  {
    provider: "zerossl",
    client: (fetch) =>
      createCertificateClient(
        zerossl({
          accessKey: "zerossl-key",
          baseUrl: "https://zerossl.example.test",
          pageSize: PAGE_SIZE,
          retry: false,
          fetch,
        }),
      ),
    page: (number) => ({
      total_count: 1e9,
      results: idsOf(number).map((id) => ({ id: `c${id}`, common_name: `other${id}.example.com`, status: "draft" })),
    }),
    lost: (page) => {
      const { results } = page as { results: Record<string, unknown>[] };
      results[0] = { ...results[0], common_name: "shop.example.com", created: "2026-06-01 09:00:05" };
      return page;
    },
    recovery: { provider: "zerossl", commonName: "shop.example.com", altNames: [], sentAt: SENT_AT },
  },
  {
    provider: "ionos-ssl",
    client: (fetch) =>
      createCertificateClient(
        ionosSsl({
          apiKey: "ionos-key",
          baseUrl: "https://ionos.example.test",
          pageSize: PAGE_SIZE,
          retry: false,
          fetch,
        }),
      ),
    page: (number) => ({
      total: 1e9,
      certificates: idsOf(number).map((id) => ({
        id: `c${id}`,
        commonName: `other${id}.example.com`,
        status: "PENDING",
      })),
    }),
    lost: (page) => {
      const { certificates } = page as { certificates: Record<string, unknown>[] };
      certificates[0] = { ...certificates[0], commonName: "shop.example.com", certificateType: "SSL_STARTER" };
      return page;
    },
    recovery: {
      provider: "ionos-ssl",
      commonName: "shop.example.com",
      altNames: [],
      product: "SSL_STARTER",
      sentAt: SENT_AT,
    },
  },
  {
    provider: "dnsimple",
    client: (fetch) =>
      createCertificateClient(
        dnsimple({
          token: "dnsimple-token",
          baseUrl: "https://dnsimple.example.test",
          pageSize: PAGE_SIZE,
          retry: false,
          fetch,
        }),
      ),
    page: (number) => ({
      pagination: { current_page: number, per_page: PAGE_SIZE, total_entries: 1e9, total_pages: 1e9 / PAGE_SIZE },
      data: idsOf(number).map((id) => ({
        id,
        common_name: `other${id}.example.com`,
        authority_identifier: "letsencrypt",
        state: "new",
        created_at: SENT_AT,
      })),
    }),
    lost: (page) => {
      const { data } = page as { data: Record<string, unknown>[] };
      data[0] = { ...data[0], common_name: "shop.example.com" };
      return page;
    },
    recovery: {
      provider: "dnsimple",
      commonName: "shop.example.com",
      altNames: [],
      product: "letsencrypt",
      parent: "1010/example.com",
      sentAt: SENT_AT,
    },
  },
];

describe.each(CASES)("$provider: findOrders over a list that never ends", ({ client, page, recovery, lost }) => {
  it(`stops after ${MAX_RECOVERY_PAGES} pages with a PROVIDER error, never answering "nothing found"`, async () => {
    const { seen, fetch } = endlessList(page);
    const error = await client(fetch)
      .findOrders(recovery, { maxWaitMs: 0 })
      .then(
        (found) => found,
        (failure: unknown) => failure,
      );
    expect(error).toMatchObject({
      name: "CertkitError",
      code: "PROVIDER",
      message: expect.stringMatching(/not a sign/),
    });
    expect(seen.requests).toBe(MAX_RECOVERY_PAGES);
  });

  it(`gives the order it found when the list goes on past ${MAX_RECOVERY_PAGES} pages`, async () => {
    // The lost order is on the first page (an account with more certificates than the look reads, or a wrong total).
    const { seen, fetch } = endlessList((number) => (number === 1 ? lost(page(number)) : page(number)));
    const found = await client(fetch).findOrders(recovery, { maxWaitMs: 0 });
    expect(found.map((order) => order.commonName)).toEqual(["shop.example.com"]);
    expect(seen.requests).toBe(MAX_RECOVERY_PAGES);
  });
});
