import { createIonosSslClient } from "@certkit/ionos-ssl";
import { createReselloClient, unwrapResello } from "@certkit/resello";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createSandbox,
  DEFAULT_RESELLO_PLANS,
  generateCsr,
  SandboxClock,
  SandboxFaults,
  type Sandbox,
} from "../src/index.js";
import { serveOver } from "./support/transports.js";

const LAG_MS = 10_000;

describe("faults.listLag: lists that lag behind writes", () => {
  let sandbox: Sandbox;
  let origin: string;
  let close: () => Promise<void>;

  beforeEach(async () => {
    sandbox = await createSandbox({ clock: new SandboxClock({ frozenAt: new Date("2026-04-01T00:00:00Z") }) });
    ({ origin, close } = await serveOver("msw", (at) => sandbox.handlers(at)));
  });
  afterEach(() => close());

  it("shows a new IONOS order in the list only after the lag, while reading it by id works at once", async () => {
    const ionos = createIonosSslClient(sandbox.clientOptions(origin, "ionos-ssl"));
    sandbox.faults.listLag.set(LAG_MS);
    const { csr } = await generateCsr({ commonName: "lag.example.com", keyType: "rsa-2048" });
    const created = await ionos.POST("/v1/certificates", {
      body: { certificateType: "SSL_STARTER", commonName: "lag.example.com", csr },
    });
    const id = created.data!.id!;
    expect((await ionos.GET("/v1/certificates/{id}", { params: { path: { id } } })).data?.id).toBe(id);
    expect((await ionos.GET("/v1/certificates")).data).toEqual({ total: 0, certificates: [] });
    sandbox.clock.advance(LAG_MS - 1);
    expect((await ionos.GET("/v1/certificates")).data?.certificates).toEqual([]);
    sandbox.clock.advance(1);
    expect((await ionos.GET("/v1/certificates")).data?.certificates?.map((certificate) => certificate.id)).toEqual([
      id,
    ]);
  });

  it("delays Resello's client_reference search the same way", async () => {
    const resello = createReselloClient(sandbox.clientOptions(origin, "resello"));
    sandbox.faults.listLag.set(LAG_MS);
    const { csr } = await generateCsr({ commonName: "lag.example.com", keyType: "ec-p256" });
    const body = { csr, dcv_type: "DNS", plan: DEFAULT_RESELLO_PLANS[0]!.id, client_reference: "lag-1" } as const;
    expect((await resello.POST("/ssl-certificate", { body })).error).toBeUndefined();
    const search = async () =>
      unwrapResello(
        (await resello.GET("/ssl-certificate", { params: { query: { client_reference: "lag-1" } } })).data!,
      ).map((c) => c.client_reference);
    expect(await search()).toEqual([]);
    sandbox.clock.advance(LAG_MS);
    expect(await search()).toEqual(["lag-1"]);
  });

  it("shows orders made while no lag was set at once, and is cleared with the faults", async () => {
    const ionos = createIonosSslClient(sandbox.clientOptions(origin, "ionos-ssl"));
    const { csr } = await generateCsr({ commonName: "now.example.com", keyType: "rsa-2048" });
    await ionos.POST("/v1/certificates", {
      body: { certificateType: "SSL_STARTER", commonName: "now.example.com", csr },
    });
    sandbox.faults.listLag.set(LAG_MS);
    expect((await ionos.GET("/v1/certificates")).data?.total).toBe(1);
    sandbox.faults.clear();
    expect(sandbox.faults.listLag.ms).toBe(0);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, "10" as unknown as number])("refuses a lag of %s", (ms) => {
    expect(() => new SandboxFaults().listLag.set(ms)).toThrow(RangeError);
  });
});
