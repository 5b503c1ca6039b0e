import "reflect-metadata";
import { createPrivateKey, createPublicKey } from "node:crypto";
import { createDnsimpleClient, type DnsimpleClient } from "@certkit/dnsimple";
import * as x509 from "@peculiar/x509";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseCsr } from "../src/ca/sandbox-ca.js";
import { SANDBOX_CREDENTIALS } from "../src/credentials.js";
import { DnsimpleSimulator } from "../src/providers/dnsimple/dnsimple-simulator.js";
import { SANDBOX_MOUNTS } from "../src/providers.js";
import type { SimulatorWorld } from "../src/simulator.js";
import { createTestWorld, serveOver, TRANSPORTS } from "./support/transports.js";

const account = 1010;
const domain = "example.com";

/** The SPKI PEM of a PKCS#8 private key, to match it with a certificate's public key. */
function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: "spki", format: "pem" }).toString();
}

describe.each(TRANSPORTS)("DNSimple simulator over %s", (transport) => {
  let world: SimulatorWorld;
  let simulator: DnsimpleSimulator;
  let close: () => Promise<void>;
  let dnsimple: DnsimpleClient;

  beforeEach(async () => {
    world = await createTestWorld();
    simulator = new DnsimpleSimulator(world, { ...SANDBOX_CREDENTIALS.dnsimple, issuanceDelayMs: 60_000 });
    const served = await serveOver(transport, (origin) => simulator.handlers(`${origin}${SANDBOX_MOUNTS.dnsimple}`));
    close = served.close;
    dnsimple = createDnsimpleClient({
      ...SANDBOX_CREDENTIALS.dnsimple,
      baseUrl: `${served.origin}${SANDBOX_MOUNTS.dnsimple}`,
    });
  });
  afterEach(() => close());

  const certificatePath = (certificate: number) => ({ params: { path: { account, domain, certificate } } });
  const getCertificate = async (certificate: number) => {
    const { data, error } = await dnsimple.GET(
      "/{account}/domains/{domain}/certificates/{certificate}",
      certificatePath(certificate),
    );
    if (error) throw error;
    return data.data;
  };

  it("purchases, issues, downloads and renews a Let's Encrypt certificate", async () => {
    const me = await dnsimple.GET("/whoami");
    expect(me.data?.data).toEqual({
      account: {
        id: account,
        email: "sandbox@example.com",
        created_at: "2020-01-01T00:00:00Z",
        updated_at: "2020-01-01T00:00:00Z",
      },
      user: null,
    });
    const domains = await dnsimple.GET("/{account}/domains", { params: { path: { account } } });
    expect(domains.data?.data.map((listed) => [listed.id, listed.name, listed.state])).toEqual([
      [5001, "example.com", "hosted"],
      [5002, "example.org", "hosted"],
      [5003, "example.net", "hosted"],
    ]);

    const purchased = await dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt", {
      params: { path: { account, domain } },
      body: { name: "www", alternate_names: ["example.com"], auto_renew: true },
    });
    expect(purchased.response.status).toBe(201);
    expect(purchased.data?.data).toEqual({
      id: 100001,
      certificate_id: 100001,
      state: "new",
      auto_renew: true,
      created_at: "2026-03-01T12:00:00Z",
      updated_at: "2026-03-01T12:00:00Z",
    });
    expect(await getCertificate(100001)).toMatchObject({
      state: "new",
      name: "www",
      common_name: "www.example.com",
      alternate_names: ["example.com"],
      domain_id: 5001,
      authority_identifier: "letsencrypt",
      csr: null,
      expires_at: null,
    });

    const issued = await dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue", {
      params: { path: { account, domain, purchaseId: 100001 } },
    });
    expect(issued.response.status).toBe(202);
    expect(issued.data?.data).toMatchObject({
      id: 100001,
      state: "requesting",
      csr: null,
      expires_at: null,
      expires_on: null,
    });
    // DNSimple hosts the zone: it published the DNS-01 records itself.
    expect(world.dns.lookupTxt("_acme-challenge.www.example.com")).toHaveLength(1);
    expect(world.dns.lookupTxt("_acme-challenge.example.com")).toHaveLength(1);

    world.clock.advance(59_999);
    expect((await getCertificate(100001)).state).toBe("requesting");
    const early = await dnsimple.GET(
      "/{account}/domains/{domain}/certificates/{certificate}/download",
      certificatePath(100001),
    );
    expect(early.error).toMatchObject({
      status: 412,
      code: "PROVIDER",
      body: { message: "Certificate `100001` is not issued (state: requesting)" },
    });

    world.clock.advance(1);
    const certificate = await getCertificate(100001);
    expect(certificate).toMatchObject({
      state: "issued",
      updated_at: "2026-03-01T12:01:00Z",
      expires_at: "2026-05-30T12:01:00Z",
      expires_on: "2026-05-30",
    });
    expect(world.dns.lookupTxt("_acme-challenge.www.example.com")).toEqual([]);
    const csr = await parseCsr(certificate.csr!);
    expect(csr).toMatchObject({ key: { type: "ec", curve: "P-256" }, names: ["www.example.com", "example.com"] });

    const download = await dnsimple.GET(
      "/{account}/domains/{domain}/certificates/{certificate}/download",
      certificatePath(100001),
    );
    const bundle = download.data!.data;
    expect(bundle.root).toBeNull();
    expect(bundle.chain).toHaveLength(1);
    const verified = await world.ca.verifyChain([bundle.server, ...bundle.chain].join("\n"), world.clock.now());
    expect(verified).toMatchObject({
      ok: true,
      subject: "CN=www.example.com",
      names: ["www.example.com", "example.com"],
    });
    expect(download.response.headers.get("x-ratelimit-limit")).toBe("2400");

    const key = await dnsimple.GET(
      "/{account}/domains/{domain}/certificates/{certificate}/private_key",
      certificatePath(100001),
    );
    const privateKey = key.data!.data.private_key;
    expect(privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(publicKeyOf(privateKey).trim()).toBe(
      new x509.X509Certificate(bundle.server).publicKey.toString("pem").trim(),
    );
    expect(csr).toMatchObject({ publicKey: new x509.X509Certificate(bundle.server).publicKey.toString("pem") });

    const renewal = await dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals", {
      ...certificatePath(100001),
      body: { signature_algorithm: "ECDSA" },
    });
    expect(renewal.response.status).toBe(201);
    expect(renewal.data?.data).toEqual({
      id: 50001,
      old_certificate_id: 100001,
      new_certificate_id: 100002,
      state: "new",
      auto_renew: true,
      created_at: "2026-03-01T12:01:00Z",
      updated_at: "2026-03-01T12:01:00Z",
    });
    expect(await getCertificate(100002)).toMatchObject({
      state: "new",
      common_name: "www.example.com",
      alternate_names: ["example.com"],
    });

    const renewing = await dnsimple.POST(
      "/{account}/domains/{domain}/certificates/letsencrypt/{certificate}/renewals/{renewalId}/issue",
      { params: { path: { account, domain, certificate: 100001, renewalId: 50001 } } },
    );
    expect(renewing.response.status).toBe(202);
    expect(renewing.data?.data).toMatchObject({ id: 100002, state: "requesting" });
    expect(simulator.snapshot().renewals[0]?.state).toBe("renewing");

    world.clock.advance(60_000);
    expect(await getCertificate(100002)).toMatchObject({ state: "issued", expires_at: "2026-05-30T12:02:00Z" });
    expect(simulator.snapshot().renewals[0]?.state).toBe("renewed");
    const renewed = await dnsimple.GET(
      "/{account}/domains/{domain}/certificates/{certificate}/download",
      certificatePath(100002),
    );
    expect(renewed.data!.data.server).not.toBe(bundle.server);
    expect(
      await world.ca.verifyChain(
        [renewed.data!.data.server, ...renewed.data!.data.chain].join("\n"),
        world.clock.now(),
      ),
    ).toMatchObject({
      ok: true,
    });

    const list = await dnsimple.GET("/{account}/domains/{domain}/certificates", {
      params: { path: { account, domain: "5001" }, query: { sort: "expiration:desc" } },
    });
    expect(list.data?.data.map((listed) => [listed.id, listed.state])).toEqual([
      [100002, "issued"],
      [100001, "issued"],
    ]);
    expect(list.data?.pagination).toEqual({ current_page: 1, per_page: 30, total_entries: 2, total_pages: 1 });
  });

  it("registers, lists, reads and deletes webhooks", async () => {
    const path = { params: { path: { account } } };
    const created = await dnsimple.POST("/{account}/webhooks", {
      ...path,
      body: { url: "https://hooks.example.com/certs" },
    });
    expect(created.response.status).toBe(201);
    expect(created.data?.data).toEqual({ id: 8001, url: "https://hooks.example.com/certs" });
    expect((await dnsimple.GET("/{account}/webhooks", path)).data?.data).toEqual([
      { id: 8001, url: "https://hooks.example.com/certs" },
    ]);
    const one = await dnsimple.GET("/{account}/webhooks/{webhook}", { params: { path: { account, webhook: 8001 } } });
    expect(one.data?.data).toEqual({ id: 8001, url: "https://hooks.example.com/certs" });
    const deleted = await dnsimple.DELETE("/{account}/webhooks/{webhook}", {
      params: { path: { account, webhook: 8001 } },
    });
    expect(deleted.response.status).toBe(204);
    expect(deleted.response.headers.get("x-ratelimit-remaining")).toBe("2396");
    expect((await dnsimple.GET("/{account}/webhooks", path)).data?.data).toEqual([]);
  });
});

describe("DNSimple simulator key types", () => {
  let world: SimulatorWorld;
  let close: () => Promise<void>;
  let dnsimple: DnsimpleClient;

  beforeEach(async () => {
    world = await createTestWorld();
    const simulator = new DnsimpleSimulator(world, { ...SANDBOX_CREDENTIALS.dnsimple, issuanceDelayMs: 1000 });
    const served = await serveOver("msw", (origin) => simulator.handlers(`${origin}${SANDBOX_MOUNTS.dnsimple}`));
    close = served.close;
    dnsimple = createDnsimpleClient({
      ...SANDBOX_CREDENTIALS.dnsimple,
      baseUrl: `${served.origin}${SANDBOX_MOUNTS.dnsimple}`,
    });
  });
  afterEach(() => close());

  it("issues a wildcard with the apex as SAN and an RSA key when asked", async () => {
    const purchased = await dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt", {
      params: { path: { account, domain: "example.org" } },
      body: { name: "*", alternate_names: ["example.org"], signature_algorithm: "RSA" },
    });
    const id = purchased.data!.data.id;
    await dnsimple.POST("/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue", {
      params: { path: { account, domain: "example.org", purchaseId: id } },
    });
    // `*.example.org` and `example.org` are both answered at `_acme-challenge.example.org`: two values there.
    expect(world.dns.lookupTxt("_acme-challenge.example.org")).toHaveLength(2);
    world.clock.advance(1000);
    const path = { params: { path: { account, domain: "example.org", certificate: id } } };
    const certificate = (await dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}", path)).data!.data;
    expect(certificate).toMatchObject({ name: "*", common_name: "*.example.org", state: "issued" });
    const bundle = (await dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}/download", path)).data!
      .data;
    const leaf = new x509.X509Certificate(bundle.server);
    expect(leaf.publicKey.algorithm).toMatchObject({ name: "RSASSA-PKCS1-v1_5", modulusLength: 2048 });
    expect(await world.ca.verifyChain([bundle.server, ...bundle.chain].join("\n"), world.clock.now())).toMatchObject({
      ok: true,
      names: ["*.example.org", "example.org"],
    });
  });
});
