import type { CertificateOrder, CertificateStatus } from "@certkit/certificates";
import type { ProviderConnector } from "../providers/provider-connector.js";
import type { CertificateRow, CertificateState, FleetStore, Step, StepRequest } from "../store/fleet-store.js";

/** What `resync` found and did. */
export interface ResyncReport {
  /** Certificates looked at (removed ones are not). */
  certificates: number;
  /** Orders the store did not know that became a certificate's purchase. */
  adopted: number;
  /** Certificates whose order is gone or ended at the provider: a new generation orders again. */
  reordered: number;
  /** Certificates whose state, order or end date was brought in line with the provider. */
  updated: number;
  /** Orders at the accounts that no certificate has: left alone, listed as `provider:id`. */
  unmanaged: string[];
  /** Accounts whose list failed, with why: their certificates were left as they were. */
  failures: { account: string; message: string }[];
}

const ENDED = new Set<CertificateStatus>(["failed", "cancelled", "revoked", "expired"]);

/** Where a certificate stands, and its next step, from its order's status at the provider. */
function fromProvider(
  order: CertificateOrder,
  row: CertificateRow,
  hasBundle: boolean,
): { state: CertificateState; step: Step } {
  if (order.status === "issued")
    return hasBundle && row.deliveredGeneration === row.generation
      ? { state: "delivered", step: "renew" }
      : { state: "downloading", step: "download" };
  if (order.status === "awaiting_validation") return { state: "validating", step: "publish" };
  return { state: "issuing", step: "wait" };
}

function matches(order: CertificateOrder, row: CertificateRow): boolean {
  const names = new Set([order.commonName, ...order.altNames]);
  return (
    order.commonName === row.spec.names[0] &&
    row.spec.names.every((name) => names.has(name)) &&
    !ENDED.has(order.status)
  );
}

/**
 * Rebuilds the store from the providers, which are the source of truth: reads every order of each account once
 * (`list()`), then for each certificate: its known order's status and end date set its state and next step; a known
 * order the provider no longer has, or that ended, starts a new generation; a certificate still ordering adopts the
 * newest unclaimed order for its names (with a key the fleet still has, or the provider's), so a store rebuilt from
 * scratch does not buy again. Then the jobs for the new next steps are sent.
 */
export async function resyncFleet(
  store: FleetStore,
  connector: ProviderConnector,
  options: { send: (requests: StepRequest[]) => Promise<void> },
): Promise<ResyncReport> {
  const report: ResyncReport = { certificates: 0, adopted: 0, reordered: 0, updated: 0, unmanaged: [], failures: [] };
  const rows = (await store.certificates()).filter((row) => row.state !== "removed");
  const orders = new Map<string, CertificateOrder[]>();
  for (const row of rows) {
    if (orders.has(row.spec.account) || report.failures.some((failure) => failure.account === row.spec.account))
      continue;
    try {
      const found: CertificateOrder[] = [];
      for await (const order of connector.client(row.spec.provider, row.spec.account).list()) found.push(order);
      orders.set(row.spec.account, found);
    } catch (error) {
      report.failures.push({
        account: row.spec.account,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const requests: StepRequest[] = [];
  const used = new Set<string>();
  for (const row of rows) {
    const known = orders.get(row.spec.account);
    if (!known) continue;
    report.certificates++;
    if (row.orderId !== null) used.add(`${row.spec.account}\u0000${row.orderId}`);
    const current = row.orderId === null ? undefined : known.find((order) => order.id === row.orderId);
    if (row.orderId !== null && (!current || ENDED.has(current.status))) {
      const generation = await store.reorder(row);
      if (generation !== undefined) requests.push({ key: row.key, generation, step: "order" });
      report.reordered++;
      continue;
    }
    let order = current;
    if (!order) {
      const purchase = await store.lastPurchase(row.key, row.generation);
      // An intent whose outcome is unknown is the order step's to recover: it knows the intent's time and reference.
      if (purchase?.state === "intended") continue;
      const client = connector.client(row.spec.provider, row.spec.account);
      for (const candidate of known.filter((candidate) => matches(candidate, row)).reverse()) {
        if (await store.isClaimed(row.spec.provider, row.spec.account, candidate.id)) continue;
        const keyKnown =
          client.capabilities.csr === "none" ||
          (await store.keyForOrder(row.spec.provider, row.spec.account, candidate.id)) !== null;
        if (candidate.status === "issued" && !keyKnown) continue;
        order = candidate;
        break;
      }
      if (!order) continue;
      await store.adoptOrder(row, order.id);
      used.add(`${row.spec.account}\u0000${order.id}`);
      report.adopted++;
    }
    const bundle = await store.bundle(row.key, row.generation);
    const next = fromProvider(order, row, bundle?.orderId === order.id);
    const validUntil = order.validUntil === undefined ? null : new Date(order.validUntil);
    const changed =
      next.state !== row.state || order.id !== row.orderId || validUntil?.getTime() !== row.validUntil?.getTime();
    await store.advance(row.key, row.generation, {
      state: next.state,
      nextStep: next.step,
      orderId: order.id,
      validUntil,
    });
    requests.push({ key: row.key, generation: row.generation, step: next.step });
    if (changed) report.updated++;
  }
  for (const [account, found] of orders) {
    for (const order of found)
      if (!used.has(`${account}\u0000${order.id}`)) report.unmanaged.push(`${order.provider}:${order.id}`);
  }
  await options.send(requests);
  return report;
}
