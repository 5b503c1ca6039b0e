import type { CertificateOrder, ProviderName } from "@certkit/certificates";
import { PROVIDERS } from "@certkit/certificates/providers";
import { DemoStepError, demoProvider } from "../demo/demo-provider.js";
import { EXIT } from "../exit-codes.js";
import { inventoryTable } from "../output/inventory-table.js";
import { orderJson } from "../output/order-view.js";
import { formatOrderRef } from "../order-ref.js";
import type { Command } from "./command.js";

/** How the demo went at one provider. */
interface DemoResult {
  provider: ProviderName;
  ok: boolean;
  ref?: string;
  /** The step that failed, and why. */
  failed?: { step: string; message: string };
}

/** `certkit demo`: every provider's whole lifecycle against the embedded sandbox, then the inventory. */
export const demoCommand: Command = {
  name: "demo",
  summary: `order, validate, wait for and download a certificate at each of the ${PROVIDERS.length} providers, in the sandbox`,
  usage: "",
  details: [
    "Runs against a fresh embedded sandbox whatever is configured: nothing leaves the machine. The sandbox's state is",
    "saved afterwards (see CERTKIT_SANDBOX_STATE), so certkit list, show and download can look at the demo's orders.",
    "Exits 0 only if every step worked at every provider.",
  ],
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ output, session: open, signal }) {
    const session = await open({ freshEmbeddedSandbox: true });
    const sandbox = { sandbox: session.embedded!.sandbox, control: session.sandboxControl! };
    const results: DemoResult[] = [];
    for (const provider of session.configured) {
      output.line(`▶ ${provider}`);
      try {
        const issued = await demoProvider(provider, session.client(provider), sandbox, output, signal);
        results.push({ provider, ok: true, ref: formatOrderRef(issued) });
        output.line(`✔ ${provider}: every step worked`);
      } catch (error) {
        if (!(error instanceof DemoStepError)) throw error;
        if (signal.aborted) throw error.cause;
        results.push({ provider, ok: false, failed: { step: error.step, message: error.message } });
        output.line(`✘ ${provider}: could not ${error.step}: ${error.message}`);
      }
      output.line();
    }
    const orders: CertificateOrder[] = [];
    for (const provider of session.configured)
      for await (const order of session.client(provider).list({ signal })) orders.push(order);
    const now = new Date();
    output.line("inventory:");
    for (const line of inventoryTable(orders, now)) output.line(`  ${line}`);
    const failed = results.filter((result) => !result.ok).length;
    output.line();
    output.line(
      failed === 0
        ? `certkit demo: all ${results.length} providers worked`
        : `certkit demo: ${failed} of ${results.length} providers failed`,
    );
    output.json({ results, orders: orders.map((order) => orderJson(order, now)) });
    return failed === 0 ? EXIT.ok : EXIT.failed;
  },
};
