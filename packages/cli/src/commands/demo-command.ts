import { waitForStatus, type CertificateClient, type CertificateOrder, type ProviderName } from "@certkit/certificates";
import { generateCsr, type Sandbox } from "@certkit/sandbox";
import { DEMO_ORDERS } from "../demo/demo-orders.js";
import { publishValidation } from "../demo/publish-validation.js";
import { EXIT } from "../exit-codes.js";
import { inventoryTable } from "../output/inventory-table.js";
import { orderJson, validationLines } from "../output/order-view.js";
import type { Output } from "../output/output.js";
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

/** A step of the demo failed: which, and why. */
class DemoStepError extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Runs one provider's whole lifecycle, printing each step; throws with the step's name when one fails. */
async function demoProvider(provider: ProviderName, client: CertificateClient, sandbox: Sandbox, output: Output, signal: AbortSignal): Promise<CertificateOrder> {
  let step = "";
  const say = (text: string) => output.line(`  ${text}`);
  try {
    const { commonName } = DEMO_ORDERS[provider];
    const { csr: csrMode, validationMethods } = client.capabilities;
    step = "make a key";
    let csr: string | undefined;
    if (csrMode === "none") {
      say(`${provider} makes the key itself (no CSR)`);
    } else {
      csr = (await generateCsr({ commonName })).csr;
      say(`made a fresh RSA 2048 key and a CSR for ${commonName}`);
    }
    step = "order";
    const validationMethod = validationMethods.includes("dns") ? "dns" : validationMethods[0]!;
    const ordered = await client.order({ commonName, validationMethod, ...(csr === undefined ? {} : { csr }) }, { signal });
    const label = formatOrderRef(ordered);
    say(`ordered ${label} with ${validationMethod} validation: ${ordered.status}`);
    step = "read the validation";
    const validations = client.capabilities.validation ? await client.validation(ordered.id, { signal }) : ordered.validation;
    for (const line of validationLines(validations, provider)) say(`  ${line}`);
    step = "publish the validation";
    for (const validation of validations) {
      const done = publishValidation(sandbox, validation);
      if (done !== undefined) say(done);
    }
    if (client.capabilities.confirmValidation && validations.some((validation) => validation.dns ?? validation.file)) {
      step = "confirm the validation";
      say(`confirmed the validation: ${(await client.confirmValidation(ordered.id, { signal })).status}`);
    }
    step = "wait for issuance";
    const started = Date.now();
    const issued = await waitForStatus(client, ordered.id, {
      until: "issued",
      signal,
      intervalMs: 250,
      maxIntervalMs: 1_000,
      maxWaitMs: 60_000,
      onProgress: (seen, attempt) => output.progress(`  waiting for ${label}: ${seen.status}, look ${attempt}, ${seconds(started)}`),
    });
    output.endProgress();
    say(`${issued.status} after ${seconds(started)}`);
    step = "download";
    const bundle = await client.download(issued.id, { signal });
    step = "verify the chain";
    const fullchain = [bundle.certificate, ...bundle.chain].join("\n");
    const verification = await sandbox.ca.verifyChain(fullchain, sandbox.clock.now());
    if (!verification.ok) throw new Error(verification.problem);
    say(
      `downloaded the certificate, ${bundle.chain.length} intermediate${bundle.chain.length === 1 ? "" : "s"}` +
        `${bundle.privateKey === undefined ? "" : " and the key the provider made"}; the chain verifies up to the sandbox root (names ${verification.names.join(", ")}, valid until ${verification.notAfter.toISOString().slice(0, 10)})`,
    );
    return issued;
  } catch (error) {
    output.endProgress();
    throw new DemoStepError(step, error);
  }
}

/** `certkit demo`: every provider's whole lifecycle against the embedded sandbox, then the inventory. */
export const demoCommand: Command = {
  name: "demo",
  summary: "order, validate, wait for and download a certificate at each of the five providers, in the sandbox",
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
    const sandbox = session.embedded!.sandbox;
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
    for (const provider of session.configured) for await (const order of session.client(provider).list({ signal })) orders.push(order);
    const now = new Date();
    output.line("inventory:");
    for (const line of inventoryTable(orders, now)) output.line(`  ${line}`);
    const failed = results.filter((result) => !result.ok).length;
    output.line();
    output.line(failed === 0 ? `certkit demo: all ${results.length} providers worked` : `certkit demo: ${failed} of ${results.length} providers failed`);
    output.json({ results, orders: orders.map((order) => orderJson(order, now)) });
    return failed === 0 ? EXIT.ok : EXIT.failed;
  },
};
