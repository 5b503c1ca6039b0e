import type { CertificateClient, CertificateOrder } from "@certkit/certificates";
import { PROVIDERS } from "@certkit/certificates/providers";
import type { PurchaseRecovery } from "./purchase-recovery.js";

/** Whether the provider's orders keep the customer's own key (Resello's `client_reference`), so it finds an order exactly. */
const keepsClientReference = (provider: string): boolean =>
  PROVIDERS.some((descriptor) => descriptor.name === provider && descriptor.keepsClientReference);

const ENDED = new Set(["failed", "cancelled", "revoked"]);

/** The client reference an order carries in the provider's answer, where it has one. */
function clientReferenceOf(order: CertificateOrder): string | undefined {
  const raw = order.raw as { client_reference?: unknown } | null;
  return typeof raw?.client_reference === "string" ? raw.client_reference : undefined;
}

/** A provider's orders as one `list()` pass saw them, indexed for the lookups recovery makes. */
interface Listing {
  /** When the pass began: it shows every order made before then. */
  listedAt: number;
  byReference: Map<string, CertificateOrder>;
  byCommonName: Map<string, CertificateOrder[]>;
}

async function list(client: CertificateClient): Promise<Listing> {
  const listing: Listing = { listedAt: Date.now(), byReference: new Map(), byCommonName: new Map() };
  for await (const order of client.list()) {
    const reference = clientReferenceOf(order);
    if (reference !== undefined) listing.byReference.set(reference, order);
    const same = listing.byCommonName.get(order.commonName);
    if (same) same.push(order);
    else listing.byCommonName.set(order.commonName, [order]);
  }
  return listing;
}

/** Options of {@link listRecovery}. */
export interface ListRecoveryOptions {
  /** How far the provider's clock may be behind the database's when comparing creation times. Default 5 minutes. */
  clockSkewMs?: number;
  /**
   * How long one pass over a provider's orders serves every recovery of the worker: after a crash, many intents wait
   * to be recovered at once, and each would otherwise list every order. Default 10 s.
   */
  listCacheMs?: number;
}

/**
 * Recovery from the provider's own list: the order with the attempt's client reference where the provider keeps one;
 * otherwise an order for the same names (its common name first, every name of the attempt on it) created after the
 * intent (when the provider says when), not ended, that no certificate has claimed yet. One `list()` pass serves the
 * worker's recoveries for `listCacheMs`, unless a recovery needs one that began after a given time.
 */
export function listRecovery(options: ListRecoveryOptions = {}): PurchaseRecovery {
  const skew = options.clockSkewMs ?? 300_000;
  const cacheMs = options.listCacheMs ?? 10_000;
  const listings = new WeakMap<CertificateClient, Promise<Listing>>();
  const listingFor = async (client: CertificateClient, after: number): Promise<Listing> => {
    const cached = listings.get(client);
    if (cached) {
      const listing = await cached.catch(() => undefined);
      if (listing && listing.listedAt >= after && Date.now() - listing.listedAt <= cacheMs) return listing;
      // Another recovery may have started a newer pass meanwhile.
      const newer = listings.get(client);
      if (newer !== cached) return listingFor(client, after);
    }
    const pass = list(client);
    listings.set(client, pass);
    pass.catch(() => {
      if (listings.get(client) === pass) listings.delete(client);
    });
    return pass;
  };
  return {
    keepsClientReference,
    async find(attempt, client, context) {
      const listing = await listingFor(client, context.listedAfter?.getTime() ?? 0);
      if (keepsClientReference(attempt.provider)) return listing.byReference.get(attempt.clientReference);
      const since = attempt.intendedAt.getTime() - skew;
      for (const order of listing.byCommonName.get(attempt.names[0]!) ?? []) {
        const names = new Set([order.commonName, ...order.altNames]);
        if (!attempt.names.every((name) => names.has(name)) || ENDED.has(order.status)) continue;
        if (order.createdAt !== undefined && Date.parse(order.createdAt) < since) continue;
        if (await context.isClaimed(order.id)) continue;
        return order;
      }
      return undefined;
    },
  };
}
