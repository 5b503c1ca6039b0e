import type { FleetProvider } from "../../src/index.ts";

/** Where each simulator keeps its purchases in a sandbox snapshot: one record per certificate bought. */
const PURCHASE_LISTS: Record<FleetProvider, string> = {
  "ionos-ssl": "orders",
  dnsimple: "certificates",
  "dnsimple-v1": "certificates",
  resello: "orders",
  sslmarket: "orders",
};

/** How many certificates each provider of the sandbox at `url` has sold, counted from its state (`GET /_sandbox/snapshot`). */
export async function sandboxPurchases(url: string): Promise<Record<FleetProvider, number>> {
  const response = await fetch(`${url}/_sandbox/snapshot`);
  if (!response.ok) throw new Error(`the sandbox answered its snapshot with HTTP ${response.status}`);
  const { providers } = (await response.json()) as { providers: Record<string, Record<string, unknown[]>> };
  return Object.fromEntries(
    Object.entries(PURCHASE_LISTS).map(([provider, list]) => [provider, providers[provider]?.[list]?.length ?? 0]),
  ) as Record<FleetProvider, number>;
}
