import { createDnsimpleClient, type DnsimpleClient } from "@certkit/dnsimple";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_CREDENTIALS } from "../src/credentials.js";
import { DnsimpleSimulator } from "../src/providers/dnsimple/dnsimple-simulator.js";
import type { DnsimpleState } from "../src/providers/dnsimple/dnsimple-state.js";
import { SANDBOX_MOUNTS } from "../src/providers.js";
import type { SimulatorWorld } from "../src/simulator.js";
import { createTestWorld, serveOver } from "./support/transports.js";

const account = 1010;
const options = { ...SANDBOX_CREDENTIALS.dnsimple, issuanceDelayMs: 60_000 };

let world: SimulatorWorld;
let close: (() => Promise<void>) | undefined;

/** Serves `simulator` (alone) over msw and returns a client of it. */
async function serve(simulator: DnsimpleSimulator): Promise<DnsimpleClient> {
  await close?.();
  const served = await serveOver("msw", (origin) => simulator.handlers(`${origin}${SANDBOX_MOUNTS.dnsimple}`));
  close = served.close;
  return createDnsimpleClient({
    ...SANDBOX_CREDENTIALS.dnsimple,
    baseUrl: `${served.origin}${SANDBOX_MOUNTS.dnsimple}`,
  });
}

beforeEach(async () => {
  world = await createTestWorld();
});
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function list(dnsimple: DnsimpleClient, domain: string) {
  const { data, error } = await dnsimple.GET("/{account}/domains/{domain}/certificates", {
    params: { path: { account, domain }, query: { sort: "id:asc" } },
  });
  if (error) throw error;
  return data.data;
}

describe("DNSimple simulator state", () => {
  it("seeds an issued certificate, a purchase not yet issued, a failed one and a webhook", async () => {
    const simulator = new DnsimpleSimulator(world, options);
    await simulator.seed();
    const dnsimple = await serve(simulator);
    const onCom = await list(dnsimple, "example.com");
    expect(onCom.map(({ id, name, state, alternate_names }) => ({ id, name, state, alternate_names }))).toEqual([
      { id: 100001, name: "www", state: "issued", alternate_names: ["example.com"] },
      { id: 100002, name: "api", state: "new", alternate_names: [] },
    ]);
    expect(onCom[0]).toMatchObject({
      expires_at: "2026-04-30T12:00:00Z",
      expires_on: "2026-04-30",
      created_at: "2026-01-30T11:59:00Z",
    });
    expect(onCom[1]).toMatchObject({ csr: null, created_at: "2026-03-01T11:00:00Z" });
    expect(
      (await list(dnsimple, "example.org")).map(({ id, common_name, state }) => ({ id, common_name, state })),
    ).toEqual([{ id: 100003, common_name: "www.example.org", state: "failed" }]);
    expect((await dnsimple.GET("/{account}/webhooks", { params: { path: { account } } })).data?.data).toEqual([
      { id: 8001, url: "https://hooks.example.com/dnsimple" },
    ]);
    const download = await dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}/download", {
      params: { path: { account, domain: "example.com", certificate: 100001 } },
    });
    const bundle = download.data!.data;
    expect(await world.ca.verifyChain([bundle.server, ...bundle.chain].join("\n"), world.clock.now())).toMatchObject({
      ok: true,
      names: ["www.example.com", "example.com"],
    });
  });

  it("gives the same answers after snapshot → restore into a new simulator on the same world", async () => {
    const first = new DnsimpleSimulator(world, options);
    await first.seed();
    let dnsimple = await serve(first);
    await dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue", {
      params: { path: { account, domain: "example.com", purchaseId: 100002 } },
    });
    const path = { params: { path: { account, domain: "example.com", certificate: 100001 } } };
    const before = {
      com: await list(dnsimple, "example.com"),
      org: await list(dnsimple, "example.org"),
      download: (await dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}/download", path)).data,
      key: (await dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}/private_key", path)).data,
    };
    const snapshot = JSON.parse(JSON.stringify(first.snapshot())) as DnsimpleState;

    const second = new DnsimpleSimulator(world, options);
    second.restore(snapshot);
    dnsimple = await serve(second);
    expect({
      com: await list(dnsimple, "example.com"),
      org: await list(dnsimple, "example.org"),
      download: (await dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}/download", path)).data,
      key: (await dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}/private_key", path)).data,
    }).toEqual(before);
    // The restored simulator carries on: the requested purchase is issued, and ids continue.
    world.clock.advance(60_000);
    expect((await list(dnsimple, "example.com")).map((certificate) => certificate.state)).toEqual(["issued", "issued"]);
    const created = await dnsimple.POST("/{account}/webhooks", {
      params: { path: { account } },
      body: { url: "https://hooks.example.com/two" },
    });
    expect(created.data?.data.id).toBe(8002);
  });

  it.each([
    ["not an object", "state", "must be an object"],
    [
      "a collection that is not an array",
      { certificates: {}, renewals: [], webhooks: [], nextIds: { certificate: 1, renewal: 1, webhook: 1 } },
      '"certificates" must be an array',
    ],
    [
      "an unknown key",
      { orders: [], certificates: [], renewals: [], webhooks: [], nextIds: {} },
      'unknown key "orders"',
    ],
    [
      "a webhook without an integer id",
      { certificates: [], renewals: [], webhooks: [{ id: "8001" }], nextIds: {} },
      '"webhooks[0]" must be an object with an integer id',
    ],
    [
      "a certificate without its fields",
      { certificates: [{ id: 1 }], renewals: [], webhooks: [], nextIds: {} },
      '"certificates[0]" needs domainId',
    ],
    ["missing id counters", { certificates: [], renewals: [], webhooks: [] }, '"nextIds" must be'],
    [
      "a counter that would give an id already there",
      {
        certificates: [],
        renewals: [],
        webhooks: [{ id: 8001 }],
        nextIds: { certificate: 1, renewal: 1, webhook: 8001 },
      },
      '"nextIds.webhook" must be above every id of "webhooks"',
    ],
    [
      "two webhooks with one id",
      {
        certificates: [],
        renewals: [],
        webhooks: [{ id: 7 }, { id: 7 }],
        nextIds: { certificate: 1, renewal: 1, webhook: 8001 },
      },
      '"webhooks" ids must be unique',
    ],
  ])("refuses to restore %s with a TypeError, changing nothing", async (_what, state, message) => {
    const simulator = new DnsimpleSimulator(world, options);
    await simulator.seed();
    const before = simulator.snapshot();
    expect(() => simulator.restore(state as never)).toThrow(TypeError);
    expect(() => simulator.restore(state as never)).toThrow(message);
    expect(simulator.snapshot()).toEqual(before);
  });

  it("forgets every certificate, renewal and webhook on reset, and keeps its options", async () => {
    const simulator = new DnsimpleSimulator(world, { ...options, accountId: 4242, domains: ["shop.example"] });
    expect(simulator.accountId).toBe(4242);
    await simulator.seed();
    expect(simulator.snapshot().certificates.map((certificate) => certificate.commonName)).toEqual([
      "www.shop.example",
      "api.shop.example",
      "www.shop.example",
    ]);
    simulator.reset();
    expect(simulator.snapshot()).toEqual({
      certificates: [],
      renewals: [],
      webhooks: [],
      nextIds: { certificate: 100001, renewal: 50001, webhook: 8001 },
    });
    const dnsimple = await serve(simulator);
    const domains = await dnsimple.GET("/{account}/domains", { params: { path: { account: 4242 } } });
    expect(domains.data?.data.map((domain) => [domain.name, domain.account_id])).toEqual([["shop.example", 4242]]);
    const certificates = await dnsimple.GET("/{account}/domains/{domain}/certificates", {
      params: { path: { account: 4242, domain: "shop.example" } },
    });
    expect(certificates.data).toEqual({
      data: [],
      pagination: { current_page: 1, per_page: 30, total_entries: 0, total_pages: 0 },
    });
  });
});
