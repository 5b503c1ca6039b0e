import { createDnsimpleV1Client, type DnsimpleV1Client } from "@certkit/dnsimple-v1";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_CREDENTIALS } from "../src/credentials.js";
import { DnsimpleV1Simulator } from "../src/providers/dnsimple-v1/dnsimple-v1-simulator.js";
import type { DnsimpleV1State } from "../src/providers/dnsimple-v1/dnsimple-v1-state.js";
import { SANDBOX_MOUNTS } from "../src/providers.js";
import type { SimulatorWorld } from "../src/simulator.js";
import { createTestWorld, serveOver } from "./support/transports.js";

const CREDENTIALS = SANDBOX_CREDENTIALS["dnsimple-v1"];
const DAY_MS = 86_400_000;

let world: SimulatorWorld;
let simulator: DnsimpleV1Simulator;
let dnsimple: DnsimpleV1Client;
let close: (() => Promise<void>) | undefined;

beforeEach(async () => {
  world = await createTestWorld();
  simulator = new DnsimpleV1Simulator(world, CREDENTIALS);
  await serve(simulator);
});
afterEach(() => close?.());

/** Serves `target` and points the client at it. */
async function serve(target: DnsimpleV1Simulator): Promise<void> {
  await close?.();
  const served = await serveOver("msw", (origin) => target.handlers(`${origin}${SANDBOX_MOUNTS["dnsimple-v1"]}`));
  close = served.close;
  dnsimple = createDnsimpleV1Client({ ...CREDENTIALS, baseUrl: `${served.origin}${SANDBOX_MOUNTS["dnsimple-v1"]}` });
}

async function list(domain: string) {
  const { data, error } = await dnsimple.GET("/domains/{domain}/certificates", { params: { path: { domain } } });
  if (error) throw error;
  return data.map(({ certificate }) => certificate);
}

describe("DNSimple v1 simulator: seed", () => {
  it("adds an issued certificate (60 days ago), a configured one and a cancelled one", async () => {
    await simulator.seed();
    const [issued, configured, ...rest] = await list("example.com");
    expect(rest).toEqual([]);
    expect(issued).toMatchObject({
      id: 1,
      name: "www",
      state: "issued",
      approver_email: "admin@example.com",
      created_at: "2025-12-30T12:00:00Z",
      configured_at: "2025-12-30T12:10:00Z",
      updated_at: "2025-12-31T12:00:00Z",
      expires_on: "2026-12-31",
    });
    expect(issued!.private_key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(await world.ca.verifyChain(issued!.ssl_certificate!, world.clock.now())).toMatchObject({
      ok: true,
      names: ["www.example.com"],
    });

    expect(configured).toMatchObject({
      id: 2,
      name: "shop",
      state: "configured",
      private_key: null,
      ssl_certificate: null,
      configured_at: "2026-03-01T11:00:00Z",
    });
    expect(configured!.approver_emails).toHaveLength(5);

    expect(await list("example.org")).toMatchObject([
      {
        id: 3,
        name: "www",
        state: "cancelled",
        ssl_certificate: null,
        updated_at: "2025-01-30T12:00:00Z",
        configured_at: null,
      },
    ]);
    expect(world.mail.inbox()).toEqual([]);
  });

  it("lets the seeded configured certificate be submitted and issued, and buys again a name whose certificate was cancelled", async () => {
    await simulator.seed();
    const { data } = await dnsimple.PUT("/domains/{domain}/certificates/{id}/submit", {
      params: { path: { domain: "example.com", id: 2 } },
      body: { certificate: { approver_email: "postmaster@example.com" } },
    });
    expect(data?.certificate.state).toBe("submitted");
    world.mail.approve(world.mail.inbox("postmaster@example.com")[0]!.code, world.clock.now());
    world.clock.advance(60_000);
    expect((await list("example.com"))[1]).toMatchObject({ id: 2, state: "issued", private_key: null });

    const again = await dnsimple.POST("/domains/{domain}/certificates", {
      params: { path: { domain: "example.org" } },
      body: { certificate: { name: "www", contact_id: 1 } },
    });
    expect(again.data?.certificate).toMatchObject({ id: 4, state: "purchased" });
    const taken = await dnsimple.POST("/domains/{domain}/certificates", {
      params: { path: { domain: "example.com" } },
      body: { certificate: { name: "www", contact_id: 1 } },
    });
    expect(taken.error?.status).toBe(406);
  });
});

describe("DNSimple v1 simulator: snapshot, restore, reset", () => {
  it("restores a snapshot into a new simulator on the same world, which answers the same and goes on", async () => {
    await simulator.seed();
    await dnsimple.PUT("/domains/{domain}/certificates/{id}/submit", {
      params: { path: { domain: "example.com", id: 2 } },
      body: { certificate: { approver_email: "admin@example.com" } },
    });
    const snapshot = JSON.parse(JSON.stringify(simulator.snapshot())) as DnsimpleV1State;
    const before = [await list("example.com"), await list("example.org")];

    const restored = new DnsimpleV1Simulator(world, CREDENTIALS);
    restored.restore(snapshot);
    await serve(restored);
    expect([await list("example.com"), await list("example.org")]).toEqual(before);

    // The approval email sent before the snapshot still drives the restored certificate.
    world.mail.approve(world.mail.inbox("admin@example.com")[0]!.code, world.clock.now());
    world.clock.advance(60_000);
    expect((await list("example.com"))[1]?.state).toBe("issued");
    const next = await dnsimple.POST("/domains/{domain}/certificates", {
      params: { path: { domain: "example.com" } },
      body: { certificate: { name: "api", contact_id: 1 } },
    });
    expect(next.data?.certificate.id).toBe(4);
    expect(simulator.snapshot()).toEqual(snapshot);
  });

  it.each([
    ["not an object", null, "DNSimple v1 sandbox state must be {nextId, certificates: [...]}"],
    [
      "certificates that are no array",
      { nextId: 1, certificates: {} },
      "DNSimple v1 sandbox state: certificates must be an array",
    ],
    ["no nextId", { certificates: [] }, "DNSimple v1 sandbox state: nextId must be a positive integer"],
    [
      "a certificate that is no object",
      { nextId: 2, certificates: ["x"] },
      "DNSimple v1 sandbox state: certificates[0] must be an object",
    ],
    [
      "a certificate without an id",
      { nextId: 2, certificates: [{ domainId: 1 }] },
      "DNSimple v1 sandbox state: certificates[0].id must be a positive integer",
    ],
  ])("refuses a state with %s with a TypeError, changing nothing", async (_what, state, message) => {
    await simulator.seed();
    const before = simulator.snapshot();
    expect(() => simulator.restore(state as never)).toThrow(new TypeError(message));
    expect(simulator.snapshot()).toEqual(before);
  });

  it("refuses a certificate in an unknown state, repeated ids, and a nextId not above them", async () => {
    await simulator.seed();
    const { certificates } = simulator.snapshot();
    const [first] = certificates;
    expect(() => simulator.restore({ nextId: 9, certificates: [{ ...first!, state: "revoked" as never }] })).toThrow(
      /certificates\[0\]\.state must be one of/,
    );
    expect(() => simulator.restore({ nextId: 9, certificates: [first!, first!] })).toThrow(
      "certificate ids must be unique",
    );
    expect(() => simulator.restore({ nextId: 1, certificates: [first!] })).toThrow(
      "nextId must be above every certificate id",
    );
  });

  it("reset forgets every certificate and starts ids again; the domains stay", async () => {
    await simulator.seed();
    simulator.reset();
    expect(simulator.snapshot()).toEqual({ nextId: 1, certificates: [] });
    expect(await list("example.com")).toEqual([]);
    expect((await dnsimple.GET("/domains")).data).toHaveLength(2);
  });

  it("takes its domains and contact from the options", async () => {
    const custom = new DnsimpleV1Simulator(world, {
      ...CREDENTIALS,
      domains: ["Shop.Example.NET."],
      contactId: 42,
      issuanceDelayMs: DAY_MS,
    });
    await serve(custom);
    expect((await dnsimple.GET("/domains")).data?.map(({ domain }) => [domain.id, domain.name])).toEqual([
      [1, "shop.example.net"],
    ]);
    const bought = await dnsimple.POST("/domains/{domain}/certificates", {
      params: { path: { domain: "shop.example.net" } },
      body: { certificate: { name: "", contact_id: 42 } },
    });
    expect(bought.data?.certificate).toMatchObject({ contact_id: 42, domain_id: 1 });
    expect(() => new DnsimpleV1Simulator(world, { ...CREDENTIALS, domains: [] })).toThrow(TypeError);
    expect(() => new DnsimpleV1Simulator(world, { ...CREDENTIALS, domains: ["a.test", "A.test"] })).toThrow(TypeError);
  });
});
