import "reflect-metadata";
import { createDnsimpleV1Client, encodeFormBody, type DnsimpleV1Client } from "@certkit/dnsimple-v1";
import * as x509 from "@peculiar/x509";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateCsr } from "../src/ca/generate-csr.js";
import { parseCsr } from "../src/ca/sandbox-ca.js";
import { SANDBOX_CREDENTIALS } from "../src/credentials.js";
import { DnsimpleV1Simulator } from "../src/providers/dnsimple-v1/dnsimple-v1-simulator.js";
import { SANDBOX_MOUNTS } from "../src/providers.js";
import type { SimulatorWorld } from "../src/simulator.js";
import { createTestWorld, serveOver, TRANSPORTS } from "./support/transports.js";

const CREDENTIALS = SANDBOX_CREDENTIALS["dnsimple-v1"];
const FORM = {
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  bodySerializer: encodeFormBody,
} as const;
const DAY_MS = 86_400_000;

function certificatesOf(bundle: string): x509.X509Certificate[] {
  return x509.PemConverter.decodeWithHeaders(bundle).map((block) => new x509.X509Certificate(block.rawData));
}

describe.each(TRANSPORTS)("DNSimple v1 simulator over %s", (transport) => {
  let world: SimulatorWorld;
  let dnsimple: DnsimpleV1Client;
  let close: () => Promise<void>;

  beforeEach(async () => {
    world = await createTestWorld();
    const simulator = new DnsimpleV1Simulator(world, { ...CREDENTIALS, issuanceDelayMs: 60_000 });
    const served = await serveOver(transport, (origin) =>
      simulator.handlers(`${origin}${SANDBOX_MOUNTS["dnsimple-v1"]}`),
    );
    close = served.close;
    dnsimple = createDnsimpleV1Client({
      ...CREDENTIALS,
      baseUrl: `${served.origin}${SANDBOX_MOUNTS["dnsimple-v1"]}`,
      retry: { baseDelayMs: 1 },
    });
  });
  afterEach(() => close());

  const get = async (domain: string | number, id: number) => {
    const { data, error } = await dnsimple.GET("/domains/{domain}/certificates/{id}", {
      params: { path: { domain, id } },
    });
    if (error) throw error;
    return data.certificate;
  };

  it("lists the account's domains, each wrapped as {domain}", async () => {
    const { data } = await dnsimple.GET("/domains");
    expect(data).toEqual([
      {
        domain: {
          id: 1,
          name: "example.com",
          unicode_name: "example.com",
          state: "hosted",
          registrant_id: null,
          expires_on: null,
        },
      },
      {
        domain: {
          id: 2,
          name: "example.org",
          unicode_name: "example.org",
          state: "hosted",
          registrant_id: null,
          expires_on: null,
        },
      },
    ]);
  });

  it("takes a certificate DNSimple makes the key for from purchased to issued: configure, submit, approve, delay", async () => {
    const bought = await dnsimple.POST("/domains/{domain}/certificates", {
      params: { path: { domain: "example.com" } },
      body: { certificate: { name: "www", contact_id: 1 } },
    });
    expect(bought.response.status).toBe(201);
    const purchased = bought.data!.certificate;
    expect(purchased).toMatchObject({
      id: 1,
      domain_id: 1,
      contact_id: 1,
      name: "www",
      state: "purchased",
      certificate_status: "purchased",
      ssl_certificate: null,
      approver_email: null,
      available_approver_emails: null,
      configured_at: null,
      expires_on: null,
      created_at: "2026-03-01T12:00:00Z",
      updated_at: "2026-03-01T12:00:00Z",
    });
    expect(purchased.approver_emails).toBeUndefined();
    expect(purchased.private_key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const madeCsr = await parseCsr(purchased.csr!);
    expect(madeCsr).toMatchObject({ names: ["www.example.com"], key: { type: "ec", curve: "P-256" } });

    world.clock.advance(60_000);
    const configured = await dnsimple.PUT("/domains/{domain}/certificates/{id}/configure", {
      params: { path: { domain: "example.com", id: 1 } },
    });
    const approvers = ["admin", "administrator", "hostmaster", "postmaster", "webmaster"].map(
      (box) => `${box}@example.com`,
    );
    expect(configured.data?.certificate).toMatchObject({
      state: "configured",
      approver_emails: approvers,
      available_approver_emails: approvers.join(","),
      configured_at: "2026-03-01T12:01:00Z",
      updated_at: "2026-03-01T12:01:00Z",
    });

    const submitted = await dnsimple.PUT("/domains/{domain}/certificates/{id}/submit", {
      params: { path: { domain: "example.com", id: 1 } },
      body: { certificate: { approver_email: "Admin@example.com" } },
    });
    expect(submitted.data?.certificate).toMatchObject({
      state: "submitted",
      approver_email: "admin@example.com",
      ssl_certificate: null,
    });
    const [email, ...others] = world.mail.inbox();
    expect(others).toEqual([]);
    expect(email).toMatchObject({
      to: "admin@example.com",
      subject: "Approve the SSL certificate for www.example.com",
      sentAt: "2026-03-01T12:01:00.000Z",
    });

    world.clock.advance(DAY_MS);
    expect(await get("example.com", 1)).toMatchObject({ state: "submitted", ssl_certificate: null, expires_on: null });

    world.mail.approve(email!.code, world.clock.now());
    expect((await get("example.com", 1)).state).toBe("submitted");
    world.clock.advance(59_999);
    expect((await get(1, 1)).state).toBe("submitted");
    world.clock.advance(1);
    const issued = await get("example.com", 1);
    expect(issued).toMatchObject({
      state: "issued",
      certificate_status: "issued",
      updated_at: "2026-03-02T12:02:00Z",
      expires_on: "2027-03-02",
      private_key: purchased.private_key,
      csr: purchased.csr,
    });

    const [leaf, intermediate, ...rest] = certificatesOf(issued.ssl_certificate!);
    expect(rest).toEqual([]);
    expect(leaf!.subject).toBe("CN=www.example.com");
    expect(leaf!.notBefore.toISOString()).toBe("2026-03-02T12:02:00.000Z");
    expect(intermediate!.subject).toBe("CN=certkit Sandbox Issuing CA, O=certkit sandbox");
    expect(await world.ca.verifyChain(issued.ssl_certificate!, world.clock.now())).toMatchObject({
      ok: true,
      subject: "CN=www.example.com",
      names: ["www.example.com"],
    });

    // The private key handed out is the certificate's: what it signs, the certificate's public key verifies.
    const algorithm = { name: "ECDSA", namedCurve: "P-256" };
    const privateKey = await crypto.subtle.importKey(
      "pkcs8",
      x509.PemConverter.decodeFirst(issued.private_key!),
      algorithm,
      false,
      ["sign"],
    );
    const data = new TextEncoder().encode("sandbox");
    const signature = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, privateKey, data);
    const publicKey = await leaf!.publicKey.export(algorithm, ["verify"]);
    expect(await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey, signature, data)).toBe(true);

    const listed = await dnsimple.GET("/domains/{domain}/certificates", { params: { path: { domain: 1 } } });
    expect(listed.data?.map(({ certificate }) => [certificate.id, certificate.state])).toEqual([[1, "issued"]]);
  });

  it("issues for the customer's own CSR, sent form-encoded, and hands out no private key", async () => {
    const customer = await generateCsr({ commonName: "example.org", keyType: "rsa-2048" });
    const bought = await dnsimple.POST("/domains/{domain}/certificates", {
      params: { path: { domain: 2 } },
      body: { certificate: { name: "", contact_id: 1, csr: customer.csr } },
      ...FORM,
    });
    expect(bought.response.status).toBe(201);
    expect(bought.data?.certificate).toMatchObject({
      id: 1,
      domain_id: 2,
      name: "",
      state: "purchased",
      csr: customer.csr,
      private_key: null,
    });

    await dnsimple.PUT("/domains/{domain}/certificates/{id}/configure", {
      params: { path: { domain: "example.org", id: 1 } },
    });
    const submitted = await dnsimple.PUT("/domains/{domain}/certificates/{id}/submit", {
      params: { path: { domain: "example.org", id: 1 } },
      body: { certificate: { approver_email: "hostmaster@example.org" } },
      ...FORM,
    });
    expect(submitted.data?.certificate).toMatchObject({ state: "submitted", approver_email: "hostmaster@example.org" });
    const [email] = world.mail.inbox("hostmaster@example.org");
    expect(email?.subject).toBe("Approve the SSL certificate for example.org");

    world.mail.approve(email!.code, world.clock.now());
    world.clock.advance(60_000);
    const issued = await get("example.org", 1);
    expect(issued).toMatchObject({ state: "issued", private_key: null, expires_on: "2027-03-01" });
    const [leaf] = certificatesOf(issued.ssl_certificate!);
    expect(leaf!.subject).toBe("CN=example.org");
    const csr = await parseCsr(customer.csr);
    if ("problem" in csr) throw new Error(csr.problem);
    expect(leaf!.publicKey.toString("pem")).toBe(csr.publicKey);
    expect((await world.ca.verifyChain(issued.ssl_certificate!, world.clock.now())).ok).toBe(true);
  });

  it("buys a wildcard (name *) for *.domain", async () => {
    const { data } = await dnsimple.POST("/domains/{domain}/certificates", {
      params: { path: { domain: "example.com" } },
      body: { certificate: { name: "*", contact_id: 1 } },
    });
    expect(data?.certificate).toMatchObject({ name: "*", state: "purchased" });
    expect(await parseCsr(data!.certificate.csr!)).toMatchObject({ names: ["*.example.com"] });
  });
});
