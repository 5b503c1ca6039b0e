import { isCertkitError, type CertificateOrder, type ProviderName } from "@certkit/certificates";
import { isEnded } from "../ended-statuses.js";
import { parseDuration } from "../arguments/parse-duration.js";
import { EXIT } from "../exit-codes.js";
import { inventoryTable } from "../output/inventory-table.js";
import { orderJson } from "../output/order-view.js";
import type { Output } from "../output/output.js";
import { PROVIDER_OPTION, providerOption, type Command } from "./command.js";
import type { Session } from "../session.js";
import { DAY_MS } from "@certkit/runtime";

/** From "already ended" to further than any certificate lasts. */
const EXPIRING_WITHIN_BOUNDS = { min: 0, max: 36_500 * DAY_MS };

/** Every order of every selected provider; a provider that fails is reported, and the others still listed. */
async function collectOrders(
  session: Session,
  providers: readonly ProviderName[],
  output: Output,
  signal: AbortSignal,
) {
  const orders: CertificateOrder[] = [];
  const failures: { provider: ProviderName; code: string; message: string }[] = [];
  // Made first, so that a configuration the adapter refuses is bad usage rather than one provider's failure.
  const clients = providers.map((provider) => [provider, session.client(provider)] as const);
  for (const [provider, client] of clients) {
    try {
      for await (const order of client.list({ signal })) orders.push(order);
    } catch (error) {
      if (!isCertkitError(error) || error.code === "ABORTED") throw error;
      output.note(`certkit: ${provider}: ${error.message}`);
      failures.push({ provider, code: error.code, message: error.message });
    }
  }
  return { orders, failures };
}

/** `certkit list`: the inventory of one provider or every configured one. */
export const listCommand: Command = {
  name: "list",
  summary: "every certificate order: status, names, expiry, days left",
  usage: "[--provider NAME] [--expiring-within 30d]",
  details: [
    "Lists every configured provider unless --provider names one. A provider that fails is reported on stderr; the others are still listed, and the exit code is 1.",
  ],
  options: {
    ...PROVIDER_OPTION,
    "expiring-within": {
      type: "string",
      value: "DURATION",
      description: "only orders whose certificate ends within this time (e.g. 30d), or has ended",
    },
  },
  positionals: { min: 0, max: 0 },
  async run({ values, output, session, signal }) {
    const within =
      typeof values["expiring-within"] === "string"
        ? parseDuration(values["expiring-within"], "--expiring-within", EXPIRING_WITHIN_BOUNDS)
        : undefined;
    const provider = providerOption(values);
    const opened = await session();
    const providers = opened.select(provider);
    const { orders, failures } = await collectOrders(opened, providers, output, signal);
    const now = new Date();
    const shown =
      within === undefined
        ? orders
        : orders.filter(
            (order) =>
              order.validUntil !== undefined &&
              !isEnded(order.status) &&
              Date.parse(order.validUntil) - now.getTime() <= within,
          );
    output.json({ orders: shown.map((order) => orderJson(order, now)), failures });
    for (const line of inventoryTable(shown, now)) output.line(line);
    output.line(
      `${shown.length} order${shown.length === 1 ? "" : "s"}${within === undefined ? "" : ` expiring within ${values["expiring-within"] as string}`} at ${providers.length} provider${providers.length === 1 ? "" : "s"}`,
    );
    return failures.length === 0 ? EXIT.ok : EXIT.failed;
  },
};
