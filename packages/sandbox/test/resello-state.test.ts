import { createReselloClient, unwrapResello, type ReselloClient } from "@certkit/resello";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateCsr } from "../src/ca/generate-csr.js";
import { SANDBOX_CREDENTIALS } from "../src/credentials.js";
import { SANDBOX_MOUNTS } from "../src/providers.js";
import { DEFAULT_RESELLO_PLANS } from "../src/providers/resello/resello-plans.js";
import { ReselloSimulator } from "../src/providers/resello/resello-simulator.js";
import type { ReselloState } from "../src/providers/resello/resello-state.js";
import type { SimulatorWorld } from "../src/simulator.js";
import { createTestWorld, serveOver } from "./support/transports.js";

const DV = DEFAULT_RESELLO_PLANS[0]!.id;

describe("Resello simulator state", () => {
  let world: SimulatorWorld;
  let simulator: ReselloSimulator;
  let resello: ReselloClient;
  let serve: (target: ReselloSimulator) => Promise<void>;
  let close = () => Promise.resolve();

  beforeEach(async () => {
    world = await createTestWorld();
    simulator = new ReselloSimulator(world, SANDBOX_CREDENTIALS.resello);
    serve = async (target) => {
      await close();
      const served = await serveOver("msw", (origin) => target.handlers(`${origin}${SANDBOX_MOUNTS.resello}`));
      close = served.close;
      resello = createReselloClient({
        ...SANDBOX_CREDENTIALS.resello,
        baseUrl: `${served.origin}${SANDBOX_MOUNTS.resello}`,
      });
    };
    await serve(simulator);
  });
  afterEach(() => close());

  async function list() {
    const { data, error } = await resello.GET("/ssl-certificate");
    if (error) throw error;
    return unwrapResello(data);
  }

  it("seeds an active certificate ~100 days old, one waiting for its DNS record, and a disabled one", async () => {
    await simulator.seed();
    const certificates = await list();
    expect(certificates.map((c) => [c.common_name, c.status, c.client_reference])).toEqual([
      ["shop.example.com", "active", "seed-shop-example-com"],
      ["www.example.org", "pending", "seed-www-example-org"],
      ["old.example.net", "disabled", null],
    ]);
    const [active, waiting, disabled] = certificates as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    expect(active).toMatchObject({
      created_at: "2025-11-21T12:00:00.000Z",
      valid_from: "2025-11-21T13:01:00.000Z",
      valid_until: "2026-11-21T13:01:00.000Z",
    });
    expect(disabled).toMatchObject({ disabled_at: "2026-02-09T12:00:00.000Z" });
    const revokedSerial = simulator.snapshot().orders[2]!.issued!.serialNumber;
    expect(world.ca.revokedAt(revokedSerial)).toBe("2026-02-09T12:00:00.000Z");

    const crt = await resello.GET("/ssl-certificate/{id}/download-crt", {
      params: { path: { id: active.id as string } },
      parseAs: "text",
    });
    const ca = await resello.GET("/ssl-certificate/{id}/download-ca", {
      params: { path: { id: active.id as string } },
      parseAs: "text",
    });
    expect(await world.ca.verifyChain(`${crt.data}${ca.data}`, world.clock.now())).toMatchObject({
      ok: true,
      names: ["shop.example.com"],
    });

    const details = await resello.GET("/ssl-certificate/{id}/validation-details", {
      params: { path: { id: waiting.id as string } },
    });
    const record = (unwrapResello(details.data!) as any).domains[0].dns_record;
    expect(record.name).toBe("_dnsauth.www.example.org");
    world.dns.addTxt(record.name, record.value);
    expect(
      (
        await resello.POST("/ssl-certificate/{id}/validate", {
          params: { path: { id: waiting.id as string } },
          body: {},
        })
      ).error,
    ).toBeUndefined();
    world.clock.advance(60_000);
    expect((await list())[1]?.status).toBe("active");
  });

  it("restores a snapshot into a new simulator on the same world, answering the same", async () => {
    const { csr } = await generateCsr({ commonName: "kept.example.com", keyType: "ec-p256" });
    const created = await resello.POST("/ssl-certificate", {
      body: { csr, dcv_type: "FILE", plan: DV, client_reference: "kept" },
    });
    const id = unwrapResello(created.data!).id!;
    const before = await resello.GET("/ssl-certificate/{id}/validation-details", { params: { path: { id } } });
    const snapshot = JSON.parse(JSON.stringify(simulator.snapshot())) as ReselloState;

    const restored = new ReselloSimulator(world, SANDBOX_CREDENTIALS.resello);
    restored.restore(snapshot);
    await serve(restored);
    expect(await list()).toEqual([unwrapResello(created.data!)]);
    const after = await resello.GET("/ssl-certificate/{id}/validation-details", { params: { path: { id } } });
    expect(after.data).toEqual(before.data);

    // The restored copy is independent of the snapshot object it was given.
    snapshot.orders[0]!.status = "disabled";
    expect((await list())[0]?.status).toBe("pending");
  });

  it.each([
    ["not an object", null, /must be \{orders: \[\.\.\.\], tokens: \[\.\.\.\]\}/],
    ["orders that are not an array", { orders: {}, tokens: [] }, /"orders" must be an array/],
    ["tokens that are not an array", { orders: [], tokens: "none" }, /"tokens" must be an array/],
    ["an order without its id", { orders: [{ plan: DV }], tokens: [] }, /orders\[0\]\.id must be a string/],
    [
      "an order without domains",
      {
        orders: [
          {
            id: "x",
            plan: DV,
            status: "pending",
            dcvType: "DNS",
            commonName: "a",
            csr: "c",
            publicKey: "k",
            createdAt: "t",
            organization: {},
          },
        ],
        tokens: [],
      },
      /orders\[0\]\.domains must be an array/,
    ],
    [
      "a token without its expiry",
      { orders: [], tokens: [{ accessToken: "t" }] },
      /tokens\[0\] must be \{accessToken, expiresAt/,
    ],
  ])("refuses to restore %s with a TypeError, changing nothing", async (_what, state, message) => {
    await simulator.seed();
    const before = simulator.snapshot();
    expect(() => simulator.restore(state as unknown as ReselloState)).toThrow(TypeError);
    expect(() => simulator.restore(state as unknown as ReselloState)).toThrow(message);
    expect(simulator.snapshot()).toEqual(before);
  });

  it("reset forgets every order and token, and keeps the credentials and plans", async () => {
    await simulator.seed();
    simulator.reset();
    expect(simulator.snapshot()).toEqual({ orders: [], tokens: [] });
    expect(await list()).toEqual([]);
    expect(unwrapResello((await resello.GET("/ssl-certificate-plan")).data!)).toHaveLength(4);
  });
});
