import { SandboxClock, setupSandbox, type MswSandbox } from "@certkit/sandbox";
import { useMswServer } from "@certkit/test-kit";
import { beforeEach, describe, expect, it } from "vitest";
import {
  certificateEventFromDnsimpleWebhook,
  dnsimple,
  readDnsimpleCertificateDelivery,
} from "../../src/providers/dnsimple/index.js";
import { createCertificateClient, createWebhookDeduplicator, type CertificateClient } from "../../src/index.js";

const { server } = useMswServer();

let sandbox: MswSandbox;
let client: CertificateClient;
let certificateGets: number;

beforeEach(async () => {
  sandbox = await setupSandbox(server, { clock: new SandboxClock({ frozenAt: new Date("2026-03-01T12:00:00Z") }) });
  certificateGets = 0;
  const counting = (request: Request) => {
    if (request.method === "GET" && /\/certificates\/\d+$/.test(new URL(request.url).pathname)) certificateGets += 1;
    return globalThis.fetch(request);
  };
  client = createCertificateClient(dnsimple({ ...sandbox.clientOptions("dnsimple"), retry: false, fetch: counting }));
});

/** A delivery as DNSimple posts it, about certificate `id` under domain `domainId`, claiming `state`. */
function delivery(
  name: string,
  id: number,
  domainId: number,
  state: string,
  requestIdentifier = "9a5fd2bb-2f4a-4c5e-8c36-3d0a9d1d4a01",
) {
  return JSON.stringify({
    name,
    api_version: "v2",
    request_identifier: requestIdentifier,
    data: {
      certificate: {
        id,
        domain_id: domainId,
        contact_id: null,
        name: "www",
        common_name: "www.example.com",
        years: 1,
        csr: null,
        state,
        auto_renew: false,
        alternate_names: [],
        authority_identifier: "letsencrypt",
        created_at: "2026-03-01T12:00:00Z",
        updated_at: "2026-03-01T12:00:00Z",
        expires_at: null,
        expires_on: null,
      },
    },
    account: { id: sandbox.simulators.dnsimple.accountId, display: "Sandbox", identifier: "sandbox" },
    actor: { id: "system", entity: "dnsimple", pretty: "support@dnsimple.com" },
  });
}

describe("certificateEventFromDnsimpleWebhook", () => {
  it("fetches the order again by id instead of trusting what the payload says", async () => {
    const ordered = await client.order({ commonName: "www.example.com" });
    const [, , certificateId] = ordered.id.split("/");
    const domainId = 5001; // example.com, the sandbox's first domain
    const event = await certificateEventFromDnsimpleWebhook(
      delivery("certificate.issue", Number(certificateId), domainId, "issued"),
      client,
    );
    expect(event).toMatchObject({
      name: "certificate.issue",
      requestIdentifier: "9a5fd2bb-2f4a-4c5e-8c36-3d0a9d1d4a01",
    });
    // The payload says issued; the API says the certificate is still being requested.
    expect(event?.order).toMatchObject({
      provider: "dnsimple",
      commonName: "www.example.com",
      status: "processing",
      providerStatus: "requesting",
    });
  });

  it("skips events that are not about certificates", async () => {
    const domainEvent = JSON.parse(delivery("certificate.issue", 1, 5001, "issued")) as Record<string, unknown>;
    const body = { ...domainEvent, name: "domain.create", data: { domain: { id: 5001, name: "example.com" } } };
    expect(await certificateEventFromDnsimpleWebhook(body, client)).toBeUndefined();
  });

  it("refuses a body that is not a DNSimple webhook", async () => {
    await expect(certificateEventFromDnsimpleWebhook("{not json", client)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(certificateEventFromDnsimpleWebhook({ name: "certificate.issue" }, client)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("surfaces NOT_FOUND for a certificate the account does not have", async () => {
    await expect(
      certificateEventFromDnsimpleWebhook(delivery("certificate.issue", 999_999, 5001, "issued"), client),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      status: 404,
    });
  });

  it("handles each event once with a deduplicator keyed on request_identifier", async () => {
    const ordered = await client.order({ commonName: "www.example.com" });
    const certificateId = Number(ordered.id.split("/")[2]);
    const dedupe = createWebhookDeduplicator();
    const handled: string[] = [];
    const receive = async (body: string) => {
      const event = await certificateEventFromDnsimpleWebhook(body, client);
      if (event && (await dedupe.isFirstDelivery(event.requestIdentifier)))
        handled.push(`${event.name} ${event.order.status}`);
    };
    await receive(delivery("certificate.issue", certificateId, 5001, "issued", "delivery-1"));
    await receive(delivery("certificate.issue", certificateId, 5001, "issued", "delivery-1"));
    await receive(delivery("certificate.auto_renewal_enable", certificateId, 5001, "issued", "delivery-2"));
    expect(handled).toEqual(["certificate.issue processing", "certificate.auto_renewal_enable processing"]);
  });
});

describe("the README's webhook handler: read the delivery, claim it, and only then read the order", () => {
  // As in the README: the delivery is claimed before any request, so repeats cost nothing.
  const deliveries = createWebhookDeduplicator();
  const seen: string[] = [];
  async function onDnsimpleWebhook(body: string, dnsimpleCerts: CertificateClient): Promise<void> {
    const event = readDnsimpleCertificateDelivery(body);
    if (!event) return;
    await deliveries.handleOnce(event.requestIdentifier, async () => {
      const order = await dnsimpleCerts.get(event.orderId);
      seen.push(`${event.name} ${order.commonName} ${order.status}`);
    });
  }

  it("makes one GET for 1,000 deliveries of one event arriving at once", async () => {
    const ordered = await client.order({ commonName: "www.example.com" });
    const certificateId = Number(ordered.id.split("/")[2]);
    const body = delivery("certificate.issue", certificateId, 5001, "issued", "concurrent-0001");
    await Promise.all(Array.from({ length: 1_000 }, () => onDnsimpleWebhook(body, client)));
    expect(certificateGets).toBe(1);
    expect(seen).toEqual(["certificate.issue www.example.com processing"]);
  });

  it("reads a delivery without any request, and answers other events with undefined", () => {
    expect(readDnsimpleCertificateDelivery(delivery("certificate.issue", 7, 5001, "issued", "read-1"))).toEqual({
      name: "certificate.issue",
      requestIdentifier: "read-1",
      orderId: `${sandbox.simulators.dnsimple.accountId}/5001/7`,
    });
    const systemEvent = {
      ...(JSON.parse(delivery("certificate.issue", 7, 5001, "issued")) as object),
      name: "dnssec.rotation_start",
      data: { zone: { id: 1 } },
      actor: { id: "", entity: "dnsimple", pretty: "support@dnsimple.com" },
    };
    expect(readDnsimpleCertificateDelivery(systemEvent)).toBeUndefined();
    expect(certificateGets).toBe(0);
  });
});
