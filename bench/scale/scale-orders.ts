// The orders the scale benchmarks load into the sandbox, made directly as the simulators' JSON state (their
// `restore`), since ordering 50,000 certificates through the API would take longer than everything measured.
import type { DnsimpleState, IonosOrder, IssuedCertificate } from "@certkit/sandbox";

/** A UUID-shaped id made from a number, so every run lists the same ids in the same order. */
function orderUuid(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, "0")}`;
}

/**
 * `count` IONOS certificates in the mix an account that has been used for a while holds: three in five issued (with
 * their PEM chain, so each list page carries realistic bodies), one in four waiting for its DNS record, the rest
 * validated and waiting for the CA. `issued` is one real certificate, shown under every issued order.
 */
export function ionosOrders(count: number, issued: IssuedCertificate, now: Date): IonosOrder[] {
  const activeAt = new Date(now.getTime() - 86_400_000).toISOString();
  const dueAt = new Date(now.getTime() + 86_400_000).toISOString();
  return Array.from({ length: count }, (_, index): IonosOrder => {
    const kind = index % 20;
    const commonName = `shop-${index}.example.com`;
    const authentication = {
      id: orderUuid(index + 1_000_000_000),
      method: "DNS" as const,
      name: `_dnsauth.${commonName}`,
      content: `token-${index}`,
      status: kind >= 12 && kind < 17 ? ("WAITING_FOR_CUSTOMER" as const) : ("AUTHENTICATED" as const),
    };
    const order: IonosOrder = { id: orderUuid(index), certificateType: "SSL_STARTER", commonName, authentication };
    if (kind < 12) return { ...order, activeAt, issued };
    if (kind >= 17) return { ...order, activeAt: dueAt, issued };
    return order;
  });
}

/** The DNSimple account's first domain, where the simulator gives domain id 5001. */
export const DNSIMPLE_DOMAIN = { id: 5001, name: "example.com" };

/**
 * `count` DNSimple Let's Encrypt certificates whose issuance was requested: each has its DNS-01 challenge record
 * (returned, for the fake DNS) and is due `firstDueMs` to `lastDueMs` from `now`, spread evenly.
 */
export function requestedDnsimpleCertificates(
  count: number,
  now: Date,
  firstDueMs: number,
  lastDueMs: number,
): { state: DnsimpleState; challenges: { name: string; value: string }[] } {
  const created = now.toISOString();
  const certificates = Array.from({ length: count }, (_, index): DnsimpleState["certificates"][number] => {
    const commonName = `host-${index}.${DNSIMPLE_DOMAIN.name}`;
    const due = firstDueMs + ((lastDueMs - firstDueMs) * index) / Math.max(1, count - 1);
    return {
      id: 100_001 + index,
      domainId: DNSIMPLE_DOMAIN.id,
      name: `host-${index}`,
      commonName,
      alternateNames: [],
      autoRenew: false,
      signatureAlgorithm: "ECDSA",
      contactId: null,
      state: "requesting",
      createdAt: created,
      updatedAt: created,
      dueAt: new Date(now.getTime() + due).toISOString(),
      challenges: [{ name: `_acme-challenge.${commonName}`, value: `challenge-${index}` }],
    };
  });
  return {
    state: {
      certificates,
      renewals: [],
      webhooks: [],
      nextIds: { certificate: 100_001 + count, renewal: 50_001, webhook: 8_001 },
    },
    challenges: certificates.flatMap((certificate) => certificate.challenges),
  };
}
