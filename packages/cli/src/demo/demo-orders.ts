import type { ProviderName } from "@certkit/certificates";
import { SANDBOX_SIMULATORS } from "@certkit/sandbox";

/**
 * The certificate the demo orders at each provider, as its simulator describes it: a name the sandbox's account
 * holds, one name each since IONOS takes one, and different names so the inventory reads well.
 */
export const DEMO_ORDERS = Object.fromEntries(
  SANDBOX_SIMULATORS.map((simulator) => [simulator.name, simulator.demoOrder]),
) as Readonly<Record<ProviderName, { readonly commonName: string }>>;
