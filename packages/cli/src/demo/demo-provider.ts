// One provider's whole lifecycle in the demo, step by step, as a customer would go through it against the sandbox.
import { waitForStatus, type CertificateClient, type CertificateOrder, type ProviderName } from "@certkit/certificates";
import { generateCsr, type Sandbox } from "@certkit/sandbox";
import { validationLines } from "../output/order-view.js";
import type { Output } from "../output/output.js";
import { formatOrderRef } from "../order-ref.js";
import { DEMO_ORDERS } from "./demo-orders.js";
import { publishValidation, type SandboxControl } from "../sandbox/sandbox-control.js";

/** A step of the demo failed: which, and why. */
export class DemoStepError extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Runs one provider's whole lifecycle, printing each step; throws with the step's name when one fails. */
export async function demoProvider(
  provider: ProviderName,
  client: CertificateClient,
  sandbox: { sandbox: Sandbox; control: SandboxControl },
  output: Output,
  signal: AbortSignal,
): Promise<CertificateOrder> {
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
    const ordered = await client.order(
      { commonName, validationMethod, ...(csr === undefined ? {} : { csr }) },
      { signal },
    );
    const label = formatOrderRef(ordered);
    say(`ordered ${label} with ${validationMethod} validation: ${ordered.status}`);
    step = "read the validation";
    const validations = client.capabilities.validation
      ? await client.validation(ordered.id, { signal })
      : ordered.validation;
    for (const line of validationLines(validations, provider)) say(`  ${line}`);
    step = "publish the validation";
    for (const validation of validations) {
      const done = await publishValidation(sandbox.control, validation, signal);
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
      onProgress: (seen, attempt) =>
        output.progress(`  waiting for ${label}: ${seen.status}, look ${attempt}, ${seconds(started)}`),
    });
    output.endProgress();
    say(`${issued.status} after ${seconds(started)}`);
    step = "download";
    const bundle = await client.download(issued.id, { signal });
    step = "verify the chain";
    const fullchain = [bundle.certificate, ...bundle.chain].join("\n");
    const verification = await sandbox.sandbox.ca.verifyChain(fullchain, sandbox.sandbox.clock.now());
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
