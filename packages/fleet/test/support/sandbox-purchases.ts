import { createAccountConnector, FLEET_PROVIDERS, type FleetAccount, type FleetProvider } from "../../src/index.ts";

/**
 * How many certificates each provider of the sandbox at `url` has sold: its orders as the provider's own list
 * shows them, read through the fleet's sandbox accounts (every provider a fleet can use has `list`).
 */
export async function sandboxPurchases(url: string): Promise<Record<FleetProvider, number>> {
  const accounts = Object.fromEntries(
    FLEET_PROVIDERS.map((provider): [string, FleetAccount] => [
      provider,
      { provider, sandbox: url, options: {}, env: {} },
    ]),
  );
  const connector = createAccountConnector(accounts);
  const counts = await Promise.all(
    FLEET_PROVIDERS.map(async (provider) => {
      const orders: unknown[] = [];
      for await (const order of connector.client(provider, provider).list()) orders.push(order);
      return [provider, orders.length] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<FleetProvider, number>;
}
